using System.CommandLine;
using System.Globalization;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad failures</c>: the reports that failed to ingest and still fail.</summary>
internal static class FailuresCommand
{
    public static Command Create(SharedOptions shared)
    {
        var command = new Command("failures", "List the reports that failed to ingest (file, line, stage, reason) and have not been stored since.");
        command.SetAction(result =>
        {
            using var store = shared.StoreForReading(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            var failures = store.Failures();
            foreach (var failure in failures)
            {
                Console.WriteLine($"{failure.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}  {failure.Message}{(failure.DocId is { } id ? $" (document {id})" : "")}");
            }

            Console.WriteLine(failures.Count == 1 ? "1 report failing." : $"{failures.Count} reports failing.");
            return ExitCodes.Success;
        });
        return command;
    }
}
