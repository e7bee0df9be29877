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

    /// <summary>"قبل 3 أسابيع" still names a day; further back a report names the date.</summary>
    private const int MaxDaysAgo = 31;

    /// <summary>Words that may join a span's first day to its last ("و", "إلى", "حتى", "and").</summary>
    private const int SpanJoinWords = 2;

    /// <summary>How far before "منذ" a superlative or a verb of dwelling still claims it ("يقيمون في المخيم منذ").</summary>
    private const int BackgroundReach = 5;

    public static List<DateMention> Recognize(AnalyzedText text)
    {
        var mentions = new List<DateMention>();
        for (var i = 0; i < text.Tokens.Count;)
        {
            if (Read(text, i) is { } mention)
            {
                AddJoined(mentions, mention);
                i = mention.Last;
            }
            else
            {
                i++;
            }
        }

        if (mentions.Count > 0 && mentions[^1].From)
        {
            mentions[^1] = mentions[^1] with { From = false };
        }

        return mentions;
    }

    /// <summary>
    /// "بين 2 تشرين الثاني 2023 و9 شباط 2024", "من مطلع آذار حتى 20 نيسان": the day after a span's
    /// first day ends the span, and the two are one mention; a first day with no end is a day.
    /// </summary>
    private static void AddJoined(List<DateMention> mentions, DateMention mention)
    {
        if (mentions.Count > 0 && mentions[^1] is { From: true } first)
        {
            mentions.RemoveAt(mentions.Count - 1);
            if (mention.IsDay && mention.First - first.Last <= SpanJoinWords)
            {
                mentions.Add(mention with { First = first.First, Start = first with { From = false }, Until = false });
                return;
            }

            mentions.Add(first with { From = false });
        }

        mentions.Add(mention);
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

            if ((text.Tokens[at].Kind == TokenKind.Number ? ReadNumber(text, m, at, joinedByAnd) : ReadCountWord(text, m, at)) is { } read)
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

        if (m.Since && DatesSomethingElse(text, start))
        {
            m = m with { Since = false };
        }

        return end > start && HasContent(m) ? m with { Last = end } : null;
    }

    /// <summary>"هي الأكبر منذ بدء الحرب", "كانوا يقيمون في المخيم منذ 2017": a word just before "منذ", in its clause, that the baseline belongs to.</summary>
    private static bool DatesSomethingElse(AnalyzedText text, int since)
    {
        for (var at = since - 1; at >= Math.Max(0, since - BackgroundReach) && !text.IsClauseEnd(at); at--)
        {
            if (text.StartingAt(at, LexiconKind.Calendar)?.Entry.Background is true)
            {
                return true;
            }
        }

        return false;
    }

    /// <remarks>"قبل" names a day only with its count of days ("قبل ثلاثة أيام"), never before a date.</remarks>
    private static bool HasContent(DateMention m) => m.Ago
        ? m.RelativeDay is not null
        : m.Month is not null || m.RelativeDay is not null || m.Weekday is not null || m.Year is not null || m.Since || m.Until || m.SamePeriod || m.Now || m.Hours is not null || m.LongStretch || m.Day is not null;

    /// <summary>Adds one calendar word to the mention; null when the word cannot continue it.</summary>
    private static DateMention? Apply(DateMention m, LexiconMatch word)
    {
        var e = word.Entry;
        if (e.Background)
        {
            return null;
        }

        if (e.Since || e.Until || e.During || e.Ago || e.From)
        {
            return WithSpanWord(m, e);
        }

        return e.RelativeDay is not null || e.Weekday is not null || e.Day is not null || e.Month is not null
            ? WithDayWord(m, e)
            : WithOtherWord(m, e);
    }

    /// <summary>"منذ", "حتى", "خلال", "قبل": what the mention says of a span.</summary>
    private static DateMention? WithSpanWord(DateMention m, LexiconEntry e)
    {
        if (e.Ago)
        {
            return HasContent(m) || m.Ago ? null : m with { Ago = true };
        }

        if (e.From)
        {
            return HasContent(m) || m.From ? null : m with { From = true, Edge = e.Edge ?? m.Edge };
        }

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
            // "2 تشرين الثاني 2023 و9 شباط 2024": a day of another month is a date of its own.
            if (m.Month is not null && MonthFollows(text, next))
            {
                return null;
            }

            return (m.Day is { } first ? m with { FirstDay = first, Day = value } : m with { Day = value }, next);
        }

        return m.Day is null ? Stretch(text, m, value, next) : null;
    }

    /// <summary>"خلال ثلاثة أيام", "in six days", "قبل ثلاثة أيام": a count in words before a unit of time.</summary>
    private static (DateMention Mention, int End)? ReadCountWord(AnalyzedText text, DateMention m, int at) =>
        m.Day is null && text.StartingAt(at, LexiconKind.Number) is { Entry: { Number: NumberWord.Unit, Value: >= 1 and <= 99 } } word
            ? Stretch(text, m, (int)word.Entry.Value, word.End)
            : null;

    /// <summary>
    /// So many hours, days, weeks, months or years after "خلال" or "منذ": a stretch; after "قبل", so
    /// many days or weeks before the report's today.
    /// </summary>
    private static (DateMention Mention, int End)? Stretch(AnalyzedText text, DateMention m, int value, int at)
    {
        if (!(m.During || m.Since || m.Ago) || text.StartingAt(at, LexiconKind.Unit) is not { } unit)
        {
            return null;
        }

        if (m.Ago)
        {
            var days = unit.Entry.Unit switch { Units.Day => value, Units.Week => value * 7, _ => 0 };
            return days is > 0 and <= MaxDaysAgo ? (m with { RelativeDay = -days }, unit.End) : null;
        }

        return unit.Entry.Unit switch
        {
            Units.Hour => (m with { Hours = value }, unit.End),
            Units.Day => (m with { Hours = Hours(value, 24) }, unit.End),
            Units.Week => (m with { Hours = Hours(value, 24 * 7) }, unit.End),
            Units.Month or Units.Year => (m with { LongStretch = true }, unit.End),
            _ => null,
        };
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
