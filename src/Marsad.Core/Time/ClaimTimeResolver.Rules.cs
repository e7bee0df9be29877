using Marsad.Claims;
using Marsad.Languages;
using Marsad.Model;

namespace Marsad.Time;

/// <summary>The rules that read a claim's time from its own words, in the order they are tried.</summary>
public sealed partial class ClaimTimeResolver
{
    /// <summary>
    /// The rules in the order they are tried: each answers with the claim's time or passes. A rule
    /// that holds only for a figure that is no part of another says so: a part that none of the
    /// others dated takes its whole's time.
    /// </summary>
    private IReadOnlyList<TimeRule> OwnTimeRules() =>
    [
        new(SamePeriod, PartsToo: true),
        new(SinceBaseline, PartsToo: true),
        new(LongStretch, PartsToo: true),
        new(Hours, PartsToo: true),
        new(OnADay, PartsToo: true),
        new(WholeMonth, PartsToo: true),
        new(DatedOpening, PartsToo: false),
        new(UpToADay, PartsToo: false),
        new(BaselineInSentence, PartsToo: false),
        new(BaselineBefore, PartsToo: false),
        new(VerbOfTotals, PartsToo: false),
        new(DayAfterComma, PartsToo: false),
    ];

    /// <summary>"خلال الفترة ذاتها": the time of the figure of the same category before, on this figure's day.</summary>
    private static ClaimTime? SamePeriod(ClaimWords words) =>
        words.Near.Any(m => m.SamePeriod) && PreviousOfCategory(words.Drafts, words.Index) is { } earlier
            ? words.Resolved[earlier].Time with { AsOf = words.Frame }
            : null;

    /// <summary>
    /// "منذ" with a date: a running total since it ("منذ فجر الجمعة الماضي" too), or a period when
    /// it is relative ("منذ صباح اليوم", "منذ ليل الجمعة" of this week), a bare year, or the very day it ends.
    /// </summary>
    private ClaimTime? SinceBaseline(ClaimWords words)
    {
        // The span's end is resolved first, whether or not a baseline follows: its warnings come first.
        var end = words.End;
        if ((Baseline(words.Scope) ?? words.Before.LastOrDefault(m => m.Since && HasDate(m))) is not { } since)
        {
            return null;
        }

        var start = days.Resolve(since, words.Warnings);
        var lastWeek = since is { Weekday: not null, Relative: RelativeWord.Last };
        return since.IsRelative || (since.Month is null && !lastWeek && !since.StartOfYear) || (start is { } s && end is { } e && s == e)
            ? new ClaimTime(TimeKind.Period, Start: start, End: end, AsOf: end)
            : new ClaimTime(TimeKind.Cumulative, Since: start, AsOf: end);
    }

    /// <summary>A day named in the claim's own words: a period of that day (or of a pair of days).</summary>
    private ClaimTime? OnADay(ClaimWords words) => DayIn(words.Near) is { } own ? Period(own, words.Warnings) : null;

    /// <summary>
    /// "وفي 8 آذار، أصيب 5 عمال", "On Friday, shelling killed 8": a day that opens the sentence,
    /// set off by a comma, dates every figure of it that has no time of its own.
    /// </summary>
    private ClaimTime? DatedOpening(ClaimWords words)
    {
        var sentence = words.Draft.Sentence;
        var opening = MentionsIn(sentence.Start, Math.Min(sentence.Start + OpeningWords, words.Draft.Quantity.First)).FirstOrDefault();
        return opening is { IsDay: true, Since: false, Until: false } && text.IsClauseEnd(opening.Last) && opening.Last < words.Draft.Quantity.First
            ? Period(opening, words.Warnings)
            : null;
    }

    /// <summary>"1,540 قتيلا في الحرب حتى 20 أيار": a count up to a day is a running total on that day.</summary>
    private static ClaimTime? UpToADay(ClaimWords words) =>
        words.Until is { Now: false } ? new ClaimTime(TimeKind.Cumulative, AsOf: words.End) : null;

    /// <summary>
    /// "ارتفع إلى", "حصيلة": a running total on the figure's day, from no known baseline; the rising
    /// toll of one event ("ارتفع إلى 17 عدد قتلى الانفجار") is a period.
    /// </summary>
    private ClaimTime? VerbOfTotals(ClaimWords words) =>
        words.Draft.Kind != TimeKind.Cumulative ? null
        : NamesOneEvent(words.Draft.Sentence) ? new ClaimTime(TimeKind.Period, Start: words.Frame, End: words.Frame, AsOf: words.Frame)
        : new ClaimTime(TimeKind.Cumulative, AsOf: words.Frame);

