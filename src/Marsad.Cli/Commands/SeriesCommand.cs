using System.CommandLine;
using System.Globalization;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad series ID</c>: one series, every point with the sentences that state it.</summary>
internal static class SeriesCommand
{
    public static Command Create(SharedOptions shared)
    {
        var id = new Argument<string>("series") { Description = "The series id, as `marsad tally` shows it (killed.IS.fighter.SY-DY.since-2018-09-10; the older form with '/' is accepted)." };
        var options = new TallyOptions();
        var command = new Command("series", "Show one series: its points in day order, each with the claims, reports and sentences that state it.") { id, options.AsOf };
        command.SetAction(result =>
        {
            using var store = shared.StoreForReading(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            var seriesId = result.GetValue(id)!;
            var tally = store.OneSeries(seriesId, options.Filter(result));

            if (tally.Find(seriesId) is not { } series)
            {
                Console.Error.WriteLine($"error: no series {seriesId}; `marsad tally` lists them.");
                return ExitCodes.BadUsage;
            }

            Console.WriteLine($"{series.Id}  —  {series.Key.Label}");
            foreach (var point in series.Points)
            {
                Console.WriteLine();
                Console.WriteLine($"{point.AsOf?.ToString() ?? "date unknown"}  {point.Figure}");
                foreach (var mention in point.Mentions)
                {
                    var published = mention.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "date unknown";
                    Console.WriteLine($"  {mention.Claim.Id} ({mention.Source ?? "source unknown"}, published {published}) “{mention.Claim.Text}”");
                    Console.WriteLine($"    {mention.Claim.Quote}");
                }
            }

            foreach (var warning in tally.Warnings.Where(w => w.SeriesId == series.Id))
            {
                Console.WriteLine($"⚠ {warning.Code}: {warning.Explanation}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
