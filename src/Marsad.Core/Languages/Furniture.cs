using Marsad.Text;

namespace Marsad.Languages;

/// <summary>
/// The phrases that open site furniture around an article in each language
/// (<c>Languages/&lt;code&gt;/furniture.tsv</c>: "اقرأ أيضاً", "Read also", "Comments"), matched as
/// lexicon phrases are: folded with the languages' own folding and without regard to case.
/// </summary>
public static class Furniture
{
    private static readonly IReadOnlyList<LanguageData> Packs = LanguageData.Shipped;

    private static readonly Normalizer Normalizer = new(new CharacterFolding(
        Packs.SelectMany(l => l.Folding).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value)));

    private static readonly string[] Phrases = [.. Packs.SelectMany(l => l.Furniture).Select(Fold)];

    /// <summary>Whether a block of text opens with a furniture phrase, as a whole word.</summary>
    public static bool OpensWith(string text)
    {
        var folded = Fold(text);
        return Phrases.Any(phrase => folded.StartsWith(phrase, StringComparison.Ordinal)
            && (folded.Length == phrase.Length || !char.IsLetterOrDigit(folded[phrase.Length])));
    }

    private static string Fold(string text) =>
        string.Join(' ', Normalizer.Normalize(text).Text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
