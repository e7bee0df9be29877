using System.Globalization;
using Marsad.Model;

namespace Marsad.Tallies;

/// <summary>
/// Builds series from claims (docs/tallies.md): groups them by what they count, collapses the same
/// figure stated again — in a recap, by another outlet, in another language — into one point with
/// several mentions, and runs the checks that need more than one claim: <c>value_conflict</c>,
/// <c>series_decrease</c>, <c>increment_mismatch</c>, and, with the claims they name,
/// <c>parts_exceed_whole</c> and <c>sum_mismatch</c>.
/// </summary>
public static class TallyBuilder
{
    /// <summary>"About" a figure: within this share of it, for the checks only.</summary>
    private const double ApproxTolerance = 0.1;

    /// <summary>Units of time, shares and the like: figures in them describe a report, not a count to follow.</summary>
    private static readonly HashSet<string> UntrackedUnits = new(Units.OfTime.Concat(["percent", "times", "point", "money", "media"]), StringComparer.Ordinal);

    /// <param name="knownOn">Only what had been published by this day: what the record said then.
    /// Reports with an unknown publication date are left out of such a view.</param>
    public static Tally Build(IEnumerable<Mention> mentions, DateOnly? knownOn = null)
    {
        var eligible = Eligible(mentions.ToList()).Where(m => knownOn is null || m.Published <= knownOn).ToList();
        var tally = Series(eligible);
        return tally with { Warnings = [.. tally.Warnings, .. BreakdownWarnings(eligible)] };
    }

    /// <summary>
    /// The mentions that go into series, in the order given: figures that count, less wholes of
    /// mixed parts and parts no narrower than their whole. A breakdown never leaves its report, so
    /// the mentions of whole reports can be judged report by report.
    /// </summary>
    public static List<Mention> Eligible(IReadOnlyList<Mention> all)
    {
        var mixedWholes = MixedWholes(all);
        var keys = all.ToDictionary(m => m.Claim.Id, m => SeriesKey.Of(m.Claim), StringComparer.Ordinal);
        return [.. all.Where(m => Counts(m.Claim) && !mixedWholes.Contains(m.Claim.Id) && !NarrowerPart(m.Claim, keys, mixedWholes))];
    }

    /// <summary>
    /// The series of eligible mentions and the warnings of the checks across claims — conflicts
    /// (series in the order their first mention comes), decreases, increments — breakdowns aside.
    /// Every check stays within a family (<see cref="SeriesKey.Family"/>): the series of a family
    /// built from its mentions alone are the series the whole record would give it.
    /// </summary>
    public static Tally Series(IReadOnlyList<Mention> eligible)
    {
        var warnings = new List<TallyWarning>();
        var groups = eligible.GroupBy(m => SeriesKey.Of(m.Claim)).ToDictionary(g => g.Key, g => g.ToList());
        JoinYearlessBaselines(groups);

        var series = groups
            .Select(g => new Series(g.Key, Points(g.Key, g.Value, warnings)))
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        foreach (var running in series.Where(s => s.Key.Kind == TimeKind.Cumulative))
        {
            CheckDecrease(running, warnings);
        }

        CheckIncrements(series, warnings);
        return new Tally(series, warnings);
    }

    /// <summary>Figures that form series: people (and things tracked over time), with a value.</summary>
    private static bool Counts(Claim claim) =>
        claim.Value is not null
        && claim.Qualifier != Qualifier.Vague
        && (claim.Category != Category.Other || !UntrackedUnits.Contains(claim.Unit));

