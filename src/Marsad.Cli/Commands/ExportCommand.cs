using System.CommandLine;
using Marsad.Exports;
using Marsad.Model;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad export</c>: the tally as a file a data user loads without a codebook (docs/exports.md): CSV, JSON, xlsx, HXL-tagged CSV, GeoJSON.</summary>
internal static class ExportCommand
{
    public static Command Create(SharedOptions shared)
    {
        var options = new TallyOptions();
        var format = new Option<string>("--format")
        {
            Description = "csv, json or xlsx (a row a point, the columns of docs/exports.md), hxl (CSV with HXL hashtags, for HDX tooling) or geojson (a feature a place with its latest figures).",
            Required = true,
        }.AcceptOnlyFromAmong("csv", "json", "geojson", "hxl", "xlsx");
        var excel = new Option<bool>("--excel") { Description = "CSV and HXL begin with a byte-order mark, so that Excel opens them as UTF-8 with Arabic intact." };
        var output = CommonArguments.Output("The file to write (default: standard output).");
        var command = new Command("export", "Export the tally for data users and other tools: a row a point with its bounds, precision and sources.") { format, output, excel };
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            using var store = shared.StoreForReading(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            var filter = options.Filter(store, result);
            if (filter is null)
            {
                return ExitCodes.BadUsage;
            }

            var chosen = Codes.Parse<ExportFormat>(result.GetValue(format))!.Value;
            if (chosen == ExportFormat.Xlsx && result.GetValue(output) is null)
            {
                Console.Error.WriteLine("error: an xlsx workbook is not for a terminal; give --out FILE.xlsx.");
                return ExitCodes.BadUsage;
            }

            using var stream = result.GetValue(output) is { } path ? File.Create(path) : Console.OpenStandardOutput();
            TallyExports.Write(stream, store.SeriesOf(filter), chosen, result.GetValue(excel));
            return ExitCodes.Success;
        });
        return command;
    }
}
