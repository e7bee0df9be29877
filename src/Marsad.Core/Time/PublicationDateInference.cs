using Marsad.Analysis;
using Marsad.Languages;

namespace Marsad.Time;

/// <summary>
/// Infers when a report was published from its own words, when nobody said: each dated "today" or
/// "yesterday" ("اليوم الخميس الـ 24 من كانون الثاني", "أمس الأربعاء الـ 30 من يناير الجاري")
/// gives a candidate, the latest wins; a weekday that contradicts its date is believed over the day
/// number; the weekdays the report gives its today ("أمس الخميس" ⇒ a Friday) move a candidate from a
/// recap of yesterday to the day itself; the year comes from a "this month" date with a year
/// ("يناير الجاري من العام 2019"), else the nearest explicit year. Without a year: unknown.
/// </summary>
public static class PublicationDateInference
{
    private const int MostDaysAWeekdayCorrects = 3;

    public static PublicationDate Infer(AnalyzedText text, IReadOnlyList<DateMention> mentions)
    {
        var votes = WeekdayVotes(mentions);
        var weekday = votes.Count > 0 && votes.GroupBy(v => v).OrderByDescending(g => g.Count()).ToList() is var ranked
            && (ranked.Count == 1 || ranked[0].Count() > ranked[1].Count())
            ? ranked[0].Key
            : (DayOfWeek?)null;
        var year = PublicationYear(mentions);

        (DateOnly Date, DateMention Mention, bool Corrected)? best = null;
        foreach (var mention in mentions)
        {
            if (mention is not { Day: { } day, Month: { } month, RelativeDay: 0 or -1 })
            {
                continue;
            }

            var y = mention.Year ?? year ?? NearestYear(mentions, mention);
            if (y is null || day > DateTime.DaysInMonth(y.Value, month))
            {
                continue;
            }

            var written = new DateOnly(y.Value, month, day);
            var date = mention.Weekday is { } stated ? Nearest(written, ToDayOfWeek(stated)) : written;
            var published = date.AddDays(-mention.RelativeDay.Value);
            if (best is null || published > best.Value.Date)
            {
                best = (published, mention, date != written);
            }
        }

        if (best is { } found)
        {
            var date = found.Date;
            var how = $"inferred from “{Quote(text, found.Mention)}”";
            if (found.Corrected)
            {
                how += "; its weekday is believed over its day number";
            }

            if (weekday is { } w && date.DayOfWeek != w && Following(date, w) is var shifted && shifted.DayNumber - date.DayNumber <= 2)
            {
                how += $", a recap: the report's own weekdays put its today on the following {w}";
                date = shifted;
            }

            return new PublicationDate(date, how, weekday);
        }

        return weekday is { } only
            ? new PublicationDate(null, $"unknown: a {only} (the report's own weekdays), but no dated day with a year", only)
            : new PublicationDate(null, "unknown: no dated day in the text");
    }

    /// <summary>The weekday each "اليوم X", "أمس X", "غد X" says the report's today is.</summary>
    private static List<DayOfWeek> WeekdayVotes(IReadOnlyList<DateMention> mentions) =>
        [.. mentions.Where(m => m is { Weekday: not null, RelativeDay: not null, FirstRelativeDay: null })
            .Select(m => (DayOfWeek)(((m.Weekday!.Value - m.RelativeDay!.Value) % 7 + 7) % 7))];

    private static int? PublicationYear(IReadOnlyList<DateMention> mentions) =>
        mentions.Where(m => m.Relative == RelativeWord.This && m.Year is not null)
            .GroupBy(m => m.Year!.Value).OrderByDescending(g => g.Count()).Select(g => (int?)g.Key).FirstOrDefault();

    private static int? NearestYear(IReadOnlyList<DateMention> mentions, DateMention to) =>
        mentions.Where(m => m.Year is not null).OrderBy(m => Math.Abs(m.First - to.First)).Select(m => m.Year).FirstOrDefault();

    /// <summary>ISO weekday (Monday 1 … Sunday 7) as .NET's <see cref="DayOfWeek"/> (Sunday 0).</summary>
    internal static DayOfWeek ToDayOfWeek(int iso) => (DayOfWeek)(iso % 7);

    /// <summary>The day with the given weekday nearest to <paramref name="date"/>, at most three days away.</summary>
    private static DateOnly Nearest(DateOnly date, DayOfWeek weekday)
    {
        for (var distance = 0; distance <= MostDaysAWeekdayCorrects; distance++)
        {
            if (date.AddDays(distance).DayOfWeek == weekday)
            {
                return date.AddDays(distance);
            }

            if (date.AddDays(-distance).DayOfWeek == weekday)
            {
                return date.AddDays(-distance);
            }
        }

        return date;
    }

    private static DateOnly Following(DateOnly date, DayOfWeek weekday)
    {
        var next = date.AddDays(1);
        while (next.DayOfWeek != weekday)
        {
            next = next.AddDays(1);
        }

        return next;
    }

    public static string Quote(AnalyzedText text, DateMention mention)
    {
        var span = text.Normalized.OriginalSpan(text.Tokens[mention.First].Start, text.Tokens[mention.Last - 1].End);
        return text.Normalized.Original[span.Start..span.End];
    }
}
