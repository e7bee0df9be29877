namespace Marsad.Model;

/// <summary>The consistency warnings of CODEBOOK §6, and Marsad's own <c>increment_mismatch</c>.</summary>
public static class WarningCodes
{
    public const string WeekdayMismatch = "weekday_mismatch";
    public const string SinceAfterAsOf = "since_after_as_of";
    public const string YearConflict = "year_conflict";

    /// <summary>A date the calendar does not have: "since April 31", February 29 outside a leap year.</summary>
    public const string ImpossibleDate = "impossible_date";
    public const string PartsExceedWhole = "parts_exceed_whole";
    public const string SumMismatch = "sum_mismatch";
    public const string SeriesDecrease = "series_decrease";
    public const string ValueConflict = "value_conflict";

    /// <summary>An increment for a span does not fit the rise of the running total over it.</summary>
    public const string IncrementMismatch = "increment_mismatch";
}
