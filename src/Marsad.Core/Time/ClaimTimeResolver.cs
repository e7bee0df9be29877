using Marsad.Claims;
using Marsad.Languages;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Time;

/// <summary>The time of one claim and the date warnings that touch it.</summary>
public sealed record ResolvedTime(ClaimTime Time, IReadOnlyList<string> Warnings);

/// <summary>
/// Resolves each claim's time (CODEBOOK §5) against the report's publication date: running total
/// or period, baseline, span, and the day the figure holds for. The day a figure is stated for is
/// the report's today, or the day a reporting verb points to ("ونشر المرصد السوري مساء أمس
/// الخميس، أنه …" moves it to yesterday) until another does. It also raises the warnings a date
/// proves: <c>weekday_mismatch</c>, <c>since_after_as_of</c>, <c>year_conflict</c>.
/// </summary>
public sealed class ClaimTimeResolver
{
    private const int BaselineReach = 12;
    private const int FrameReach = 7;
    private const int OpeningReach = 120;
    private const int AheadReach = 20;

    private readonly AnalyzedText text;
    private readonly List<DateMention> mentions;
    private readonly DateOnly? published;
    private readonly List<(int Token, Day Day)> frames = [];

    public ClaimTimeResolver(AnalyzedText text, List<DateMention> mentions, PublicationDate publication)
    {
        this.text = text;
        this.mentions = mentions;
        published = publication.Date;
        FindFrames();
    }

    public Dictionary<Draft, ResolvedTime> Resolve(IReadOnlyList<Draft> drafts)
    {
        var resolved = new Dictionary<Draft, ResolvedTime>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            var warnings = new List<string>();
            var time = Own(drafts, i, resolved, warnings);
            if (time is null && draft.Parent is { } parent && resolved.TryGetValue(parent, out var whole))
            {
                time = whole.Time;

                // "34200 خرجوا منذ قرار ترامب …، من ضمنهم نحو 3370 عنصر … ممن جرى اعتقالهم": a part
                // counted by another category runs from the outermost baseline of its breakdown,
                // the one the reports give that category's own running total.
                if (draft.Category != parent.Category && time.Kind == TimeKind.Cumulative
                    && resolved.TryGetValue(Root(parent), out var root) && root.Time.Since is { } outermost)
                {
                    time = time with { Since = outermost };
                }
            }

            time ??= ByCue(draft);
            if (time.Since is not null && time.AsOf is not null
                && Day.Compare(Day.Parse(time.Since), Day.Parse(time.AsOf)) > 0)
            {
                warnings.Add(WarningCodes.SinceAfterAsOf);
            }

            resolved[draft] = new ResolvedTime(time, warnings);
        }

