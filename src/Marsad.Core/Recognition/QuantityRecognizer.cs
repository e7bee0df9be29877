using System.Globalization;
using Marsad.Languages;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Recognition;

/// <summary>
/// Finds numbers in an analyzed text: digits (with separators, decimals and scale words), number
/// words and their compounds, duals, and vague amounts. It keeps what looks like a count and
/// leaves out years, dates, clock times and lone page counters; what is counted is the claim
/// parser's business.
/// </summary>
public static class QuantityRecognizer
{
    private const int FirstYear = 1900;
    private const int LastYear = 2100;

    /// <summary>The largest figure that may count something: a hundred times the people on Earth.</summary>
    public const long LargestCount = 1_000_000_000_000;

    /// <summary>
    /// The largest number read at all (a phone number is read, and then is no count): a larger one
    /// is read whole, so its scale word is not taken for a number of its own, with no value, never
    /// wrapped past 64 bits.
    /// </summary>
    private const long LargestNumber = 1_000_000_000_000_000_000;

    /// <summary>More digits than this cannot be under <see cref="LargestNumber"/>, whatever follows them.</summary>
    private const int MostDigits = 28;

    /// <summary>The quantities that may count something: every number but years, dates, times, counters and numbers too large to count.</summary>
    public static List<Quantity> Recognize(AnalyzedText text) =>
        [.. Numbers(text).Where(quantity => !IsTooLarge(quantity) && !IsNotACount(text, quantity))];

    /// <summary>Every number in the text, whatever it counts.</summary>
    public static List<Quantity> Numbers(AnalyzedText text)
    {
        var found = new List<Quantity>();
        var tokens = text.Tokens;
        for (var i = 0; i < tokens.Count;)
        {
            var quantity = tokens[i].Kind switch
            {
                TokenKind.Number => Digits(text, i),
                TokenKind.Word => NounThenNumber(text, i) ?? Words(text, i) ?? Vague(text, i) ?? Dual(text, i),
                _ => null,
            };
            if (quantity is null)
            {
                i++;
                continue;
            }

            found.Add(quantity);
            i = quantity.Last;
        }

        return found;
    }

    private static Quantity? Digits(AnalyzedText text, int at)
    {
        if (ReversedDecimal(text, at) is { } reversed)
        {
            return reversed;
        }

        if (DigitValue(text, at) is not { } value)
        {
            return TooLarge(text, at, QuantityForm.Digits);
        }

        if (value != decimal.Truncate(value))
        {
            // "1.5 مليون" is a count; a bare "2.5" is not.
            return Number(text, at + 1) is { } scale && scale.Number is NumberWord.Scale or NumberWord.PluralScale
                ? new Quantity(at, at + 2, QuantityForm.Digits, Count(decimal.Round(value * scale.Value)), null)
                : null;
        }

        return Compound(text, at, QuantityForm.Digits);
    }

