using Marsad.Languages;
using Marsad.Model;

namespace Marsad.Time;

/// <summary>
/// The day a date mention names, against the report's publication date. Relative days count from the
/// publication date; a month-day takes its year from the explicit year, or from its relative word
/// ("الفائت": the last such month), or the most recent such day before publication. An explicit
/// year that the relative word contradicts is a <c>year_conflict</c>; the relative word is believed.
/// </summary>
internal sealed class DayResolver(DateOnly? published)
{
    /// <summary>The report's today, when it is known.</summary>
    public Day? Today { get; } = published is { } p ? Day.Of(p) : null;

    public Day? Resolve(DateMention m, List<string> warnings)
    {
        if (m.RelativeDay is { } offset && m.Month is null)
        {
            return Today?.AddDays(offset);
        }

        if (m.Now)
        {
            return Today;
        }

        if (m.RelativeMonth && m.Day is { } dayOfRelativeMonth && published is { } now)
        {
            var month0 = new DateOnly(now.Year, now.Month, 1).AddMonths(m.Relative switch { RelativeWord.Last => -1, RelativeWord.Next => 1, _ => 0 });
            return Existing(new Day(month0.Year, month0.Month, dayOfRelativeMonth), warnings);
        }

        if (m.StartOfYear)
        {
            var year = m.Year ?? (published?.Year + (m.Relative == RelativeWord.Last ? -1 : 0));
            return year is null ? null : new Day(year, 1, 1);
        }

        if (m.Month is not { } month)
        {
            // "الجمعة الماضي" in a Friday's report is the Friday before.
            return m.Weekday is { } weekday && Today?.Date is { } t
                ? Day.Of(MostRecent(m.Relative == RelativeWord.Last ? t.AddDays(-1) : t, weekday))
                : null;
        }

        // "نهاية حزيران", "the end of February": the month's last day, in the year its first day has.
        if (m is { Edge: Edge.End, Day: null } && Resolve(m with { Edge = null }, warnings) is { } first)
        {
            return first with { DayOfMonth = LastDayOf(first) };
        }

        return OfMonth(m, month, warnings);
    }

    /// <summary>The last day of a day's month; without a year, February ends on the 28th (2001 is a common year).</summary>
    public static int LastDayOf(Day day) => DateTime.DaysInMonth(day.Year ?? 2001, day.Month);

    /// <summary>A day of a named month: its year written, implied by a relative word, or the latest before publication.</summary>
    private Day? OfMonth(DateMention m, int month, List<string> warnings)
    {
        var dayOfMonth = m.Day ?? (m.Edge == Edge.Middle ? 15 : 1);
        int? relativeYear = published is { } reference ? m.Relative switch
        {
            RelativeWord.This => reference.Year,
            RelativeWord.Last => month < reference.Month || (month == reference.Month && dayOfMonth < reference.Day) ? reference.Year : reference.Year - 1,
            RelativeWord.Next => month > reference.Month ? reference.Year : reference.Year + 1,
            _ => month < reference.Month || (month == reference.Month && dayOfMonth <= reference.Day) ? reference.Year : reference.Year - 1,
        } : null;
        if (m.Year is { } explicitYear && m.Relative is not null && relativeYear is { } implied && implied != explicitYear)
        {
            warnings.Add(WarningCodes.YearConflict);
            return Existing(new Day(implied, month, dayOfMonth), warnings);
        }

        return Existing(new Day(m.Year ?? relativeYear, month, dayOfMonth), warnings);
    }

    private static DateOnly MostRecent(DateOnly from, int isoWeekday)
    {
        var weekday = PublicationDateInference.ToDayOfWeek(isoWeekday);
        while (from.DayOfWeek != weekday)
        {
            from = from.AddDays(-1);
        }

        return from;
    }

    /// <summary>The day, if the calendar has it; "since April 31" names none and says so.</summary>
    private static Day? Existing(Day day, List<string> warnings)
    {
        if (day.Exists)
        {
            return day;
        }

        warnings.Add(WarningCodes.ImpossibleDate);
        return null;
    }
}