        AddWeekdayMismatches(drafts, resolved);
        return resolved;
    }

    /// <summary>The time the claim's own words give, or null when they give none.</summary>
    private ClaimTime? Own(IReadOnlyList<Draft> drafts, int index, Dictionary<Draft, ResolvedTime> resolved, List<string> warnings)
    {
        var draft = drafts[index];
        var frame = FrameAt(draft.Quantity.First);
        var scope = Scope(drafts, index);
        // Time words before the figure are its own only past the clause of the figure before it
        // ("4,000 fled every day and 176,000 … since the offensive began").
        var previous = index > 0 && drafts[index - 1].Sentence == draft.Sentence ? drafts[index - 1] : null;
        var previousEnd = previous is null ? 0 : text.ClauseEnd(previous.Quantity.Last, draft.Quantity.First);
        var before = MentionsIn(Math.Max(ClauseStart(draft), previousEnd), draft.Quantity.First);

        var same = scope.Concat(before).FirstOrDefault(m => m.SamePeriod);
        if (same is not null && PreviousOfCategory(drafts, index) is { } earlier)
        {
            return resolved[earlier].Time with { AsOf = Text(frame) };
        }

        var until = scope.FirstOrDefault(m => m.Until && (m.IsDay || m.Now));
        var end = until is null ? frame : Resolve(until, warnings);
        var since = Baseline(scope) ?? before.LastOrDefault(m => m.Since && HasDate(m));
        if (since is not null)
        {
            var start = Resolve(since, warnings);
            return since.IsRelative || (since.Month is null && !since.StartOfYear) || (start is { } s && end is { } e && s == e)
                ? new ClaimTime(TimeKind.Period, Start: Text(start), End: Text(end), AsOf: Text(end))
                : new ClaimTime(TimeKind.Cumulative, Since: Text(start), AsOf: Text(end));
        }

        var during = scope.Concat(before).FirstOrDefault(m => m.During && (m.LongStretch || m.Hours is not null));
        if (during is { LongStretch: true })
        {
            return new ClaimTime(TimeKind.Cumulative, AsOf: Text(frame));
        }

        if (during is { Hours: { } hours })
        {
            var start = frame?.AddDays(-Math.Max(0, (hours / 24) - 1));
            return new ClaimTime(TimeKind.Period, Start: Text(start), End: Text(frame), AsOf: Text(frame));
        }

        if (DayIn(scope.Concat(before)) is { } own)
        {
            return Period(own, warnings);
        }

        // "in September", "في تشرين الثاني 2023": a month is a period that holds on its last day,
        // also for "a total of" what happened in it.
        if (!scope.Any(m => m.Since) && scope.Concat(before).FirstOrDefault(m => m.WholeMonth) is { } month && Resolve(month, warnings) is { } first)
        {
            var last = first with { DayOfMonth = LastDayOf(first) };
            return new ClaimTime(TimeKind.Period, Start: Text(first), End: Text(last), AsOf: Text(last));
        }

        if (draft.Parent is not null)
        {
            return null;
        }

        // "1,540 قتيلا في الحرب حتى 20 أيار": a count up to a day is a running total on that day.
        if (until is { Now: false })
        {
            return new ClaimTime(TimeKind.Cumulative, AsOf: Text(end));
        }

        // A baseline anywhere in the sentence dates a figure with no time of its own: "منذ مطلع
        // العام، سجلت … 212", "قتل 610 … وجرح 2300 منذ أن بدأ الهجوم"; "منذ القرار الأمريكي" without
        // a date still makes a running total, "منذ صباح اليوم" a period.
        if (SentenceBaseline(draft, scope) is { } baseline)
        {
            var dated = Dated(baseline) ?? baseline;
            var start = HasDate(dated) ? Resolve(dated, warnings) : null;
            return dated.IsRelative
                ? new ClaimTime(TimeKind.Period, Start: Text(start), End: Text(frame), AsOf: Text(frame))
                : new ClaimTime(TimeKind.Cumulative, Since: Text(start), AsOf: Text(frame));
        }

        if (draft.Kind == TimeKind.Cumulative)
        {
            return new ClaimTime(TimeKind.Cumulative, AsOf: Text(frame));
        }

        // A date after a comma still dates an event: "وصول نحو 700 جندي …، في الـ 23 والـ 24 من كانون الثاني".
        var next = index + 1 < drafts.Count ? Math.Min(drafts[index + 1].Quantity.First, draft.Sentence.End) : draft.Sentence.End;
        return DayIn(MentionsIn(draft.Quantity.Last, next)) is { } later ? Period(later, warnings) : null;
    }

    /// <summary>
    /// The baseline of the claim's sentence: in its own words first, then ahead of it when no day
    /// or relative clause stands between, then behind it (not across a run-on paragraph: a baseline
    /// that far back opened another statement).
    /// </summary>
    private DateMention? SentenceBaseline(Draft draft, List<DateMention> scope)
    {
        if (scope.FirstOrDefault(m => m.Since) is { } own)
        {
            return own;
        }

        // A figure that is not itself a total takes a baseline ahead only from its own stretch of the
        // sentence ("قتل 95 شخصاً وأصيب 260، منذ أيلول"), not from a later statement of a run-on one.
        var reach = draft.Kind == TimeKind.Cumulative ? draft.Sentence.End : Math.Min(draft.Sentence.End, draft.Quantity.Last + AheadReach);
        foreach (var ahead in MentionsIn(draft.Quantity.Last, reach))
        {
            if (ahead.IsDay && !ahead.Since)
            {
                break;
            }

            if (ahead.Since)
            {
                return ahead;
            }
        }

        // Behind it, an undated baseline opens only the figure's own clause ("ومنذ بدء الهجوم، قتل 4 آلاف").
        var openingFrom = Math.Max(draft.Sentence.Start, draft.Quantity.First - OpeningReach);
        return MentionsIn(openingFrom, draft.Quantity.First)
            .LastOrDefault(m => m.Since && (m is { RelativeDay: null } && (m.Month is not null || m.StartOfYear) || m.First >= draft.Quantity.First - BaselineReach));
    }

    private static DateMention? DayIn(IEnumerable<DateMention> candidates) => candidates.FirstOrDefault(m => m.IsDay && !m.Since && !m.Until);

    private ClaimTime Period(DateMention day, List<string> warnings)
    {
        var last = Resolve(day, warnings);
        var first = day.FirstDay is { } firstDay ? Resolve(day with { Day = firstDay }, warnings)
            : day.FirstRelativeDay is { } firstRelative ? Resolve(day with { RelativeDay = firstRelative }, warnings)
            : last;
        return new ClaimTime(TimeKind.Period, Start: Text(first), End: Text(last), AsOf: Text(last));
    }

    /// <summary>No time words of its own: the cue words of the sentence decide, the frame gives the day.</summary>
    private ClaimTime ByCue(Draft draft)
    {
        var frame = FrameAt(draft.Quantity.First);
        if (draft.Kind != TimeKind.Cumulative && draft.Category is Category.Present or Category.Trapped)
        {
            // "يبلغ تعداد المخيم 71905", "up to 50,000 civilians are still trapped": a state on the
            // day, neither a total since a baseline nor something that happened in a period.
            return new ClaimTime(AsOf: Text(frame));
        }

        // Without a verb of totals or a baseline, a figure counts what happened: a period.
        return draft.Kind == TimeKind.Cumulative
            ? new ClaimTime(TimeKind.Cumulative, AsOf: Text(frame))
            : new ClaimTime(TimeKind.Period, Start: Text(frame), End: Text(frame), AsOf: Text(frame));
    }

    /// <summary>
    /// "منذ" with its date, or "منذ قرار … في الـ 19 من ديسمبر": a bare "منذ" takes the first date
    /// that follows it in the same sentence.
    /// </summary>
    private DateMention? Baseline(List<DateMention> scope) => Dated(scope.FirstOrDefault(m => m.Since));

    private DateMention? Dated(DateMention? since)
    {
        if (since is null || HasDate(since))
        {
            return since;
        }

        var sentence = text.SentenceOf(since.First);
        var dated = MentionsIn(since.Last, since.Last + BaselineReach + 1)
            .FirstOrDefault(m => text.SentenceOf(m.First) == sentence && HasDate(m) && !m.Until);
        return dated is null ? null : dated with { Since = true };
    }

    private static bool HasDate(DateMention m) => m.Month is not null || m.RelativeDay is not null || m.Now || m.Weekday is not null || m.StartOfYear;

    /// <summary>
    /// The mentions that speak of a claim: from its number to the next figure that is not one of its
    /// parts, within the clause, and for a whole, after its last part's clause too.
    /// </summary>
    private List<DateMention> Scope(IReadOnlyList<Draft> drafts, int index)
    {
        var draft = drafts[index];
        var sentenceEnd = draft.Sentence.End;
        var next = index + 1;
        var ownLimit = next < drafts.Count ? Math.Min(drafts[next].Quantity.First, sentenceEnd) : sentenceEnd;
        var scope = MentionsIn(draft.Quantity.Last, text.ClauseEnd(draft.Quantity.Last, ownLimit));
        var lastPart = index;
        while (lastPart + 1 < drafts.Count && IsDescendant(drafts[lastPart + 1], draft))
        {
            lastPart++;
        }

        if (lastPart > index)
        {
            var part = drafts[lastPart];
            var partLimit = lastPart + 1 < drafts.Count ? Math.Min(drafts[lastPart + 1].Quantity.First, sentenceEnd) : sentenceEnd;
            var lateStart = text.ClauseEnd(part.Quantity.Last, partLimit);
            scope.AddRange(MentionsIn(lateStart, partLimit));
        }

        return scope;
    }

    private static Draft Root(Draft draft)
    {
        while (draft.Parent is { } parent)
        {
            draft = parent;
        }

        return draft;
    }

    private static bool IsDescendant(Draft candidate, Draft whole)
    {
        for (var parent = candidate.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent == whole)
            {
                return true;
            }
        }

        return false;
    }

    private int ClauseStart(Draft draft)
    {
        var at = draft.Quantity.First - 1;
        while (at > draft.Sentence.Start && !text.IsClauseEnd(at))
        {
            at--;
        }

        return at;
    }

    /// <summary>The mentions that start in <c>[from, to)</c>; mentions are in text order, so a binary search finds them.</summary>
    private List<DateMention> MentionsIn(int from, int to)
    {
        var (low, high) = (0, mentions.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = mentions[middle].First < from ? (middle + 1, high) : (low, middle);
        }

        var found = new List<DateMention>();
        for (var i = low; i < mentions.Count && mentions[i].First < to; i++)
        {
            found.Add(mentions[i]);
        }

        return found;
    }

    private static Draft? PreviousOfCategory(IReadOnlyList<Draft> drafts, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (drafts[i].Category == drafts[index].Category)
            {
                return drafts[i];
            }
        }

        return null;
    }

    /// <summary>
    /// Reporting verbs next to a day ("ونشر المرصد السوري مساء أمس الخميس", "مساء يوم الاثنين
    /// الرابع من شهر آذار الجاري، وعلم المرصد") set the day the figures after them are stated for.
    /// </summary>
    private void FindFrames()
    {
        foreach (var mention in mentions.Where(m => m.IsDay && !m.Since && !m.Until))
        {
            if (!HasReportVerb(mention.First - FrameReach, mention.First) && !HasReportVerb(mention.Last, mention.Last + 3))
            {
                continue;
            }

            if (Resolve(mention, []) is { } day)
            {
                frames.Add((mention.First, day));
            }
        }
    }

    private bool HasReportVerb(int from, int to)
    {
        for (var at = Math.Max(0, from); at < Math.Min(to, text.Tokens.Count); at++)
        {
            if (text.StartingAt(at, LexiconKind.Marker)?.Entry.Marker == MarkerWord.Report)
            {
                return true;
            }
        }

        return false;
    }

    private Day? FrameAt(int token)
    {
        Day? day = published is { } p ? Day.Of(p) : null;
        foreach (var frame in frames)
        {
            if (frame.Token < token)
            {
                day = frame.Day;
            }
        }

        return day;
    }

    /// <summary>The day a mention names, against the report's publication date.</summary>
    public Day? DayOf(DateMention mention) => Resolve(mention, []);

    /// <summary>
    /// The day a mention names. Relative days count from the publication date; a month-day takes its
    /// year from the explicit year, or from its relative word ("الفائت": the last such month), or the
    /// most recent such day before publication. An explicit year that the relative word contradicts
    /// is a <c>year_conflict</c>; the relative word is believed.
    /// </summary>
    private Day? Resolve(DateMention m, List<string> warnings)
    {
        var today = published is { } p ? Day.Of(p) : (Day?)null;
        if (m.RelativeDay is { } offset && m.Month is null)
        {
            return today?.AddDays(offset);
        }

        if (m.Now)
        {
            return today;
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
            return m.Weekday is { } weekday && today?.Date is { } t ? Day.Of(MostRecent(t, weekday)) : null;
        }

        // "نهاية حزيران", "the end of February": the month's last day, in the year its first day has.
        if (m is { Edge: Edge.End, Day: null } && Resolve(m with { Edge = null }, warnings) is { } first)
        {
            return first with { DayOfMonth = LastDayOf(first) };
        }

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

    /// <summary>The last day of a day's month; without a year, February ends on the 28th (2001 is a common year).</summary>
    private static int LastDayOf(Day day) => DateTime.DaysInMonth(day.Year ?? 2001, day.Month);

    private static DateOnly MostRecent(DateOnly from, int isoWeekday)
    {
        var weekday = PublicationDateInference.ToDayOfWeek(isoWeekday);
        while (from.DayOfWeek != weekday)
        {
            from = from.AddDays(-1);
        }

        return from;
    }

    /// <summary>A date whose weekday the text contradicts ("الثلاثاء الـ 3 من آذار 2019" was a Sunday).</summary>
    private void AddWeekdayMismatches(IReadOnlyList<Draft> drafts, Dictionary<Draft, ResolvedTime> resolved)
    {
        foreach (var mention in mentions.Where(m => m is { Weekday: not null, Day: not null, Month: not null }))
        {
            var day = Resolve(mention, []);
            if (day?.Date is not { } date || date.DayOfWeek == PublicationDateInference.ToDayOfWeek(mention.Weekday!.Value))
            {
                continue;
            }

            var sentence = text.SentenceOf(mention.First);
            var affected = drafts.Where(d => text.SentenceOf(d.Quantity.First) == sentence).ToList();
            if (affected.Count == 0)
            {
                affected = [.. drafts.Where(d => d.Quantity.First > mention.First).Take(1)];
            }

            foreach (var draft in affected)
            {
                resolved[draft] = resolved[draft] with { Warnings = [.. resolved[draft].Warnings, WarningCodes.WeekdayMismatch] };
            }
        }
    }

    private static string? Text(Day? day) => day?.ToString();

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
