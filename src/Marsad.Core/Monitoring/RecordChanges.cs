using System.Globalization;
using Marsad.Model;
using Marsad.Tallies;

namespace Marsad.Monitoring;

/// <summary>Kinds of alert that are not a tally warning code (those keep their code: <c>value_conflict</c>, <c>series_decrease</c>, …).</summary>
public static class AlertKinds
{
    /// <summary>A period figure far above the series' recent level.</summary>
    public const string Spike = "spike";

    /// <summary>The record counts something it did not count before.</summary>
    public const string NewSeries = "new_series";

    /// <summary>A report replaced an earlier text of itself (its document's next version) and its figures changed.</summary>
    public const string Revision = "revision";
}

/// <summary>A claim an alert names, with the figure and the sentence it was read from.</summary>
public sealed record AlertClaim(string Id, string Figure, string Text, string Quote);

/// <summary>
/// Something a new report changed in the record: what kind of change, in which series, by which
/// report, explained in words, with the claims and sentences involved.
/// </summary>
public sealed record Alert(
    long Id, string Kind, string? SeriesId, string? SeriesLabel, string DocId, string Explanation, IReadOnlyList<AlertClaim> Claims, DateTimeOffset At);

/// <summary>
/// The alerts a batch of new claims raises, found by comparing the tally before them with the tally
/// after: a warning of the tally's own checks (<see cref="TallyBuilder"/>) that is new and names a
/// new claim, a series that did not exist, a period figure far above its series' recent level. The
/// checks are the tally's; this only tells what they found that is new.
/// </summary>
public static class RecordChanges
{
    /// <summary>A spike: this many times the median of the series' recent points…</summary>
    private const double SpikeFactor = 3;

    /// <summary>…of at least this many earlier points (fewer say nothing about a level)…</summary>
    private const int SpikeHistory = 3;

    /// <summary>…the most recent this many of them.</summary>
    private const int SpikeWindow = 7;

    public static IReadOnlyList<Alert> Between(Tally before, Tally after, IReadOnlySet<string> newClaims, DateTimeOffset at)
    {
        var claims = after.Series.SelectMany(s => s.Points).SelectMany(p => p.Mentions).Select(m => m.Claim)
            .DistinctBy(c => c.Id).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var series = after.Series.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var alerts = new List<Alert>();

        var known = before.Warnings.Select(Key).ToHashSet(StringComparer.Ordinal);
        foreach (var warning in after.Warnings.Where(w => !known.Contains(Key(w))))
        {
            var fresh = warning.ClaimIds.Where(newClaims.Contains).ToList();
            if (fresh.Count == 0)
            {
                continue;
            }

            var label = warning.SeriesId is { } id && series.TryGetValue(id, out var s) ? s.Key.Label : null;
            alerts.Add(new Alert(0, warning.Code, warning.SeriesId, label, DocOf(fresh[0], claims), warning.Explanation, Named(warning.ClaimIds, claims), at));
        }

        var existing = before.Series.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var now in after.Series)
        {
            var mentions = now.Points.SelectMany(p => p.Mentions).Where(m => newClaims.Contains(m.Claim.Id)).ToList();
            if (mentions.Count == 0)
            {
                continue;
            }

            if (!existing.TryGetValue(now.Id, out var then))
            {
                alerts.Add(new Alert(
                    0, AlertKinds.NewSeries, now.Id, now.Key.Label, mentions[0].Claim.Doc,
                    $"{now.Key.Label}: a new series, first {string.Join(", ", now.Points.Select(p => p.Figure + (p.AsOf is null ? "" : $" on {p.AsOf}")))}",
                    Named(mentions.Select(m => m.Claim.Id), claims), at));
            }
            else if (now.Key.Kind == TimeKind.Period)
            {
                alerts.AddRange(Spikes(then, now, newClaims, claims, at));
            }
        }

        return alerts;
    }

    /// <summary>A period figure of new claims far above the median of the points the series had before it.</summary>
    private static IEnumerable<Alert> Spikes(Series then, Series now, IReadOnlySet<string> newClaims, Dictionary<string, Claim> claims, DateTimeOffset at)
    {
        foreach (var point in now.Points.Where(p => p.AsOf is not null && p.Mentions.Any(m => newClaims.Contains(m.Claim.Id))))
        {
            var recent = then.Points
                .Where(p => p.AsOf < point.AsOf)
                .TakeLast(SpikeWindow).Select(p => p.Value).Order().ToList();
            if (recent.Count < SpikeHistory)
            {
                continue;
            }

            var median = recent[recent.Count / 2];
            if (point.Value > SpikeFactor * Math.Max(median, 1))
            {
                var ids = point.Mentions.Select(m => m.Claim.Id).ToList();
                yield return new Alert(
                    0, AlertKinds.Spike, now.Id, now.Key.Label, DocOf(ids.First(newClaims.Contains), claims),
                    $"{now.Key.Label}: {point.Figure} for {point.AsOf}, more than {SpikeFactor.ToString(CultureInfo.InvariantCulture)} times the median {median.ToString("#,0", CultureInfo.InvariantCulture)} of its {recent.Count} points before",
                    Named(ids, claims), at);
            }
        }
    }

    /// <summary>
    /// A report's next version whose figures differ from its earlier text: the claims the new text
    /// states that the old one did not (by category, value and words), and the old ones it dropped.
    /// </summary>
    public static Alert? Revision(IReadOnlyList<Claim> earlier, IReadOnlyList<Claim> later, string docId, int version, DateTimeOffset at)
    {
        static string Same(Claim c) => $"{ClaimJsonCode(c)}|{c.Value}|{c.Text}";
        var old = earlier.Select(Same).ToHashSet(StringComparer.Ordinal);
        var kept = later.Select(Same).ToHashSet(StringComparer.Ordinal);
        var added = later.Where(c => !old.Contains(Same(c))).ToList();
        var dropped = earlier.Where(c => !kept.Contains(Same(c))).ToList();
        if (added.Count == 0 && dropped.Count == 0)
        {
            return null;
        }

        var explanation = $"{docId} was revised (version {version}): "
            + string.Join("; ", added.Select(c => $"now {Describe(c)} “{c.Text}”").Concat(dropped.Select(c => $"no longer {Describe(c)} “{c.Text}”")));
        return new Alert(0, AlertKinds.Revision, null, null, docId, explanation, [.. added.Concat(dropped).Select(Named)], at);
    }

    private static string ClaimJsonCode(Claim claim) => Codes.Of(claim.Category);

    private static string Describe(Claim claim) => $"{SeriesPoint.Describe(claim.Value ?? 0, claim.Qualifier)} {ClaimJsonCode(claim)}";

    /// <summary>A warning is the same warning when it has the same code, series and claims.</summary>
    private static string Key(TallyWarning warning) =>
        $"{warning.Code}|{warning.SeriesId}|{string.Join(',', warning.ClaimIds.Order(StringComparer.Ordinal))}";

    private static string DocOf(string claimId, Dictionary<string, Claim> claims) =>
        claims.TryGetValue(claimId, out var claim) ? claim.Doc : claimId[..Math.Max(0, claimId.IndexOfAny(['#', '@']))];

    private static List<AlertClaim> Named(IEnumerable<string> ids, Dictionary<string, Claim> claims) =>
        [.. ids.Distinct(StringComparer.Ordinal).Where(claims.ContainsKey).Select(id => Named(claims[id]))];

    private static AlertClaim Named(Claim claim) => new(claim.Id, SeriesPoint.Describe(claim.Value ?? 0, claim.Qualifier), claim.Text, claim.Quote);
}
