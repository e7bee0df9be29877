using System.Globalization;

namespace Marsad.Text;

/// <summary>
/// Folds text for matching one character at a time through a <see cref="CharacterFolding"/>
/// table: each character is kept, replaced by one character, or dropped. The single pass and the
/// one-to-one mapping keep the offset map trivial and exact.
/// </summary>
public sealed class Normalizer(CharacterFolding folding)
{
    public CharacterFolding Folding => folding;

    public NormalizedText Normalize(string original)
    {
        var buffer = new char[original.Length];
        var map = new int[original.Length + 1];
        var length = 0;
        for (var i = 0; i < original.Length; i++)
        {
            var folded = folding.Fold(original[i]);
            if (folded == CharacterFolding.Dropped)
            {
                continue;
            }

            buffer[length] = folded;
            map[length] = i;
            length++;
        }

        map[length] = original.Length;
        return new NormalizedText(original, new string(buffer, 0, length), map);
    }
}

/// <summary>
/// A character-to-character table read from a language's <c>folding.tsv</c>
/// (<c>U+0640 → drop</c>, <c>U+0623 → U+0627</c>, …), plus the general Unicode rules every
/// language shares: format characters (zero-width joiners, marks of direction) and non-spacing
/// marks are dropped, every kind of space becomes a plain space, upper case becomes lower case.
/// </summary>
public sealed class CharacterFolding
{
    /// <summary>Stands for "drop this character" in <see cref="Fold"/>.</summary>
    public const char Dropped = '\0';

    // Precomputed for all of the BMP so that folding is one array read per character.
    private readonly char[] folded = new char[char.MaxValue + 1];

    public CharacterFolding(IReadOnlyDictionary<char, char> table)
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            folded[c] = table.TryGetValue((char)c, out var mapped) ? mapped : FoldByCategory((char)c);
        }
    }

    public char Fold(char c) => folded[c];

    private static char FoldByCategory(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c == '\0' ? ' ' : c;
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.Format or UnicodeCategory.NonSpacingMark => Dropped,
            UnicodeCategory.SpaceSeparator => ' ',
            UnicodeCategory.DecimalDigitNumber => (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c)),
            UnicodeCategory.UppercaseLetter => char.ToLowerInvariant(c),
            _ => c,
        };
    }
}
