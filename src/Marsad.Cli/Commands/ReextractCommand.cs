using System.CommandLine;
using Marsad.Extraction;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad reextract</c>: run the current extractor over every stored text again.</summary>
internal static class ReextractCommand
{
    public static Command Create(SharedOptions shared)
    {
        var defer = new Option<bool>("--defer") { Description = "Queue every stored text for `marsad worker` to re-extract, instead of re-extracting here." };
        var command = new Command("reextract", "Re-run the current extractor over the stored documents. Their texts are never rewritten.")
        {
            defer,
        };
        command.SetAction(result =>
        {
            if (result.GetValue(defer))
            {
                using var queue = shared.Store(result);
                if (queue is null)
                {
                    return ExitCodes.BadUsage;
                }

                Console.WriteLine($"{queue.EnqueueAll()} document versions queued for re-extraction by marsad worker.");
                return ExitCodes.Success;
            }

            if (shared.Extractor(result) is not { } extractor)
            {
                return ExitCodes.BadUsage;
            }

            using var store = shared.Store(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            var documents = 0;
            var changed = 0;
            var claims = 0;
            var versions = store.Documents().ToList().SelectMany(d => store.Versions(d.Document.Id)).ToList();

            // One transaction, and the series the new claims touch tallied once at the end instead of once a document.
            using (var batch = store.BeginBatch())
            {
                foreach (var stored in versions)
                {
                    var extracted = extractor.Extract(stored.Document);
                    changed += batch.Unit(() => store.ReplaceClaims(stored.Document, extracted, ClaimExtractor.Version)) ? 1 : 0;
                    documents++;
                    claims += extracted.Claims.Count;
                }

                batch.Commit();
            }

            store.RefreshTallies();

            Console.WriteLine($"{documents} document versions re-extracted with extractor {ClaimExtractor.Version}: {claims} claims; {changed} changed.");
            return ExitCodes.Success;
        });
        return command;
    }
}
