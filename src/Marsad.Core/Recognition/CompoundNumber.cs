using Marsad.Analysis;
using Marsad.Languages;
using Marsad.Text;
using static Marsad.Recognition.NumberReading;

namespace Marsad.Recognition;

/// <summary>Numbers of several parts, digits and number words: "ثلاثة آلاف وخمسمائة", "3 مئة و21", "twenty-five".</summary>
internal static class CompoundNumber
{
    /// <summary>
    /// A number read left to right from digits and number words: units, teens and tens add up,
    /// "مئة" multiplies what came before it, a scale word closes a group ("ثلاثة آلاف وخمسمائة"
    /// = 3 × 1000 + 500, "3 مئة و21" = 321). A later part joins only with "و" and only where it
    /// fills a place still empty, so "ما بين 3000 و3500" stays two numbers. No word may carry the
    /// article, which would make it an ordinal or a name ("الاثنين" is Monday).
    /// </summary>
    public static Quantity? Read(AnalyzedText text, int at, QuantityForm form)
    {
        // Decimal, checked against LargestNumber at every step: every part and scale is at most
        // LargestNumber, so no product of two can leave decimal's range.
        var sum = new Sum();
        var last = at;
        var i = at;
        NumberWord? previous = null;
        var previousDigits = false;
        while (i < text.Tokens.Count)
        {
            if (Join(text, at, i, previous) is not var (next, joined, feminineTeen))
            {
                break;
            }

            if (!TryPart(text, next, out var word, out var value, out var width, out var tooLarge))
            {
                if (tooLarge)
                {
                    return i == at ? TooLarge(text, at, form) : Close(at, last, sum.Value, form);
                }

                break;
            }

            // A part without a word is digits.
            word = feminineTeen ? NumberWord.Teen : word;
            var digits = word is null;

            // Digits never add to digits: "100 و20" is two figures, not 120.
            var adds = word is null or NumberWord.Unit or NumberWord.Ten or NumberWord.Hundreds;
            if (i > at && adds && (!(joined || next > i) || !FillsEmptyPlace(sum.Value, sum.Group, value, text.Language.Conventions.UnitsBeforeTens)
                || (digits && previousDigits)))
            {
                break;
            }

            (previous, previousDigits) = (word, digits);
            if (!sum.Add(text, word, value, next, first: i == at, ref width))
            {
                return Close(at, last, sum.Value, form);
            }

            last = next + width;
            i = last;
            if (sum.Value > LargestNumber)
            {
                return TooLarge(text, at, form) with { Last = last };
            }
        }

        return Close(at, last, sum.Value, form);
    }

    private static Quantity? Close(int at, int last, decimal value, QuantityForm form) =>
        last > at && (value > 0 || form == QuantityForm.Digits) ? new Quantity(at, last, form, Count(value), null) : null;

    /// <summary>
    /// Whether the part at token <paramref name="i"/> may join the number begun at <paramref name="at"/>,
    /// and where it starts: after a lone "و" or a hyphen ("twenty-five") that joins it. Null where the number ends.
    /// </summary>
    private static (int Next, bool Joined, bool FeminineTeen)? Join(AnalyzedText text, int at, int i, NumberWord? previous)
    {
        // "twenty-five": a hyphen joins a ten and a unit as "و" does.
        var hyphenated = previous == NumberWord.Ten && text.IsPunctuation(i, '-') && Number(text, i + 1)?.Number == NumberWord.Unit;
        var joined = i == at || StartsWithAnd(text, i) || hyphenated;
        var next = i > at && (IsAnd(text, i) || hyphenated) ? i + 1 : i;

        // After a scale word the next group may follow without "و": "٤ آلاف ٣ مائة و ٢١".
        joined |= previous is NumberWord.Scale or NumberWord.DualScale or NumberWord.PluralScale;

        // "ثلاث عشرة": the feminine ten after a unit, without "و", is its teen.
        var feminineTeen = !joined && previous == NumberWord.Unit && IsTen(Number(text, i));
        return !joined && i > at && next == i && !IsScaleOrHundred(text, i) && !feminineTeen ? null : (next, joined, feminineTeen);
    }

    /// <summary>The number read so far: the groups a scale word closed, and the group still open.</summary>
    private struct Sum
    {
        public decimal Total;
        public decimal Group;

        public readonly decimal Value => Total + Group;

        /// <summary>Adds the part at token <paramref name="at"/>; false for a word that ends the number where it stands.</summary>
        /// <param name="first">The part begins the number: a plural scale alone ("آلاف") is vague, not a figure.</param>
        public bool Add(AnalyzedText text, NumberWord? word, decimal value, int at, bool first, ref int width)
        {
            switch (word)
            {
                case null or NumberWord.Unit or NumberWord.Ten or NumberWord.Hundreds:
                    Group += value;
                    break;
                case NumberWord.TeenUnit when Number(text, at + 1) is { } teen && (teen.Number == NumberWord.Teen || IsTen(teen)):
                    Group += value + 10;
                    width++;
                    break;
                case NumberWord.Teen when Group % 10 != 0 && Group % 100 < 10:
                    Group += 10;
                    break;
                case NumberWord.Hundred:
                    Group = (Group == 0 ? 1 : Group) * 100;
                    break;
                case NumberWord.Scale:
                case NumberWord.PluralScale when !first:
                    Total += (Group == 0 ? 1 : Group) * value;
                    Group = 0;
                    break;
                case NumberWord.DualScale:
                    Total += (Group == 0 ? 2 : Group) * value;
                    Group = 0;
                    break;
                default:
                    return false;
            }

            return true;
        }
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
}
