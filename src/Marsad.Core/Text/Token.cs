namespace Marsad.Text;

public enum TokenKind
{
    /// <summary>A run of letters (Arabic or Latin).</summary>
    Word,

    /// <summary>A run of digits, with thousands separators or a decimal point inside it.</summary>
    Number,

    /// <summary>One punctuation or symbol character.</summary>
    Punctuation,

    /// <summary>A line break: the end of a paragraph or headline.</summary>
    LineBreak,
}

/// <summary>A token as a <c>[Start, End)</c> range of the normalized text.</summary>
public readonly record struct Token(TokenKind Kind, int Start, int End)
{
    public int Length => End - Start;

    public ReadOnlySpan<char> In(string normalized) => normalized.AsSpan(Start, End - Start);
}
