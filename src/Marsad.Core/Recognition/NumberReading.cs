using System.Globalization;
using Marsad.Analysis;
using Marsad.Languages;

namespace Marsad.Recognition;

/// <summary>
/// What one token is worth as part of a number: its digits as a value (with the language's decimal
/// mark and grouping), or the number word that starts at it; the shared bounds of the recognizers.
/// </summary>
internal static class NumberReading
{
    /// <summary>
    /// The largest number read at all (a phone number is read, and then is no count): a larger one
    /// is read whole, so its scale word is not taken for a number of its own, with no value, never
    /// wrapped past 64 bits.
    /// </summary>
    public const long LargestNumber = 1_000_000_000_000_000_000;

    /// <summary>More digits than this cannot be under <see cref="LargestNumber"/>, whatever follows them.</summary>
    public const int MostDigits = 28;

    /// <summary>The token's digits as a number (separators dropped); null past <see cref="LargestNumber"/>.</summary>
    public static decimal? DigitValue(AnalyzedText text, int at)
    {
        var digits = text.Tokens[at].In(text.Text);

        // "640.000": decimal marks between groups of three are thousands separators, unless a scale
        // word follows ("1.500 مليون" is one and a half million). Every other separator groups thousands.
        var decimalMark = text.Language.Conventions.DecimalMark;
        var marksGroupThousands = IsGroupedBy(digits, decimalMark) && Number(text, at + 1)?.Number is not (NumberWord.Scale or NumberWord.PluralScale);
        Span<char> plain = stackalloc char[MostDigits + 1];
        var length = 0;
        var leadingZero = true;
        foreach (var c in digits)
        {
            if (c == '0' && leadingZero)
            {
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == decimalMark && !marksGroupThousands))
            {
                // Checked before the digit is kept: the number's length is the text's, not ours.
                if (length == plain.Length)
                {
                    return null;
                }

                plain[length++] = c == decimalMark ? '.' : c;
                leadingZero = false;
            }
        }

        if (length == 0)
        {
            return 0;
        }

        return decimal.TryParse(plain[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value <= LargestNumber
            ? value
            : null;
    }

    /// <summary>A number too large to count, read to its end so no part of it is taken for a count of its own.</summary>
    public static Quantity TooLarge(AnalyzedText text, int at, QuantityForm form)
    {
        var last = at + 1;
        while (last < text.Tokens.Count && Number(text, last)?.Number is NumberWord.Scale or NumberWord.PluralScale or NumberWord.Hundred)
        {
            last++;
        }

        return new Quantity(at, last, form, null, null);
    }

    /// <summary>A computed figure as a number: null past <see cref="LargestNumber"/>.</summary>
    public static long? Count(decimal value) => value is >= 0 and <= LargestNumber ? (long)value : null;

    /// <summary>Whether a mark stands between groups of three digits only ("640.000", "1.250.000").</summary>
    private static bool IsGroupedBy(ReadOnlySpan<char> digits, char mark)
    {
        var dot = digits.IndexOf(mark);
        if (dot is < 1 or > 3)
        {
            return false;
        }

        for (var at = dot; at < digits.Length; at += 4)
        {
            if (digits[at] != mark || at + 4 > digits.Length || !char.IsAsciiDigit(digits[at + 1]) || !char.IsAsciiDigit(digits[at + 2])
                || !char.IsAsciiDigit(digits[at + 3]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The number word that starts at a token, unless it carries the article (an ordinal or a name).</summary>
    public static LexiconEntry? Number(AnalyzedText text, int at)
    {
        var match = text.StartingAt(at, LexiconKind.Number);
        return match is { Article: false } m ? m.Entry : null;
    }
}
