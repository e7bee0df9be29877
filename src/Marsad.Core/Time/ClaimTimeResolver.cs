using Marsad.Analysis;
using Marsad.Claims;
using Marsad.Languages;
using Marsad.Model;

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
public sealed partial class ClaimTimeResolver
{
    private const int BaselineReach = 12;
    private const int OpeningReach = 120;
    private const int AheadReach = 20;

    /// <summary>How far into a sentence a date may start and still open it ("وفي يوم الجمعة 8 آذار،").</summary>
    private const int OpeningWords = 3;

    private readonly AnalyzedText text;
    private readonly List<DateMention> mentions;
    private readonly DayResolver days;
    private readonly ReportingFrames frames;
    private readonly IReadOnlyList<TimeRule> rules;

    public ClaimTimeResolver(AnalyzedText text, List<DateMention> mentions, PublicationDate publication)
    {
        this.text = text;
        this.mentions = mentions;
        days = new DayResolver(publication.Date);
        frames = new ReportingFrames(text, mentions, days);
        rules = OwnTimeRules();
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
            if (Day.Compare(time.Since, time.AsOf) > 0)
            {
                warnings.Add(WarningCodes.SinceAfterAsOf);
            }

            resolved[draft] = new ResolvedTime(time, warnings);
        }

        AddWeekdayMismatches(drafts, resolved);
        return resolved;
    }

    /// <summary>The time the claim's own words give (the first of <see cref="OwnTimeRules"/> that answers), or null when they give none.</summary>
    private ClaimTime? Own(IReadOnlyList<Draft> drafts, int index, Dictionary<Draft, ResolvedTime> resolved, List<string> warnings)
    {
        var draft = drafts[index];

        // Time words before the figure are its own only past the clause of the figure before it
        // ("4,000 fled every day and 176,000 … since the offensive began").
        var previous = index > 0 && drafts[index - 1].Sentence == draft.Sentence ? drafts[index - 1] : null;
        var previousEnd = previous is null ? 0 : text.ClauseEnd(previous.Quantity.Last, draft.Quantity.First);
        var before = MentionsIn(Math.Max(ClauseStart(draft), previousEnd), draft.Quantity.First);
        var words = new ClaimWords(drafts, index, resolved, warnings, frames.At(draft.Quantity.First), Scope(drafts, index), before, days);
        foreach (var rule in rules)
        {
            if ((rule.PartsToo || draft.Parent is null) && rule.Apply(words) is { } time)
            {
                return time;
            }
        }

        return null;
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
        var last = days.Resolve(day, warnings);
        var first = day.Start is { } start ? days.Resolve(start, warnings)
            : day.FirstDay is { } firstDay ? days.Resolve(day with { Day = firstDay }, warnings)
            : day.FirstRelativeDay is { } firstRelative ? days.Resolve(day with { RelativeDay = firstRelative }, warnings)
            : last;
        return new ClaimTime(TimeKind.Period, Start: first, End: last, AsOf: last);
    }

    /// <summary>No time words of its own: the cue words of the sentence decide, the frame gives the day.</summary>
    private ClaimTime ByCue(Draft draft)
    {
        var frame = frames.At(draft.Quantity.First);
        if (draft.Kind != TimeKind.Cumulative && draft.Category is Category.Present or Category.Trapped)
        {
            // "يبلغ تعداد المخيم 71905", "up to 50,000 civilians are still trapped": a state on the
            // day, neither a total since a baseline nor something that happened in a period.
            return new ClaimTime(AsOf: frame);
        }

        if (draft.Kind == TimeKind.Cumulative)
        {
            return new ClaimTime(TimeKind.Cumulative, AsOf: frame);
        }

        // "Thousands of bodies remain under the rubble", "3,500 fighters have surrendered": a state or
        // a result so far, with no event and no frame, covers no span the text states (CODEBOOK §5:
        // unknown is null). Otherwise a figure counts what happened: a period.
        return SaysAState(draft)
            ? new ClaimTime(AsOf: frame)
            : new ClaimTime(TimeKind.Period, Start: frame, End: frame, AsOf: frame);
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

    /// <summary>A word of a standing state or a result so far in the figure's own clause, and no event named in its sentence.</summary>
    private bool SaysAState(Draft draft)
    {
        var (clauseStart, clauseEnd) = (ClauseStart(draft), text.ClauseEnd(draft.Quantity.Last, draft.Sentence.End));
        var state = false;
        for (var at = Math.Max(clauseStart, draft.Sentence.Start); at < clauseEnd && !state; at++)
        {
            state = text.StartingAt(at, LexiconKind.Time)?.Entry.State is true;
        }

        for (var at = draft.Sentence.Start; state && at < draft.Sentence.End; at++)
        {
            state = text.StartingAt(at, LexiconKind.Cause) is null;
        }

        return state;
    }

    /// <summary>A word of one event ("الانفجار", "the blast", <c>kind=period</c> in <c>time.tsv</c>) in the sentence.</summary>
    private bool NamesOneEvent((int Start, int End) sentence)
    {
        for (var at = sentence.Start; at < sentence.End; at++)
        {
            if (text.StartingAt(at, LexiconKind.Time)?.Entry.Total == TimeKind.Period)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The sentence before, passing empty ones (a line break alone).</summary>
    private (int Start, int End)? PreviousSentence((int Start, int End) sentence)
    {
        for (var i = text.SentenceOf(sentence.Start) - 1; i >= 0; i--)
        {
            if (text.Sentences[i] is var candidate && candidate.End - candidate.Start > 1)
            {
                return candidate;
            }
        }

        return null;
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

    /// <summary>The day a mention names, against the report's publication date.</summary>
    public Day? DayOf(DateMention mention) => days.Resolve(mention, []);

    /// <summary>A date whose weekday the text contradicts ("الثلاثاء الـ 3 من آذار 2019" was a Sunday).</summary>
    private void AddWeekdayMismatches(IReadOnlyList<Draft> drafts, Dictionary<Draft, ResolvedTime> resolved)
    {
        foreach (var mention in mentions.Where(m => m is { Weekday: not null, Day: not null, Month: not null }))
        {
            var day = days.Resolve(mention, []);
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
}
