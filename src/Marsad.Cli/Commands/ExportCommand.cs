using System.CommandLine;
using System.Text;
using Marsad.Serialization;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad export</c>: the tally as a file others can load: CSV, JSON, GeoJSON, HXL-tagged CSV.</summary>
internal static class ExportCommand
{
    public static Command Create(SharedOptions shared)
    {
        var options = new TallyOptions();
        var format = new Option<string>("--format")
        {
            Description = "csv (a row a point), json (the series), geojson (a feature a place with its latest figures) or hxl (CSV with HXL hashtags, for HDX tooling).",
            Required = true,
        }.AcceptOnlyFromAmong("csv", "json", "geojson", "hxl");
        var output = new Option<string?>("--out") { Description = "The file to write (default: standard output)." };
        var command = new Command("export", "Export the tally for other tools.") { format, output };
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            using var store = MarsadStore.OpenForReading(result.GetValue(shared.Database)!);
            var tally = options.Build(store, result);
            using var stream = result.GetValue(output) is { } path ? File.Create(path) : Console.OpenStandardOutput();
            switch (result.GetValue(format))
            {
                case "json":
                    TallyExport.WriteJson(stream, tally);
                    break;
                case "geojson":
                    TallyExport.WriteGeoJson(stream, tally);
                    break;
                default:
                    using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
                    {
                        if (result.GetValue(format) == "hxl")
                        {
                            TallyExport.WriteHxl(writer, tally);
                        }
                        else
                        {
                            TallyExport.WriteCsv(writer, tally);
                        }
                    }

                    break;
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
