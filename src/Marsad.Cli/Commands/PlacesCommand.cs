using System.CommandLine;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad places</c>: the places the stored claims are about, and which of them the gazetteer does not know.</summary>
internal static class PlacesCommand
{
    public static Command Create(SharedOptions shared)
    {
        var doc = new Option<string?>("--doc") { Description = "Only the places of this document id." };
        var unresolved = new Option<bool>("--unresolved")
        {
            Description = "Only places named in the text that the gazetteer does not know: add them to a profile with coordinates.",
        };
        var command = new Command("places", "List the places claims are about: name as written, first-level division, gazetteer id, claims, documents.")
        {
            doc, unresolved,
        };
        command.SetAction(result =>
        {
            using var store = shared.StoreForReading(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            if (result.GetValue(doc) is { } id && store.Document(id) is null)
            {
                Console.Error.WriteLine($"error: no document {id} in {MarsadStore.Describe(result.GetValue(shared.Database)!)}; `marsad documents` lists them.");
                return ExitCodes.BadUsage;
            }

            var places = store.Claims(result.GetValue(doc))
                .Where(c => c.Place.Name is not null && (!result.GetValue(unresolved) || c.Place.GazetteerId is null))
                .GroupBy(c => (c.Place.Name!, c.Place.Admin1, c.Place.GazetteerId))
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Item1, StringComparer.Ordinal);
            Console.WriteLine($"{"admin1",-8} {"gazetteer id",-40} {"claims",6}  {"documents",-40} place as written");
            foreach (var place in places)
            {
                var documents = string.Join(", ", place.Select(c => c.Doc).Distinct(StringComparer.Ordinal));
                Console.WriteLine($"{place.Key.Admin1 ?? "?",-8} {place.Key.GazetteerId ?? "(unknown)",-40} {place.Count(),6}  {documents,-40} {place.Key.Item1}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
