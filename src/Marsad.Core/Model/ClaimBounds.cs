namespace Marsad.Model;

/// <summary>CODEBOOK §2 bounds of a figure from its hedge: the extractor's, and a correction's when a reviewer changes the figure or its hedge.</summary>
public static class ClaimBounds
{
    /// <summary>
    /// "more than 260" is at least 261; a vague plural is three or more of its unit;
    /// <paramref name="statedHigh"/> is the other end of a stated range, ordered whichever figure
    /// comes first ("ما بين 50 و30" is 30 to 50); nothing is fewer than none.
    /// </summary>
    public static (long? Low, long? High) Of(Qualifier qualifier, long? value, Magnitude? magnitude, long? statedHigh = null) => qualifier switch
    {
        Qualifier.Exact => (value, value),
        Qualifier.AtLeast when statedHigh < value => (statedHigh, value),
        Qualifier.AtLeast => (value, statedHigh),
        Qualifier.MoreThan => (value + 1, null),
        Qualifier.LessThan => (null, value is { } v ? Math.Max(0, v - 1) : null),
        Qualifier.AtMost => (null, value),
        Qualifier.Vague => (magnitude switch
        {
            Magnitude.Several => 3,
            Magnitude.Tens => 30,
            Magnitude.Hundreds => 300,
            Magnitude.Thousands => 3000,
            Magnitude.TensOfThousands => 30000,
            _ => null,
        }, null),
        _ => (null, null),
    };
}
