using System.CommandLine;
using System.Globalization;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad documents</c>: the stored reports, with when each was published and how that is known.</summary>
internal static class DocumentsCommand
{
    public static Command Create(SharedOptions shared)
    {
        var command = new Command("documents", "List the stored reports: id, publication date (given, inferred from the text, or unknown, and how), source, claims.");
        command.SetAction(result =>
        {
            using var store = MarsadStore.OpenForReading(result.GetValue(shared.Database)!);
            var claims = store.ClaimCounts();
            Console.WriteLine($"{"id",-28} {"published",-12} {"claims",6}  {"source",-24} how the date is known");
            foreach (var stored in store.Documents())
            {
                var date = stored.Publication.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown";
                Console.WriteLine(
                    $"{stored.Document.Id,-28} {date,-12} {claims.GetValueOrDefault(stored.Document.Id),6}  {stored.Document.Metadata.Source ?? "",-24} {stored.Publication.How}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