    /// <summary>
    /// "3313 … ممن قتلوا وخرجوا، هم 1213 … قتلوا و2100 … جرى اعتقالهم": a whole made up of parts
    /// of several categories counts no one thing; its parts go into their series, it does not.
    /// </summary>
    private static HashSet<string> MixedWholes(IReadOnlyList<Mention> mentions)
    {
        var wholes = mentions.ToDictionary(m => m.Claim.Id, m => m.Claim, StringComparer.Ordinal);
        return mentions
            .Where(m => m.Claim.Parent is not null)
            .GroupBy(m => m.Claim.Parent!, StringComparer.Ordinal)
            .Where(parts => wholes.TryGetValue(parts.Key, out var whole)
                && parts.Select(p => p.Claim.Category).Distinct().Count() > 1
                && parts.Sum(p => p.Claim.Value ?? 0) == whole.Value)
            .Select(parts => parts.Key)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// "43 … هم 8 قياديين و35 …" read without the distinction: a part that counts the same as its
    /// whole is a subset the key cannot tell apart, not another figure of the whole's series.
    /// </summary>
    private static bool NarrowerPart(Claim claim, Dictionary<string, SeriesKey> keys, HashSet<string> mixedWholes) =>
        claim.Parent is { } parent && !mixedWholes.Contains(parent) && keys.TryGetValue(parent, out var whole) && whole == keys[claim.Id];

    /// <summary>
    /// "منذ الـ 10 من أيلول" in a report without a year (<c>--09-10</c>) counts from the same
    /// baseline as the one series that gives that day a year.
    /// </summary>
    private static void JoinYearlessBaselines(Dictionary<SeriesKey, List<Mention>> groups)
    {
        foreach (var yearless in groups.Keys.Where(k => k.Since is { Year: null }).ToList())
        {
            var dated = groups.Keys
                .Where(k => k.Since is { Year: not null } since && k with { Since = since with { Year = null } } == yearless)
                .ToList();
            if (dated.Count == 1)
            {
                groups[dated[0]].AddRange(groups[yearless]);
                groups.Remove(yearless);
            }
        }
    }

    private static List<SeriesPoint> Points(SeriesKey key, List<Mention> mentions, List<TallyWarning> warnings)
    {
        var ordered = mentions.OrderBy(m => Precision(m.Claim.Qualifier)).ThenBy(m => m.Claim.Doc, StringComparer.Ordinal)
            .ThenBy(m => m.Claim.Span.Start).ToList();
        var points = new List<List<Mention>>();
        foreach (var slot in ordered.Where(m => Dated(m.Claim)).GroupBy(m => (m.Claim.Time.AsOf, Start(key, m.Claim))).OrderBy(g => g.Key.AsOf))
        {
            var figures = Cluster(slot);
            if (figures.Count > 1)
            {
                warnings.Add(new TallyWarning(
                    WarningCodes.ValueConflict, key.Id,
                    $"{key.Label}: different figures for {slot.Key.AsOf}: "
                    + string.Join("; ", figures.Select(f => $"{Figure(f[0].Claim)} ({string.Join(", ", f.Select(m => m.Claim.Id))})")),
                    [.. figures.SelectMany(f => f).Select(m => m.Claim.Id)]));
            }

            foreach (var figure in figures)
            {
                // A running total that has not moved is the same figure, stated again: it holds from its first day.
                if (key.Kind == TimeKind.Cumulative && points.Count > 0 && points[^1][0].Claim.Value == figure[0].Claim.Value)
                {
                    points[^1].AddRange(figure);
                }
                else
                {
                    points.Add(figure);
                }
            }
        }

        // An undated statement of a figure the series already has is that figure again.
        var byValue = new Dictionary<long, List<Mention>>();
        foreach (var point in points)
        {
            byValue.TryAdd(point[0].Claim.Value!.Value, point);
        }

        foreach (var undated in ordered.Where(m => !Dated(m.Claim)))
        {
            if (byValue.TryGetValue(undated.Claim.Value!.Value, out var same))
            {
                same.Add(undated);
            }
            else
            {
                List<Mention> point = [undated];
                points.Add(point);
                byValue.Add(undated.Claim.Value!.Value, point);
            }
        }

        return [.. points.Select(p => ToPoint(key, p))];
    }

    /// <summary>The figures of one day: mentions whose bounds agree are one figure, the most precise first.</summary>
    private static List<List<Mention>> Cluster(IEnumerable<Mention> slot)
    {
        var figures = new List<List<Mention>>();
        foreach (var mention in slot)
        {
            // The same number, hedged or not ("أكثر من 2100" in the headline, "2100" in the body), is one figure.
            var agreeing = figures.FirstOrDefault(f => f[0].Claim.Value == mention.Claim.Value || Agree(Bounds(f[0].Claim), Bounds(mention.Claim)));
            if (agreeing is null)
            {
                figures.Add([mention]);
            }
            else
            {
                agreeing.Add(mention);
            }
        }

        return figures;
    }

    private static SeriesPoint ToPoint(SeriesKey key, List<Mention> mentions)
    {
        var stating = mentions[0].Claim;
        var published = mentions.Where(m => m.Published is not null).Select(m => m.Published!.Value).ToList();
        return new SeriesPoint(
            Dated(stating) ? stating.Time.AsOf : null,
            Dated(stating) ? Start(key, stating) : null,
            stating.Value!.Value,
            stating.Low,
            stating.High,
            stating.Qualifier,
            published.Count == 0 ? null : published.Min(),
            [.. mentions.OrderBy(m => m.Claim.Doc, StringComparer.Ordinal).ThenBy(m => m.Claim.Span.Start)]);
    }

    private static void CheckDecrease(Series series, List<TallyWarning> warnings)
    {
        SeriesPoint? highest = null;
        foreach (var point in series.Points.Where(p => p.AsOf is not null))
        {
            var (low, high) = Bounds(point.Mentions[0].Claim);
            if (highest is not null && high < Bounds(highest.Mentions[0].Claim).Low)
            {
                warnings.Add(new TallyWarning(
                    WarningCodes.SeriesDecrease, series.Id,
                    $"{series.Key.Label}: {point.Figure} on {point.AsOf} is below {highest.Figure} on {highest.AsOf}",
                    [.. highest.Mentions.Select(m => m.Claim.Id), .. point.Mentions.Select(m => m.Claim.Id)]));
            }

            if (highest is null || low > Bounds(highest.Mentions[0].Claim).Low)
            {
                highest = point;
            }
        }
    }

    /// <summary>
    /// An increment for a day ("نحو 1000 … منذ صباح اليوم") must fit the rise of the running
    /// total of the same people between the day before and that day.
    /// </summary>
    private static void CheckIncrements(List<Series> series, List<TallyWarning> warnings)
    {
        // Each total's points by day, and each increment's day before, found once: a family can hold
        // many totals (one a baseline) and many increments, and every pair of them is compared.
        var totalsOf = series.Where(s => s.Key.Kind == TimeKind.Cumulative)
            .ToLookup(s => s.Key.Family, s => (Total: s, ByDay: PointsByDay(s)));
        foreach (var increments in series.Where(s => s.Key.Kind == TimeKind.Period))
        {
            var totals = totalsOf[increments.Key.Family].ToList();
            if (totals.Count == 0)
            {
                continue;
            }

            var dated = increments.Points
                .Where(p => p.Start is { Date: not null } && p.AsOf is not null)
                .Select(p => (Increment: p, DayBefore: p.Start!.Value.AddDays(-1)))
                .ToList();
            foreach (var (total, byDay) in totals)
            {
                foreach (var (increment, dayBefore) in dated)
                {
                    if (!byDay.TryGetValue(dayBefore, out var before) || !byDay.TryGetValue(increment.AsOf!.Value, out var after))
                    {
                        continue;
                    }

                    var (beforeLow, beforeHigh) = Bounds(before.Mentions[0].Claim);
                    var (afterLow, afterHigh) = Bounds(after.Mentions[0].Claim);
                    var (low, high) = Bounds(increment.Mentions[0].Claim);
                    if (low > afterHigh - beforeLow || high < afterLow - beforeHigh)
                    {
                        warnings.Add(new TallyWarning(
                            WarningCodes.IncrementMismatch, increments.Id,
                            $"{increments.Key.Label}: {increment.Figure} for {increment.Start}..{increment.AsOf}, but {total.Key.Label} went from {before.Figure} ({before.AsOf}) to {after.Figure} ({after.AsOf})",
                            [.. increment.Mentions.Select(m => m.Claim.Id), .. before.Mentions.Select(m => m.Claim.Id), .. after.Mentions.Select(m => m.Claim.Id)]));
                    }
                }
            }
        }
    }

    /// <summary>A running total's first point of each day it holds for.</summary>
    private static Dictionary<Day, SeriesPoint> PointsByDay(Series total) =>
        total.Points.Where(p => p.AsOf is not null).GroupBy(p => p.AsOf!.Value)
            .ToDictionary(g => g.Key, g => g.First());

    /// <summary>The breakdown warnings of eligible mentions (of whole reports), with the parts they involve named.</summary>
    public static IEnumerable<TallyWarning> BreakdownWarnings(IReadOnlyList<Mention> mentions)
    {
        var parts = mentions.Where(m => m.Claim.Parent is not null).ToLookup(m => m.Claim.Parent!, StringComparer.Ordinal);
        foreach (var whole in mentions)
        {
            foreach (var code in whole.Claim.Warnings.Where(w => w is WarningCodes.PartsExceedWhole or WarningCodes.SumMismatch))
            {
                var itsParts = parts[whole.Claim.Id].ToList();
                yield return new TallyWarning(
                    code, null,
                    $"{whole.Claim.Id} states {Figure(whole.Claim)}; its parts "
                    + string.Join(" + ", itsParts.Select(p => $"{Figure(p.Claim)} ({p.Claim.Id})"))
                    + $" = {itsParts.Sum(p => p.Claim.Value ?? 0).ToString("#,0", CultureInfo.InvariantCulture)}",
                    [whole.Claim.Id, .. itsParts.Select(p => p.Claim.Id)]);
            }
        }
    }

    private static string Figure(Claim claim) => SeriesPoint.Describe(claim.Value ?? 0, claim.Qualifier);

    /// <summary>A day, not a day without a year: only such points are placed in time.</summary>
    private static bool Dated(Claim claim) => claim.Time.AsOf?.Date is not null;

    private static Day? Start(SeriesKey key, Claim claim) => key.Kind == TimeKind.Period ? claim.Time.Start ?? claim.Time.AsOf : null;

    /// <summary>Which statement of a figure to show: exact, then "about", then bounds.</summary>
    private static int Precision(Qualifier qualifier) => qualifier switch
    {
        Qualifier.Exact => 0,
        Qualifier.Approx => 1,
        _ => 2,
    };

    /// <summary>The values a claim allows: "more than 260" is 261 and up; "about 1000", for checks, 900 to 1100.</summary>
    private static (double Low, double High) Bounds(Claim claim)
    {
        double value = claim.Value ?? 0;
        return claim.Qualifier switch
        {
            Qualifier.Approx => (value * (1 - ApproxTolerance), value * (1 + ApproxTolerance)),
            Qualifier.AtLeast => (value, claim.High ?? double.PositiveInfinity),
            Qualifier.MoreThan => (value + 1, double.PositiveInfinity),
            Qualifier.LessThan => (0, value - 1),
            Qualifier.AtMost => (0, value),
            _ => (value, value),
        };
    }

    private static bool Agree((double Low, double High) a, (double Low, double High) b) => a.Low <= b.High && b.Low <= a.High;
}
