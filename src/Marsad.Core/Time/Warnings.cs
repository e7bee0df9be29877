namespace Marsad.Time;

/// <summary>The warning codes of CODEBOOK §6 that a date can prove.</summary>
public static class Warnings
{
    public const string WeekdayMismatch = "weekday_mismatch";
    public const string SinceAfterAsOf = "since_after_as_of";
    public const string YearConflict = "year_conflict";
}
