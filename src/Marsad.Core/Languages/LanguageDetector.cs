namespace Marsad.Languages;

/// <summary>The languages a text is written in: its main one, and every one a paragraph is in.</summary>
public sealed record DetectedLanguages(string Main, IReadOnlyList<string> All);

/// <summary>
/// Tells the languages of a report paragraph by paragraph from the script of its letters:
/// Arabic script is Arabic, Latin script English (the two languages Marsad has packs for). A script
/// counts in a paragraph when it has enough letters there; an Arabic report with an English quote
/// or cookie banner is in both, and is read with both packs.
/// </summary>
public static class LanguageDetector
{
    /// <summary>Fewer letters than this say nothing about a paragraph ("AFP", a date line).</summary>
    private const int LeastLetters = 12;

    private const string Arabic = "ar";
    private const string English = "en";

    public static DetectedLanguages Detect(ReadOnlySpan<char> text)
    {
        var (arabicTotal, latinTotal) = (0, 0);
        var (anyArabic, anyLatin) = (false, false);
        foreach (var paragraph in text.EnumerateLines())
        {
            var (arabic, latin) = (0, 0);
            foreach (var c in paragraph)
            {
                if (IsArabic(c))
                {
                    arabic++;
                }
                else if (char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u024F')
                {
                    latin++;
                }
            }

            // A paragraph may quote the other language: each script with enough letters counts.
            anyArabic |= arabic >= LeastLetters;
            anyLatin |= latin >= LeastLetters;

            (arabicTotal, latinTotal) = (arabicTotal + arabic, latinTotal + latin);
        }

        var main = latinTotal > arabicTotal ? English : Arabic;
        List<string> all = [.. new[] { (Arabic, anyArabic || main == Arabic), (English, anyLatin || main == English) }.Where(l => l.Item2).Select(l => l.Item1)];
        return new DetectedLanguages(main, all);
    }

    private static bool IsArabic(char c) =>
        c is >= '\u0621' and <= '\u064A' or >= '\u0671' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';
}
