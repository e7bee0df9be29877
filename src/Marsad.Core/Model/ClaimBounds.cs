namespace Marsad.Model;

/// <summary>CODEBOOK §2 bounds of a figure from its hedge: the extractor's, and a correction's when a reviewer changes the figure or its hedge.</summary>
public static class ClaimBounds
{
    /// <summary>"more than 260" is at least 261; a vague plural is three or more of its unit; <paramref name="statedHigh"/> is the top of a stated range.</summary>
    public static (long? Low, long? High) Of(Qualifier qualifier, long? value, Magnitude? magnitude, long? statedHigh = null) => qualifier switch
    {
        Qualifier.Exact => (value, value),
        Qualifier.AtLeast => (value, statedHigh),
        Qualifier.MoreThan => (value + 1, null),
        Qualifier.LessThan => (null, value - 1),
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
