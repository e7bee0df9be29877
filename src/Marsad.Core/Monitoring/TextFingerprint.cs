using System.Numerics;
using System.Text;

namespace Marsad.Monitoring;

/// <summary>
/// What makes two article texts the same report, read past their furniture: a 64-bit SimHash of
/// their word three-shingles (Charikar's sketch, as Manku et al. used it to find near-duplicate web
/// pages) and the figures they state, in order. Two texts are near duplicates when they state the
/// same figures <em>and</em> their sketches differ in at most <see cref="NearBits"/> bits: an
/// aggregator's copy with a credit line added is the same report, a copy with one toll changed is not.
/// </summary>
public sealed record TextFingerprint(ulong SimHash, string Figures)
{
    /// <summary>
    /// Manku et al. took 3 bits for whole web pages; a news report is a few hundred words, where a
    /// credit line moves more bits. Only texts with the very same figures are compared, so the
    /// sketch need only tell a copy from another text that happens to state them: two unrelated
    /// texts differ in 32 bits on average, and in 10 or fewer by chance about once in 10^8.
    /// </summary>
    public const int NearBits = 10;

    private const int ShingleWords = 3;

    public static TextFingerprint Of(string text)
    {
        var words = Words(text);
        Span<int> weights = stackalloc int[64];
        for (var i = 0; i + ShingleWords <= Math.Max(words.Count, ShingleWords); i++)
        {
            var hash = Fnv(words, i, Math.Min(ShingleWords, words.Count - i));
            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
            }
        }

        ulong sketch = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            sketch |= weights[bit] > 0 ? 1UL << bit : 0;
        }

        return new TextFingerprint(sketch, Numbers(text));
    }

    public bool IsNear(TextFingerprint other) =>
        BitOperations.PopCount(SimHash ^ other.SimHash) <= NearBits && string.Equals(Figures, other.Figures, StringComparison.Ordinal);

    /// <summary>Letters and digits of any script, lower-cased; everything else separates words.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>Every run of digits (of any script, as its value's digits) in text order, comma-separated.</summary>
    private static string Numbers(string text)
    {
        var figures = new StringBuilder();
        var inNumber = false;
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                if (!inNumber && figures.Length > 0)
                {
                    figures.Append(',');
                }

                figures.Append((char)('0' + (int)char.GetNumericValue(c)));
                inNumber = true;
            }
            else
            {
                inNumber = false;
            }
        }

        return figures.ToString();
    }

    /// <summary>FNV-1a, 64 bits, over the shingle's words: stable across processes, unlike string.GetHashCode.</summary>
    private static ulong Fnv(List<string> words, int start, int count)
    {
        var hash = 14695981039346656037UL;
        for (var w = start; w < start + count; w++)
        {
            foreach (var c in words[w])
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            hash = (hash ^ ' ') * 1099511628211UL;
        }

        return hash;
    }
}
