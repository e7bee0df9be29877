using System.CommandLine;
using System.Globalization;
using Marsad.Cli.Output;
using Marsad.Model;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad show DOC</c>: one stored report — where it comes from, the places and actors its claims name, and the claims.</summary>
internal static class ShowCommand
{
    public static Command Create(SharedOptions shared)
    {
        var id = new Argument<string>("doc") { Description = "The document id (see `marsad documents`)." };
        var version = new Option<int?>("--version") { Description = "This version of the document (default: the latest; `marsad documents --versions DOC` lists them)." };
        var command = new Command("show", "Show one stored report: source, publication date, the places and actors its claims name, and its claims.") { id, version };
        command.SetAction(result =>
        {
            using var store = shared.StoreForReading(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            var docId = result.GetValue(id)!;
            if (store.Document(docId, result.GetValue(version)) is not { } stored)
            {
                Console.Error.WriteLine($"error: no document {docId}{(result.GetValue(version) is { } v ? $" version {v}" : "")} in {MarsadStore.Describe(result.GetValue(shared.Database)!)}; `marsad documents --versions {docId}` lists its versions.");
                return ExitCodes.BadUsage;
            }

            var claims = store.Claims(docId, version: stored.Version);
            var metadata = stored.Document.Metadata;
            Console.WriteLine($"{docId}  {metadata.Title}");
            Console.WriteLine($"  version    {stored.Version} of {stored.Versions}");
            if (stored.Retraction is { } retraction)
            {
                Console.WriteLine($"  RETRACTED  {retraction.At:yyyy-MM-dd} by {retraction.By}: {retraction.Reason}");
            }

            Console.WriteLine($"  source     {metadata.Source ?? "-"}  {metadata.Url}");
            Console.WriteLine($"  published  {stored.Publication.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown"} ({stored.Publication.How})");
            Console.WriteLine($"  sha256     {stored.Document.Hash}");
            Console.WriteLine();
            WritePlaces(claims);
            Console.WriteLine();
            WriteActors(claims);
            Console.WriteLine();
            ClaimTable.Write(Console.Out, claims);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WritePlaces(IReadOnlyList<Claim> claims)
    {
        Console.WriteLine("Places");
        foreach (var place in claims.Where(c => c.Place.Admin1 is not null || c.Place.Name is not null)
            .GroupBy(c => (c.Place.Name, c.Place.Admin1, c.Place.GazetteerId))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Name, StringComparer.Ordinal))
        {
            var known = place.Key.Name is null ? "(report governorate)" : place.Key.GazetteerId ?? "(not in the gazetteer)";
            Console.WriteLine($"  {place.Key.Admin1 ?? "?",-8} {place.Count(),4} claims  {known,-36} {place.Key.Name}");
        }
    }

    private static void WriteActors(IReadOnlyList<Claim> claims)
    {
        Console.WriteLine("Actors");
        var counted = claims.Where(c => c.Group.Actor is not null).ToLookup(c => c.Group.Actor!, StringComparer.Ordinal);
        var perpetrators = claims.Where(c => c.Perpetrator is not null).ToLookup(c => c.Perpetrator!, StringComparer.Ordinal);
        foreach (var actor in counted.Select(g => g.Key).Union(perpetrators.Select(g => g.Key)).Order(StringComparer.Ordinal))
        {
            Console.WriteLine($"  {actor,-12} counted in {counted[actor].Count(),3} claims, perpetrator in {perpetrators[actor].Count(),3}");
        }
    }
}
