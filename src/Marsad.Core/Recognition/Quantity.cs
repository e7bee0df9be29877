using Marsad.Languages;
using Marsad.Model;

namespace Marsad.Recognition;

/// <summary>How a quantity is written.</summary>
public enum QuantityForm
{
    /// <summary>Digits, perhaps with a scale word: "2100", "36 ألف", "1.5 مليون".</summary>
    Digits,

    /// <summary>Number words: "ثلاثة آلاف وخمسمائة".</summary>
    Words,

    /// <summary>A dual noun that is its own number: "طفلين" = 2.</summary>
    Dual,

    /// <summary>A vague amount: "عشرات", "المئات", "آلاف".</summary>
    Vague,
}

/// <summary>A number found in the text, before anyone asks what it counts: tokens <c>[First, Last)</c>.</summary>
/// <param name="Noun">For a dual, the noun that carries the number.</param>
public sealed record Quantity(int First, int Last, QuantityForm Form, long? Value, Magnitude? Magnitude, LexiconEntry? Noun = null);
