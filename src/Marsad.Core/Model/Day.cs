using System.Globalization;

namespace Marsad.Model;

/// <summary>
/// A calendar day whose year may be unknown: the one value of every date of a claim
/// (<see cref="ClaimTime"/>), a series' baseline and its points' days. Written <c>YYYY-MM-DD</c>,
/// or <c>--MM-DD</c> when the report gives no year and none can be inferred (CODEBOOK §5); text
/// becomes a day only at the edges (claim JSON, the store's columns, command-line arguments, query
/// strings), through <see cref="TryParse"/>.
/// </summary>
/// <remarks>
/// Where a day without a year meets one with a year:
/// <list type="bullet">
/// <item>Ordering (<see cref="CompareTo"/>, <c>&lt;</c>, sorting): every day without a year comes
/// before every day with one, and days without a year go by month and day — the order of their
/// written forms compared character by character, as they were ordered when they were strings.</item>
/// <item><see cref="Compare"/>: which of two days comes first in time, only when both have a year;
/// null otherwise (<c>since_after_as_of</c>, a correction's checks).</item>
/// <item><see cref="Date"/> is null without a year: such a day places nothing in time (a tally's
/// points, charts, an export's date precision).</item>
/// <item>Equality is of year, month and day: <c>--09-10</c> is not <c>2018-09-10</c>. A series
/// counted from a baseline without a year joins the one series of its family that gives that
/// day a year in the tally (<c>TallyBuilder</c>), nowhere else.</item>
/// </list>
/// </remarks>
public readonly record struct Day(int? Year, int Month, int DayOfMonth) : IComparable<Day>, ISpanFormattable
{
    /// <summary>The longest written form, <c>YYYY-MM-DD</c>.</summary>
    private const int Longest = 10;

    public static Day Of(DateOnly date) => new(date.Year, date.Month, date.Day);

    public DateOnly? Date => Year is { } year && Exists ? new DateOnly(year, Month, DayOfMonth) : null;

    /// <summary>Whether the calendar has this day: not April 31, nor February 29 outside a leap year (any year's when unknown).</summary>
    public bool Exists => Month is >= 1 and <= 12 && Year is null or (>= 1 and <= 9999)
        && DayOfMonth >= 1 && DayOfMonth <= (Year is { } year ? DateTime.DaysInMonth(year, Month) : DateTime.DaysInMonth(2000, Month));

    /// <summary>
    /// The day a text writes exactly as <c>YYYY-MM-DD</c> or <c>--MM-DD</c> (ASCII digits, two for the
    /// month and the day) if the calendar has it (29 February without a year, as some year has
    /// one); null for anything else. A day parsed and written again is the same text.
    /// </summary>
    public static Day? TryParse(string? text)
    {
        if (text is not { Length: 7 or Longest } || (text.Length == 7 && text[0] != '-'))
        {
            return null;
        }

        int? year = text.Length == Longest ? Digits(text.AsSpan(0, 4)) : null;
        var monthDay = text.AsSpan(text.Length - 6); // "-MM-DD"
        var (month, dayOfMonth) = (Digits(monthDay[1..3]), Digits(monthDay[4..]));
        if (year < 0 || month < 0 || dayOfMonth < 0 || monthDay[0] != '-' || monthDay[3] != '-')
        {
            return null;
        }

        var day = new Day(year, month, dayOfMonth);
        return day.Exists ? day : null;
    }

    /// <summary>The day so many days later; a day past the calendar's ends ("during 9,000,000 days") stays as it was.</summary>
    public Day AddDays(int days) =>
        Date is { } date && date.DayNumber + (long)days is var later && later >= 0 && later <= DateOnly.MaxValue.DayNumber
            ? Of(date.AddDays(days))
            : this;

    /// <summary>Which of two days comes first in time when both have a year; null when they cannot be ordered in time.</summary>
    public static int? Compare(Day? a, Day? b) => a?.Date is { } x && b?.Date is { } y ? x.CompareTo(y) : null;

    /// <summary>The order of the written forms: days without a year first, by month and day; then by year, month and day.</summary>
    public int CompareTo(Day other) =>
        (Year, other.Year) switch
        {
            (null, not null) => -1,
            (not null, null) => 1,
            _ => (Year ?? 0, Month, DayOfMonth).CompareTo((other.Year ?? 0, other.Month, other.DayOfMonth)),
        };

    public static bool operator <(Day left, Day right) => left.CompareTo(right) < 0;

    public static bool operator >(Day left, Day right) => left.CompareTo(right) > 0;

    public static bool operator <=(Day left, Day right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Day left, Day right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{this}");

    /// <summary>Writes <c>YYYY-MM-DD</c> or <c>--MM-DD</c> without allocating (JSON writers, interpolated strings).</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten) =>
        Year is { } year
            ? destination.TryWrite(CultureInfo.InvariantCulture, $"{year:D4}-{Month:D2}-{DayOfMonth:D2}", out charsWritten)
            : destination.TryWrite(CultureInfo.InvariantCulture, $"--{Month:D2}-{DayOfMonth:D2}", out charsWritten);

    // A day is written one way, whatever format or culture is asked for.
    string IFormattable.ToString(string? format, IFormatProvider? formatProvider) => ToString();

    bool ISpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        TryFormat(destination, out charsWritten);

    /// <summary>The number two or four ASCII digits write; -1 when another character is among them.</summary>
    private static int Digits(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return -1;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }
}
