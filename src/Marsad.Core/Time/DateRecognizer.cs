using System.Globalization;
using Marsad.Analysis;
using Marsad.Languages;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Time;

/// <summary>
/// Finds time expressions in an analyzed text, reading the calendar words of the language pack
/// (<c>calendar.tsv</c>): days and months with their pairings ("كانون الثاني / يناير"), ordinal
/// days, years, weekdays, relative days, relative months, "منذ"/"حتى"/"خلال", spans in hours and
/// long stretches. Joining words (ال، من، و، "/") are read only between parts of an expression.
/// </summary>
public static class DateRecognizer
{
    private const int FirstYear = 1900;
    private const int LastYear = 2100;

    public static List<DateMention> Recognize(AnalyzedText text)
    {
        var mentions = new List<DateMention>();
        for (var i = 0; i < text.Tokens.Count;)
        {
            if (Read(text, i) is { } mention)
            {
                mentions.Add(mention);
                i = mention.Last;
            }
            else
            {
                i++;
            }
        }

        return mentions;
    }

    private static DateMention? Read(AnalyzedText text, int start)
    {
        // Most tokens start no time expression; decide that before building anything.
        if (text.StartingAt(start, LexiconKind.Calendar) is null
            && (text.Tokens[start].Kind != TokenKind.Number || !MonthFollows(text, start + 1)))
        {
            return null;
        }

        var m = new DateMention(start, start);
        var end = start;
        var at = start;
        var joinedByAnd = false;
        while (at < text.Tokens.Count)
        {
            if (text.StartingAt(at, LexiconKind.Calendar) is { } word)
            {
                var next = Apply(m, word);
                if (next is null)
                {
                    break;
                }

                m = next;
                at = end = word.End;
                continue;
            }

            if (text.Tokens[at].Kind == TokenKind.Number && ReadNumber(text, m, at, joinedByAnd) is { } read)
            {
                m = read.Mention;
                at = end = read.End;
                joinedByAnd = false;
                continue;
            }

            // Joining words count only when a part of the expression follows them.
            if (end > start && IsJoiner(text, at))
            {
                joinedByAnd |= text.StartingAt(at, LexiconKind.Marker)?.Entry.Marker == MarkerWord.And;
                at++;
                continue;
            }

            break;
        }

        return end > start && HasContent(m) ? m with { Last = end } : null;
    }

    private static bool HasContent(DateMention m) =>
        m.Month is not null || m.RelativeDay is not null || m.Weekday is not null || m.Year is not null || m.Since
        || m.Until || m.SamePeriod || m.Now || m.Hours is not null || m.LongStretch || m.Day is not null;

    /// <summary>Adds one calendar word to the mention; null when the word cannot continue it.</summary>
    private static DateMention? Apply(DateMention m, LexiconMatch word)
    {
        var e = word.Entry;
        if (e.Since || e.Until || e.During)
        {
            return WithSpanWord(m, e);
        }

        return e.RelativeDay is not null || e.Weekday is not null || e.Day is not null || e.Month is not null
            ? WithDayWord(m, e)
            : WithOtherWord(m, e);
    }

    /// <summary>"منذ", "حتى", "خلال": what the mention says of a span.</summary>
    private static DateMention? WithSpanWord(DateMention m, LexiconEntry e)
    {
        if (e.Since)
        {
            return m.Since || m.Month is not null || m.RelativeDay is not null ? null : m with { Since = true };
        }

        // "منذ … وحتى …": the end of a span is a mention of its own.
        if (e.Until)
        {
            return HasContent(m) ? null : m with { Until = true };
        }

        return m.During || m.Month is not null ? null : m with { During = true };
    }

    /// <summary>A relative day, a weekday, a day of the month or a month.</summary>
    private static DateMention WithDayWord(DateMention m, LexiconEntry e)
    {
        if (e.RelativeDay is { } relativeDay)
        {
            return m.RelativeDay is { } earlier
                ? m with { FirstRelativeDay = Math.Min(earlier, relativeDay), RelativeDay = Math.Max(earlier, relativeDay) }
                : m with { RelativeDay = relativeDay };
        }

        if (e.Weekday is { } weekday)
        {
            return m with { Weekday = weekday };
        }

        if (e.Day is { } day)
        {
            return m.Day is { } first ? m with { FirstDay = first, Day = day } : m with { Day = day };
        }

        return m.Month is null ? m with { Month = e.Month } : m;
    }

