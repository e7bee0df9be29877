using System.CommandLine;
using System.Globalization;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad documents</c>: the stored reports, with when each was published and how that is known, and their versions.</summary>
internal static class DocumentsCommand
{
    public static Command Create(SharedOptions shared)
    {
        var versions = new Option<string?>("--versions") { Description = "List every version of this document id instead." };
        var command = new Command(
            "documents",
            "List the stored reports in their latest versions: id, version, publication date (given, inferred from the text, or unknown, and how), source, claims; retracted ones marked.")
        {
            versions,
        };
        command.SetAction(result =>
        {
            using var store = shared.StoreForReading(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            var claims = store.ClaimCounts();
            var id = result.GetValue(versions);
            IReadOnlyList<StoredDocument> documents = id is null ? [.. store.Documents()] : store.Versions(id);
            if (id is not null && documents.Count == 0)
            {
                Console.Error.WriteLine($"error: no document {id} in {MarsadStore.Describe(result.GetValue(shared.Database)!)}; `marsad documents` lists them.");
                return ExitCodes.BadUsage;
            }

            Console.WriteLine($"{"id",-28} {"version",7} {"published",-12} {"claims",6}  {"source",-24} how the date is known");
            foreach (var stored in documents)
            {
                var date = stored.Publication.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown";
                var version = $"{stored.Version}/{stored.Versions}";
                var retracted = stored.Retraction is { } r ? $"  RETRACTED by {r.By}: {r.Reason}" : "";
                Console.WriteLine(
                    $"{stored.Document.Id,-28} {version,7} {date,-12} {claims.GetValueOrDefault(stored.Document.Hash),6}  {stored.Document.Metadata.Source ?? "",-24} {stored.Publication.How}{retracted}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