    /// <summary>
    /// "وتشهد المدينة معارك منذ 12 حزيران. وقالت الوزارة إن 230 شخصاً قتلوا": a baseline set out in
    /// the sentence before, one that counts nobody itself, makes a running total of a figure whose
    /// own sentence names no day, span or single event (a state on the day, "يعاني آلاف السكان", stays one).
    /// </summary>
    private ClaimTime? BaselineBefore(ClaimWords words)
    {
        var sentence = words.Draft.Sentence;
        // The cheap tests first: most figures have no baseline in the sentence before.
        if (words.Draft.Category is null or Category.Present or Category.Trapped
            || PreviousSentence(sentence) is not { } previous
            || MentionsIn(previous.Start, previous.End).FirstOrDefault(m => m.Since) is not { } baseline
            || (Dated(baseline) ?? baseline) is not { IsRelative: false } dated
            || words.Drafts.Any(d => d.Sentence == previous && d.OtherUnit is null)
            || MentionsIn(sentence.Start, sentence.End).Any(m => m.IsDay || m.Since || m.Month is not null || m.During)
            || NamesOneEvent(sentence))
        {
            return null;
        }

        var start = HasDate(dated) ? days.Resolve(dated, words.Warnings) : null;
        return new ClaimTime(TimeKind.Cumulative, Since: start, AsOf: words.Frame);
    }

    private static DateMention? During(ClaimWords words) => words.Near.FirstOrDefault(m => m.During && (m.LongStretch || m.Hours is not null));

    /// <summary>"خلال 4 أشهر ونصف": a running total.</summary>
    private static ClaimTime? LongStretch(ClaimWords words) =>
        During(words) is { LongStretch: true } ? new ClaimTime(TimeKind.Cumulative, AsOf: words.Frame) : null;

    /// <summary>"خلال الـ 24 ساعة الأخيرة": a period of whole days ending on the figure's day.</summary>
    private static ClaimTime? Hours(ClaimWords words)
    {
        if (During(words) is not { LongStretch: false, Hours: { } hours })
        {
            return null;
        }

        var start = words.Frame?.AddDays(-Math.Max(0, (hours / 24) - 1));
        return new ClaimTime(TimeKind.Period, Start: start, End: words.Frame, AsOf: words.Frame);
    }

    /// <summary>
    /// "in September", "في تشرين الثاني 2023": a month is a period that holds on its last day,
    /// also for "a total of" what happened in it.
    /// </summary>
    private ClaimTime? WholeMonth(ClaimWords words)
    {
        if (words.Scope.Any(m => m.Since) || words.Near.FirstOrDefault(m => m.WholeMonth) is not { } month || days.Resolve(month, words.Warnings) is not { } first)
        {
            return null;
        }

        var last = first with { DayOfMonth = DayResolver.LastDayOf(first) };
        return new ClaimTime(TimeKind.Period, Start: first, End: last, AsOf: last);
    }

    /// <summary>
    /// A baseline anywhere in the sentence dates a figure with no time of its own: "منذ مطلع
    /// العام، سجلت … 212", "قتل 610 … وجرح 2300 منذ أن بدأ الهجوم"; "منذ القرار الأمريكي" without
    /// a date still makes a running total, "منذ صباح اليوم" a period.
    /// </summary>
    private ClaimTime? BaselineInSentence(ClaimWords words)
    {
        if (SentenceBaseline(words.Draft, words.Scope) is not { } baseline)
        {
            return null;
        }

        var dated = Dated(baseline) ?? baseline;
        var start = HasDate(dated) ? days.Resolve(dated, words.Warnings) : null;
        return dated.IsRelative
            ? new ClaimTime(TimeKind.Period, Start: start, End: words.Frame, AsOf: words.Frame)
            : new ClaimTime(TimeKind.Cumulative, Since: start, AsOf: words.Frame);
    }

    /// <summary>A date after a comma still dates an event: "وصول نحو 700 جندي …، في الـ 23 والـ 24 من كانون الثاني".</summary>
    private ClaimTime? DayAfterComma(ClaimWords words)
    {
        var (draft, drafts, index) = (words.Draft, words.Drafts, words.Index);
        var next = index + 1 < drafts.Count ? Math.Min(drafts[index + 1].Quantity.First, draft.Sentence.End) : draft.Sentence.End;
        return DayIn(MentionsIn(draft.Quantity.Last, next)) is { } later ? Period(later, words.Warnings) : null;
    }

    private sealed record TimeRule(Func<ClaimWords, ClaimTime?> Apply, bool PartsToo);

    /// <summary>
    /// The time words about one claim: those in its scope (after it) and those before it in its own
    /// clause, the day it is stated for, and the end a "حتى" gives (resolved once, when first asked).
    /// </summary>
    private sealed class ClaimWords(
        IReadOnlyList<Draft> drafts, int index, Dictionary<Draft, ResolvedTime> resolved, List<string> warnings,
        Day? frame, List<DateMention> scope, List<DateMention> before, DayResolver days)
    {
        private Day? end;
        private bool endResolved;

        public IReadOnlyList<Draft> Drafts => drafts;

        public int Index => index;

        public Draft Draft => drafts[index];

        public Dictionary<Draft, ResolvedTime> Resolved => resolved;

        public List<string> Warnings => warnings;

        public Day? Frame => frame;

        public List<DateMention> Scope => scope;

        public List<DateMention> Before => before;

        public IEnumerable<DateMention> Near => scope.Concat(before);

        public DateMention? Until { get; } = scope.FirstOrDefault(m => m.Until && (m.IsDay || m.Now));

        public Day? End
        {
            get
            {
                if (!endResolved)
                {
                    (end, endResolved) = (Until is null ? frame : days.Resolve(Until, warnings), true);
                }

                return end;
            }
        }
    }
}
