using System.CommandLine;
using System.Globalization;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad queue</c>: the extractions <c>ingest --defer</c> queued, counted by state, and the ones that failed for good.</summary>
internal static class QueueCommand
{
    public static Command Create(SharedOptions shared)
    {
        var command = new Command("queue", "Count the queued extractions (ingest --defer, marsad worker) by state, and list those that failed for good with their reasons.");
        command.SetAction(result =>
        {
            using var store = shared.StoreForReading(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            foreach (var job in store.FailedJobs())
            {
                Console.WriteLine(
                    $"{job.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}  {job.DocId} (version {job.Version}) after {job.Attempts} attempts: {job.Reason}");
            }

            var counts = store.QueueCounts();
            Console.WriteLine($"{counts.Queued} queued, {counts.Leased} leased, {counts.Done} done, {counts.Failed} failed.");
            return ExitCodes.Success;
        });
        return command;
    }
}
