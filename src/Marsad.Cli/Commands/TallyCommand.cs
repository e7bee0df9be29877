using System.CommandLine;
using Marsad.Cli.Output;
using Marsad.Exports;
using Marsad.Serialization;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad tally</c>: the running series the stored claims make, each point with the claims that state it.</summary>
internal static class TallyCommand
{
    public static Command Create(SharedOptions shared)
    {
        var options = new TallyOptions();
        var format = new Option<string>("--format")
        {
            Description = "table, json (a list of series with their points) or csv (a row a point, as `marsad export --format csv`).",
            DefaultValueFactory = _ => "table",
        }.AcceptOnlyFromAmong("table", "json", "csv");
        var command = new Command("tally", "Build the series: running totals by what they count and since when, increments per period; repeated figures once, with all their mentions.")
        {
            format,
        };
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

            switch (result.GetValue(format))
            {
                case "json":
                    using (var stdout = Console.OpenStandardOutput())
                    {
                        SeriesJson.WriteJson(stdout, store.SeriesOf(filter));
                    }

                    Console.WriteLine();
                    break;
                case "csv":
                    TallyExports.WriteCsv(Console.Out, TallyRow.Of(store.SeriesOf(filter)));
                    break;
                default:
                    TallyTable.Write(Console.Out, store.Tally(filter).Tally);
                    break;
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
