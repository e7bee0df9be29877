namespace Marsad.Text;

/// <summary>
/// A text folded for matching, with a map back to the text as ingested. Every normalized
/// character comes from exactly one original character; characters that normalization drops
/// (tatweel, harakat, zero-width marks) have no normalized counterpart. So a normalized span maps
/// back to an original span exactly, and every claim's span points into the text as ingested.
/// </summary>
public sealed class NormalizedText
{
    private readonly int[] toOriginal;

    internal NormalizedText(string original, string text, int[] toOriginal)
    {
        Original = original;
        Text = text;
        this.toOriginal = toOriginal;
    }

    /// <summary>The text as ingested.</summary>
    public string Original { get; }

    /// <summary>The folded text that matching runs on.</summary>
    public string Text { get; }

    /// <summary>The original span covering normalized characters <c>[start, end)</c>.</summary>
    public Model.TextSpan OriginalSpan(int start, int end) =>
        end <= start
            ? new(toOriginal[start], toOriginal[start])
            : new(toOriginal[start], toOriginal[end - 1] + 1);
}
