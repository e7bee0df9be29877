using System.CommandLine;
using Marsad.Cli.Output;
using Marsad.Extraction;
using Marsad.Ingest;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad ingest PATH…</c>: reports into the store, each with its claims, extracted on every core and committed in batches (<see cref="ReportIngest"/>).</summary>
internal static class IngestCommand
{
    public static Command Create(SharedOptions shared)
    {
        var paths = CommonArguments.Paths("Report files (.txt, .html, .jsonl) or folders of them, read recursively.");
        var source = new Option<string?>("--source") { Description = "Source name for reports that do not give one." };
        var published = CommonArguments.Published();
        var lang = new Option<string?>("--lang") { Description = "Language code (ar, en) for reports that do not give one." };
        var defer = new Option<bool>("--defer") { Description = "Store the reports without extracting them and queue their extraction for `marsad worker` (marsad queue shows it)." };
        var command = new Command("ingest", "Store reports and their claims. Re-ingesting the same text adds nothing, a new text under a stored id is its next version; a report that fails is named, recorded (marsad failures) and skipped, and the exit code is 1.")
        {
            paths, source, published, lang, defer,
        };
        command.SetAction(result =>
        {
            var deferred = result.GetValue(defer);
            var extractor = deferred ? null : shared.Extractor(result);
            if (!deferred && extractor is null)
            {
                return ExitCodes.BadUsage;
            }

            using var store = shared.StoreOrNew(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            var defaults = CommonArguments.Defaults(result.GetValue(source), result.GetValue(published), result.GetValue(lang));
            var reads = ReportReader.Read(result.GetValue(paths)!, defaults);
            var tally = Count(extractor is null ? ReportIngest.Defer(store, reads) : ReportIngest.Run(store, extractor.Extract, reads));
            var versions = tally.NewVersions > 0 ? $" {tally.NewVersions} of those added are new versions of stored documents." : "";
            var extracted = extractor is null ? "their extraction queued for marsad worker" : $"{tally.Claims} claims extracted";
            Console.WriteLine($"{tally.Added} added, {tally.AlreadyPresent} already present, {tally.Failed} failed; {extracted}.{versions}");
            return tally.Failed > 0 ? ExitCodes.SomeInputFailed : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Ingests every report (<see cref="ReportIngest"/>), naming each failure as it comes; shared with <c>demo</c> and <c>serve</c>.</summary>
    public static IngestTally Ingest(MarsadStore store, ClaimExtractor extractor, IEnumerable<ReadResult> reads) =>
        Count(ReportIngest.Run(store, extractor.Extract, reads));

    /// <summary>Counts the reports of an ingest as they are stored, naming each failure as it comes.</summary>
    private static IngestTally Count(IEnumerable<IngestedReport> reports)
    {
        var tally = new IngestTally();
        using var progress = new ProgressLine("ingesting");
        foreach (var report in reports)
        {
            if (report.Failure is { } failure)
            {
                progress.Interrupt("error: " + failure.Message);
                tally.Failed++;
            }
            else if (report.Outcome == IngestOutcome.AlreadyPresent)
            {
                tally.AlreadyPresent++;
            }
            else
            {
                tally.Added++;
                tally.NewVersions += report.Outcome == IngestOutcome.NewVersion ? 1 : 0;
                tally.Claims += report.Claims;
            }

            progress.Report(tally.Added + tally.AlreadyPresent + tally.Failed);
        }

        return tally;
    }

    internal sealed class IngestTally
    {
        public int Added { get; set; }

        public int NewVersions { get; set; }

        public int AlreadyPresent { get; set; }

        public int Failed { get; set; }

        public int Claims { get; set; }
    }
}
