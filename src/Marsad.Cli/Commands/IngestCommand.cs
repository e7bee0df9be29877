using System.CommandLine;
using Marsad.Cli.Output;
using Marsad.Extraction;
using Marsad.Ingest;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad ingest PATH…</c>: reports into the store, each with its claims, in its own transaction.</summary>
internal static class IngestCommand
{
    public static Command Create(SharedOptions shared)
    {
        var paths = CommonArguments.Paths("Report files (.txt, .html, .jsonl) or folders of them, read recursively.");
        var source = new Option<string?>("--source") { Description = "Source name for reports that do not give one." };
        var published = CommonArguments.Published();
        var lang = new Option<string?>("--lang") { Description = "Language code (ar, en) for reports that do not give one." };
        var command = new Command("ingest", "Store reports and their claims. Re-ingesting the same text adds nothing, a new text under a stored id is its next version; a bad file is reported and skipped.")
        {
            paths, source, published, lang,
        };
        command.SetAction(result =>
        {
            if (shared.Extractor(result) is not { } extractor)
            {
                return ExitCodes.BadUsage;
            }

            using var store = shared.StoreOrNew(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            var defaults = CommonArguments.Defaults(result.GetValue(source), result.GetValue(published), result.GetValue(lang));
            var tally = Ingest(store, extractor, ReportReader.Read(result.GetValue(paths)!, defaults));
            var versions = tally.NewVersions > 0 ? $" {tally.NewVersions} of those added are new versions of stored documents." : "";
            Console.WriteLine($"{tally.Added} added, {tally.AlreadyPresent} already present, {tally.Failed} failed; {tally.Claims} claims extracted.{versions}");
            return tally.Failed > 0 ? ExitCodes.SomeInputFailed : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Reads, extracts and stores every report; shared with <c>demo</c>.</summary>
    public static IngestTally Ingest(MarsadStore store, ClaimExtractor extractor, IEnumerable<ReadResult> reads)
    {
        var tally = new IngestTally();
        using var progress = new ProgressLine("ingesting");
        foreach (var read in reads)
        {
            switch (read)
            {
                case ReadError error:
                    progress.Interrupt("error: " + error.Message);
                    tally.Failed++;
                    break;
                case ReadDocument { Document: var document }:
                    var extraction = extractor.Extract(document);
                    var outcome = store.AddDocument(document, extraction, ClaimExtractor.Version);
                    if (outcome == IngestOutcome.AlreadyPresent)
                    {
                        tally.AlreadyPresent++;
                    }
                    else
                    {
                        tally.Added++;
                        tally.NewVersions += outcome == IngestOutcome.NewVersion ? 1 : 0;
                        tally.Claims += extraction.Claims.Count;
                    }

                    break;
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
