using System.CommandLine;
using System.Globalization;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad gazetteer NAME…</c>: what the gazetteer (and the profile's places) make of a name.</summary>
internal static class GazetteerCommand
{
    public static Command Create(SharedOptions shared)
    {
        var names = new Argument<string[]>("names") { Description = "Place names as written (\"ببلدة هجين\", \"وهجين\").", Arity = ArgumentArity.OneOrMore };
        var admin1 = new Option<string?>("--admin1") { Description = "Prefer places in this first-level division (ISO 3166-2, e.g. SY-DY)." };
        var command = new Command("gazetteer", "Look place names up: first-level division, gazetteer id, coordinates. Unknown names can be added in a profile.")
        {
            names, admin1,
        };
        command.SetAction(result =>
        {
            if (shared.Extractor(result) is not { } extractor)
            {
                return ExitCodes.BadUsage;
            }

            var unknown = 0;
            foreach (var name in result.GetValue(names)!)
            {
                if (extractor.PackFor(["ar", "en"]).Gazetteer.Lookup(name, result.GetValue(admin1)) is { } place)
                {
                    Console.WriteLine(string.Create(
                        CultureInfo.InvariantCulture, $"{name}\t{place.Admin1 ?? "?"}\t{place.GazetteerId}\t{place.Lat:0.#####},{place.Lon:0.#####}\t{place.Name}"));
                }
                else
                {
                    Console.WriteLine($"{name}\t(unknown)");
                    unknown++;
                }
            }

            return unknown > 0 ? ExitCodes.SomeInputFailed : ExitCodes.Success;
        });
        return command;
    }
}
