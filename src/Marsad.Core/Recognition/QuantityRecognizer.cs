using System.Globalization;
using Marsad.Analysis;
using Marsad.Languages;
using Marsad.Model;
using Marsad.Text;
using static Marsad.Recognition.NumberReading;

namespace Marsad.Recognition;

/// <summary>
/// Finds numbers in an analyzed text: digits (with separators, decimals and scale words), number
/// words and their compounds, duals, and vague amounts. It keeps what looks like a count and
/// leaves out years, dates, clock times and lone page counters (<see cref="NotACount"/>); what is
/// counted is the claim parser's business. Compounds are read by <see cref="CompoundNumber"/>, a
/// token's digits and number word by <see cref="NumberReading"/>.
/// </summary>
public static class QuantityRecognizer
{
    /// <summary>The largest figure that may count something: a hundred times the people on Earth.</summary>
    public const long LargestCount = 1_000_000_000_000;

    /// <summary>The quantities that may count something: every number but years, dates, times, counters and numbers too large to count.</summary>
    public static List<Quantity> Recognize(AnalyzedText text) =>
        [.. Numbers(text).Where(quantity => !IsTooLarge(quantity) && !NotACount.Is(text, quantity))];

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

        return CompoundNumber.Read(text, at, QuantityForm.Digits);
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

    private static bool IsTooLarge(Quantity quantity) => quantity is { Value: null, Magnitude: null } or { Value: > LargestCount };

    private static Quantity? Words(AnalyzedText text, int at) =>
        Number(text, at) is { } first && first.Number is not (NumberWord.Teen or NumberWord.Vague) ? CompoundNumber.Read(text, at, QuantityForm.Words) : null;

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
}