    /// <summary>Relative words, edges of a month, "العام", "الفترة ذاتها", "الآن", "الشهر الجاري", clock words.</summary>
    private static DateMention? WithOtherWord(DateMention m, LexiconEntry e)
    {
        if (e.Relative is { } relative)
        {
            return m with { Relative = relative };
        }

        if (e.Edge is { } edge)
        {
            return m with { Edge = edge };
        }

        if (e.YearWord)
        {
            return m with { YearWord = true };
        }

        if (e.SamePeriod)
        {
            return m with { SamePeriod = true };
        }

        if (e.Now)
        {
            return m with { Now = true };
        }

        if (e.RelativeMonth)
        {
            return m with { RelativeMonth = true };
        }

        // Clock words, "يوم", "شهر", "العام", "مطلع": part of the expression, no date of their own
        // (a month without a day stands for its first day when resolved).
        return e.Hours && m.Hours is null ? null : m;
    }

    /// <remarks>A year never follows "و": "أيلول الفائت، و2100 عنصر" counts people.</remarks>
    private static (DateMention Mention, int End)? ReadNumber(AnalyzedText text, DateMention m, int at, bool joinedByAnd)
    {
        var digits = text.Tokens[at].In(text.Text);
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var next = at + 1;
        if (value is >= FirstYear and <= LastYear && !joinedByAnd
            && (m.Month is not null || m.Since || m.Edge is not null || IsYearWord(text, at - 1) || IsYearWord(text, at - 2)))
        {
            return (m with { Year = value }, next);
        }

        // "March 14 2019", "on August 8": the day after the month, as English writes it.
        if (value is >= 1 and <= 31 && (MonthFollows(text, next) || (m.Month is not null && m.Day is null && !joinedByAnd && IsMonthAt(text, at - 1))))
        {
            return (m.Day is { } first ? m with { FirstDay = first, Day = value } : m with { Day = value }, next);
        }

        if (m.Day is null && (m.During || m.Since) && text.StartingAt(next, LexiconKind.Unit) is { } unit)
        {
            return unit.Entry.Unit switch
            {
                Units.Hour => (m with { Hours = value }, unit.End),
                Units.Day => (m with { Hours = Hours(value, 24) }, unit.End),
                Units.Week => (m with { Hours = Hours(value, 24 * 7) }, unit.End),
                Units.Month or Units.Year => (m with { LongStretch = true }, unit.End),
                _ => null,
            };
        }

        return null;
    }

    /// <summary>A month name ahead, past "من", "شهر", or the second day of a pair ("والـ 24 من").</summary>
    private static bool MonthFollows(AnalyzedText text, int at)
    {
        for (var steps = 0; steps < 5 && at < text.Tokens.Count; steps++, at++)
        {
            if (text.StartingAt(at, LexiconKind.Calendar) is { } word)
            {
                if (word.Entry.Month is not null || word.Entry.RelativeMonth)
                {
                    return true;
                }

                if (!word.Entry.MonthWord)
                {
                    return false;
                }
            }
            else if (!IsJoiner(text, at) && text.Tokens[at].Kind != TokenKind.Number)
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsMonthAt(AnalyzedText text, int at) =>
        at >= 0 && text.EndingAt(at + 1, LexiconKind.Calendar)?.Entry.Month is not null;

    private static bool IsYearWord(AnalyzedText text, int at) =>
        at >= 0 && text.StartingAt(at, LexiconKind.Calendar)?.Entry.YearWord is true;

    private static bool IsJoiner(AnalyzedText text, int at) =>
        text.StartingAt(at, LexiconKind.Marker)?.Entry.Marker is MarkerWord.Of or MarkerWord.And or MarkerWord.Definite
        || text.IsPunctuation(at, '/') || text.IsPunctuation(at, '-') || text.IsPunctuation(at, '،') || text.IsPunctuation(at, ',');

    /// <summary>So many days or weeks in hours, held at the largest int rather than wrapped negative.</summary>
    private static int Hours(int count, int hoursEach) => (int)Math.Min(int.MaxValue, (long)count * hoursEach);

}