    /// <summary>
    /// "8ر1 مليون" = 1.8 million: wire copy that writes a decimal with a letter for the point puts
    /// the fraction first (the letter is a number word of kind <c>reversed_decimal</c>); only before a scale word.
    /// </summary>
    private static Quantity? ReversedDecimal(AnalyzedText text, int at)
    {
        var tokens = text.Tokens;
        if (at + 3 >= tokens.Count || Number(text, at + 1)?.Number != NumberWord.ReversedDecimal || tokens[at + 2].Kind != TokenKind.Number
            || tokens[at].End != tokens[at + 1].Start || tokens[at + 1].End != tokens[at + 2].Start
            || Number(text, at + 3) is not { } scale || scale.Number != NumberWord.Scale
            || !long.TryParse(tokens[at].In(text.Text), NumberStyles.None, CultureInfo.InvariantCulture, out var fraction)
            || !long.TryParse(tokens[at + 2].In(text.Text), NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
        {
            return null;
        }

        // At most 19 digits each and a scale word of the lexicon: the product stays inside decimal.
        var value = whole + (fraction / (decimal)Math.Pow(10, tokens[at].Length));
        return new Quantity(at, at + 4, QuantityForm.Digits, Count(decimal.Round(value * scale.Value)), null);
    }

    /// <summary>The token's digits as a number (separators dropped); null past <see cref="LargestNumber"/>.</summary>
    private static decimal? DigitValue(AnalyzedText text, int at)
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
    private static Quantity TooLarge(AnalyzedText text, int at, QuantityForm form)
    {
        var last = at + 1;
        while (last < text.Tokens.Count && Number(text, last)?.Number is NumberWord.Scale or NumberWord.PluralScale or NumberWord.Hundred)
        {
            last++;
        }

        return new Quantity(at, last, form, null, null);
    }

    private static bool IsTooLarge(Quantity quantity) => quantity is { Value: null, Magnitude: null } or { Value: > LargestCount };

    /// <summary>A computed figure as a number: null past <see cref="LargestNumber"/>.</summary>
    private static long? Count(decimal value) => value is >= 0 and <= LargestNumber ? (long)value : null;

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

    private static Quantity? Words(AnalyzedText text, int at) =>
        Number(text, at) is { } first && first.Number is not (NumberWord.Teen or NumberWord.Vague) ? Compound(text, at, QuantityForm.Words) : null;

    /// <summary>
    /// A number read left to right from digits and number words: units, teens and tens add up,
    /// "مئة" multiplies what came before it, a scale word closes a group ("ثلاثة آلاف وخمسمائة"
    /// = 3 × 1000 + 500, "3 مئة و21" = 321). A later part joins only with "و" and only where it
    /// fills a place still empty, so "ما بين 3000 و3500" stays two numbers. No word may carry the
    /// article, which would make it an ordinal or a name ("الاثنين" is Monday).
    /// </summary>
    private static Quantity? Compound(AnalyzedText text, int at, QuantityForm form)
    {
        // Decimal, checked against LargestNumber at every step: every part and scale is at most
        // LargestNumber, so no product of two can leave decimal's range.
        decimal total = 0;
        decimal group = 0;
        var last = at;
        var i = at;
        NumberWord? previous = null;
        var previousDigits = false;
        while (i < text.Tokens.Count)
        {
            // "twenty-five": a hyphen joins a ten and a unit as "و" does.
            var hyphenated = previous == NumberWord.Ten && text.IsPunctuation(i, '-') && Number(text, i + 1)?.Number == NumberWord.Unit;
            var joined = i == at || StartsWithAnd(text, i) || hyphenated;
            var next = i > at && (IsAnd(text, i) || hyphenated) ? i + 1 : i;
            // After a scale word the next group may follow without "و": "٤ آلاف ٣ مائة و ٢١".
            joined |= previous is NumberWord.Scale or NumberWord.DualScale or NumberWord.PluralScale;

            // "ثلاث عشرة": the feminine ten after a unit, without "و", is its teen.
            var feminineTeen = !joined && previous == NumberWord.Unit && IsTen(Number(text, i));
            if (!joined && i > at && next == i && !IsScaleOrHundred(text, i) && !feminineTeen)
            {
                break;
            }

            if (!TryPart(text, next, out var word, out var value, out var width, out var tooLarge))
            {
                if (tooLarge)
                {
                    return i == at ? TooLarge(text, at, form) : Close(at, last, total + group, form);
                }

                break;
            }

            // A part without a word is digits.
            word = feminineTeen ? NumberWord.Teen : word;
            var digits = word is null;

            // Digits never add to digits: "100 و20" is two figures, not 120.
            var adds = word is null or NumberWord.Unit or NumberWord.Ten or NumberWord.Hundreds;
            if (i > at && adds && (!(joined || next > i) || !FillsEmptyPlace(total + group, group, value, text.Language.Conventions.UnitsBeforeTens)
                || (digits && previousDigits)))
            {
                break;
            }

            (previous, previousDigits) = (word, digits);

            switch (word)
            {
                case null or NumberWord.Unit or NumberWord.Ten or NumberWord.Hundreds:
                    group += value;
                    break;
                case NumberWord.TeenUnit when Number(text, next + 1) is { } teen && (teen.Number == NumberWord.Teen || IsTen(teen)):
                    group += value + 10;
                    width++;
                    break;
                case NumberWord.Teen when group % 10 != 0 && group % 100 < 10:
                    group += 10;
                    break;
                case NumberWord.Hundred:
                    group = (group == 0 ? 1 : group) * 100;
                    break;
                case NumberWord.Scale:
                case NumberWord.PluralScale when i > at:
                    total += (group == 0 ? 1 : group) * value;
                    group = 0;
                    break;
                case NumberWord.DualScale:
                    total += (group == 0 ? 2 : group) * value;
                    group = 0;
                    break;
                default:
                    return Close(at, last, total + group, form);
            }

            last = next + width;
            i = last;
            if (total + group > LargestNumber)
            {
                return TooLarge(text, at, form) with { Last = last };
            }
        }

        return Close(at, last, total + group, form);

        static Quantity? Close(int at, int last, decimal value, QuantityForm form) =>
            last > at && (value > 0 || form == QuantityForm.Digits) ? new Quantity(at, last, form, Count(value), null) : null;
    }

    /// <param name="word">The number word; <c>null</c> for digits.</param>
    private static bool TryPart(AnalyzedText text, int at, out NumberWord? word, out decimal value, out int width, out bool tooLarge)
    {
        (word, value, width, tooLarge) = (null, 0, 1, false);
        if (at >= text.Tokens.Count)
        {
            return false;
        }

        if (text.Tokens[at].Kind == TokenKind.Number)
        {
            if (DigitValue(text, at) is not { } digits)
            {
                tooLarge = true;
                return false;
            }

            if (digits != decimal.Truncate(digits))
            {
                return false;
            }

            value = digits;
            return true;
        }

        if (Number(text, at) is not { } entry || entry.Number == NumberWord.Vague)
        {
            return false;
        }

        (word, value) = (entry.Number, entry.Value);
        return true;
    }

    /// <summary>An added part must be smaller than the smallest place already filled (300 + 21), or
    /// the tens after a unit in a language that says the unit first (<c>units-before-tens</c>:
    /// "واحد وثلاثون" = 31).</summary>
    private static bool FillsEmptyPlace(decimal sum, decimal group, decimal value, bool unitsBeforeTens)
    {
        if (sum == 0)
        {
            return true;
        }

        var place = 1m;
        while (sum % (place * 10) == 0)
        {
            place *= 10;
        }

        var unitsThenTens = unitsBeforeTens && value % 10 == 0 && value < 100 && group % 100 is > 0 and < 10;
        return value < place || unitsThenTens;
    }

    /// <summary>"عشرة": the ten that also makes feminine teens ("إحدى عشرة", "ثلاث عشرة").</summary>
    private static bool IsTen(LexiconEntry? word) => word is { Number: NumberWord.Ten, Value: 10 };

    private static bool IsScaleOrHundred(AnalyzedText text, int at) =>
        Number(text, at)?.Number is NumberWord.Scale or NumberWord.DualScale or NumberWord.PluralScale or NumberWord.Hundred or NumberWord.Teen;

    private static bool IsAnd(AnalyzedText text, int at) =>
        text.Tokens[at].Kind == TokenKind.Word && text.StartingAt(at, LexiconKind.Marker)?.Entry.Marker == MarkerWord.And;

    /// <summary>The word carries "و" as a clitic ("وخمسمائة"), or a lone "و" stands before the next part.</summary>
    private static bool StartsWithAnd(AnalyzedText text, int at) =>
        IsAnd(text, at) || text.StartingAt(at, LexiconKind.Number) is { Proclitics: { Conjunction: true, Article: false } };

    /// <summary>"عشرات", "المئات", "آلاف"; "عشرات الآلاف" is one amount.</summary>
    private static Quantity? Vague(AnalyzedText text, int at)
    {
        var word = text.StartingAt(at, LexiconKind.Number);
        if (word?.Entry is not { Number: NumberWord.Vague or NumberWord.PluralScale, Magnitude: { } magnitude })
        {
            return null;
        }

        if (magnitude is Magnitude.Tens or Magnitude.Hundreds
            && text.StartingAt(at + 1, LexiconKind.Number) is { } next && next.Entry.Number == NumberWord.PluralScale)
        {
            return new Quantity(at, at + 2, QuantityForm.Vague, null, Magnitude.TensOfThousands);
        }

        return new Quantity(at, word!.Value.End, QuantityForm.Vague, null, magnitude);
    }

    private static Quantity? Dual(AnalyzedText text, int at)
    {
        if (text.StartingAt(at, LexiconKind.Noun) is not { } noun || noun.Entry.Count is not { } count)
        {
            return null;
        }

        var afterNumber = at > 0 && text.Tokens[at - 1].Kind == TokenKind.Number;
        long value = count;

        // "شقيقين اثنين": a number after a dual only confirms it.
        var end = Number(text, noun.End) is { } confirming && confirming.Number == NumberWord.Unit && confirming.Value == value ? noun.End + 1 : noun.End;
        return afterNumber ? null : new Quantity(at, end, QuantityForm.Dual, value, null, noun.Entry);
    }

    /// <summary>"طفلة واحدة", "عنصر واحد": a singular noun with "one" after it counts one.</summary>
    private static Quantity? NounThenNumber(AnalyzedText text, int at)
    {
        if (text.StartingAt(at, LexiconKind.Noun) is not { } noun || noun.Entry.Singular is null
            || Number(text, noun.End) is not { } one || one.Number != NumberWord.Unit || one.Value != 1)
        {
            return null;
        }

        return new Quantity(at, noun.End + 1, QuantityForm.Dual, 1, null, noun.Entry);
    }

    /// <summary>Years, dates, clock times, shares and lone page counters are numbers but not counts.</summary>
    private static bool IsNotACount(AnalyzedText text, Quantity quantity)
    {
        if (quantity.Form != QuantityForm.Digits)
        {
            return false;
        }

        var first = quantity.First;
        var next = quantity.Last;
        if (quantity.Value is >= FirstYear and <= LastYear
            && (Marker(text.EndingAt(first, LexiconKind.Marker)) == MarkerWord.Year || IsDate(text, first - 1) || IsDate(text, first - 2)
                || text.IsPunctuation(first - 1, '/')))
        {
            return true;
        }

        var unitAfter = text.StartingAt(next, LexiconKind.Unit)
            ?? (Marker(text.StartingAt(next, LexiconKind.Marker)) == MarkerWord.Of ? text.StartingAt(next + 1, LexiconKind.Unit) : null);
        if (unitAfter?.Entry.Unit is Units.Date or Units.Percent || IsFirstDayOfTwo(text, next))
        {
            return true;
        }

        // Numbers joined by hyphens are dates or codes: "2025-10-31".
        if ((text.IsPunctuation(next, '-') && next + 1 < text.Tokens.Count && text.Tokens[next + 1].Kind == TokenKind.Number)
            || (text.IsPunctuation(first - 1, '-') && first >= 2 && text.Tokens[first - 2].Kind == TokenKind.Number))
        {
            return true;
        }

        // Clock times: "10:30" is neither 10 nor 30.
        if ((text.IsPunctuation(next, ':') && next + 1 < text.Tokens.Count && text.Tokens[next + 1].Kind == TokenKind.Number)
            || (text.IsPunctuation(first - 1, ':') && first >= 2 && text.Tokens[first - 2].Kind == TokenKind.Number))
        {
            return true;
        }

        if (text.IsPunctuation(next, '/') && next + 1 < text.Tokens.Count && text.Tokens[next + 1].Kind == TokenKind.Number)
        {
            return true;
        }

        return IsAloneOnItsLine(text, quantity);
    }

    /// <summary>"في الـ 23 والـ 24 من كانون الثاني": the first day of a pair shares the second's month.</summary>
    private static bool IsFirstDayOfTwo(AnalyzedText text, int next)
    {
        while (next < text.Tokens.Count && text.StartingAt(next, LexiconKind.Marker)?.Entry.Marker is MarkerWord.And or MarkerWord.Definite)
        {
            next++;
        }

        if (next >= text.Tokens.Count || text.Tokens[next].Kind != TokenKind.Number)
        {
            return false;
        }

        var after = next + 1;
        if (text.StartingAt(after, LexiconKind.Marker)?.Entry.Marker == MarkerWord.Of)
        {
            after++;
        }

        return IsDate(text, after);
    }

    private static bool IsDate(AnalyzedText text, int token) =>
        token >= 0 && text.StartingAt(token, LexiconKind.Unit)?.Entry.Unit == Units.Date;

    private static bool IsAloneOnItsLine(AnalyzedText text, Quantity quantity)
    {
        var before = quantity.First - 1;
        var after = quantity.Last;
        return (before < 0 || text.Tokens[before].Kind == TokenKind.LineBreak)
            && (after >= text.Tokens.Count || text.Tokens[after].Kind == TokenKind.LineBreak);
    }

    private static LexiconEntry? Number(AnalyzedText text, int at)
    {
        var match = text.StartingAt(at, LexiconKind.Number);
        return match is { Article: false } m ? m.Entry : null;
    }

    private static MarkerWord? Marker(LexiconMatch? match) => match?.Entry.Marker;
}
