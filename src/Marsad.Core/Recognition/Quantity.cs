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

    /// <summary>A noun that carries its own number: a dual ("طفلين" = 2), or a singular with "one" after it ("طفلة واحدة").</summary>
    Dual,

    /// <summary>A vague amount: "عشرات", "المئات", "آلاف".</summary>
    Vague,
}

/// <summary>A number found in the text, before anyone asks what it counts: tokens <c>[First, Last)</c>.</summary>
/// <param name="Noun">For a noun that carries its number, the noun.</param>
public sealed record Quantity(int First, int Last, QuantityForm Form, long? Value, Magnitude? Magnitude, LexiconEntry? Noun = null);
