using System.Globalization;

namespace Marsad.Time;

/// <summary>
/// A calendar day whose year may be unknown: written <c>YYYY-MM-DD</c>, or <c>--MM-DD</c> when the
/// report gives no year and none can be inferred (CODEBOOK §5).
/// </summary>
public readonly record struct Day(int? Year, int Month, int DayOfMonth)
{
    public static Day Of(DateOnly date) => new(date.Year, date.Month, date.Day);

    public DateOnly? Date => Year is { } year && DayOfMonth <= DateTime.DaysInMonth(year, Month) ? new DateOnly(year, Month, DayOfMonth) : null;

    public Day AddDays(int days) => Date is { } date ? Of(date.AddDays(days)) : this;

    public override string ToString() => Year is { } year
        ? string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{Month:D2}-{DayOfMonth:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"--{Month:D2}-{DayOfMonth:D2}");

    /// <summary>Compares two days when both have a year; null when they cannot be ordered.</summary>
    public static int? Compare(Day a, Day b) => a.Date is { } x && b.Date is { } y ? x.CompareTo(y) : null;
}
