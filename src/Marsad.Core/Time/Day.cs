using System.Globalization;

namespace Marsad.Time;

/// <summary>
/// A calendar day whose year may be unknown: written <c>YYYY-MM-DD</c>, or <c>--MM-DD</c> when the
/// report gives no year and none can be inferred (CODEBOOK §5).
/// </summary>
public readonly record struct Day(int? Year, int Month, int DayOfMonth)
{
    public static Day Of(DateOnly date) => new(date.Year, date.Month, date.Day);

    public DateOnly? Date => Year is { } year && Exists ? new DateOnly(year, Month, DayOfMonth) : null;

    /// <summary>Whether the calendar has this day: not April 31, nor February 29 outside a leap year (any year's when unknown).</summary>
    public bool Exists => Month is >= 1 and <= 12 && Year is null or (>= 1 and <= 9999)
        && DayOfMonth >= 1 && DayOfMonth <= (Year is { } year ? DateTime.DaysInMonth(year, Month) : DateTime.DaysInMonth(2000, Month));

    /// <summary>A day written <c>YYYY-MM-DD</c> or <c>--MM-DD</c>; null for anything else.</summary>
    public static Day? Parse(string text)
    {
        var yearless = text.StartsWith("--", StringComparison.Ordinal);
        var parts = (yearless ? text[2..] : text).Split('-');
        if (parts.Length != (yearless ? 2 : 3) || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return null;
        }

        var numbers = parts.Select(p => int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        return yearless ? new Day(null, numbers[0], numbers[1]) : new Day(numbers[0], numbers[1], numbers[2]);
    }

    /// <summary>The day so many days later; a day past the calendar's ends ("during 9,000,000 days") stays as it was.</summary>
    public Day AddDays(int days) =>
        Date is { } date && date.DayNumber + (long)days is var later && later >= 0 && later <= DateOnly.MaxValue.DayNumber
            ? Of(date.AddDays(days))
            : this;

    public override string ToString() => Year is { } year
        ? string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{Month:D2}-{DayOfMonth:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"--{Month:D2}-{DayOfMonth:D2}");

    /// <summary>Compares two days when both have a year; null when they cannot be ordered.</summary>
    public static int? Compare(Day? a, Day? b) => a?.Date is { } x && b?.Date is { } y ? x.CompareTo(y) : null;
}
