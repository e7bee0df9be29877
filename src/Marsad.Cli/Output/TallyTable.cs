using System.Globalization;
using Marsad.Tallies;

namespace Marsad.Cli.Output;

/// <summary>A tally for a reader: each series, its points in day order with their parts and mentions, then the warnings.</summary>
internal static class TallyTable
{
    public static void Write(TextWriter output, Tally tally)
    {
        var pointOf = tally.Series
            .SelectMany(s => s.Points.SelectMany(p => p.Mentions.Select(m => (m.Claim, Series: s, Point: p))))
            .ToLookup(x => x.Claim.Parent ?? "", StringComparer.Ordinal);
        foreach (var series in tally.Series)
        {
            output.WriteLine($"{series.Id}  —  {series.Key.Label}");
            foreach (var point in series.Points)
            {
                var when = series.Key.Kind == Model.TimeKind.Period && point.Start != point.AsOf ? $"{point.Start}..{point.AsOf}" : point.AsOf?.ToString() ?? "date unknown";
                var reported = point.FirstReported?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown";
                var mentions = string.Join(", ", point.Mentions.Select(m => m.Claim.Id));
                output.WriteLine($"    {when,-22} {point.Figure,-20} reported {reported,-10}  {point.Mentions.Count} mention{(point.Mentions.Count == 1 ? " " : "s")}: {mentions}");
                var parts = point.Mentions.SelectMany(m => pointOf[m.Claim.Id])
                    .DistinctBy(x => (x.Series.Id, x.Point.Value))
                    .Select(x => $"{x.Point.Figure} {x.Series.Key.Label.Split(" since ")[0].Split(", ")[0]}");
                if (parts.Any())
                {
                    output.WriteLine($"    {"",-22} of which: {string.Join("; ", parts)}");
                }
            }

            output.WriteLine();
        }

        foreach (var warning in tally.Warnings)
        {
            output.WriteLine($"⚠ {warning.Code}: {warning.Explanation}");
        }

        output.WriteLine($"{tally.Series.Count} series, {tally.Series.Sum(s => s.Points.Count)} points, {tally.Warnings.Count} warnings.");
    }
}
