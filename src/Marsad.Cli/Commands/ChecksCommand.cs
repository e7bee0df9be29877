using System.CommandLine;
using Marsad.Cli.Output;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad checks</c>: every warning — of single claims, per document, and across claims, per series.</summary>
internal static class ChecksCommand
{
    public static Command Create(SharedOptions shared)
    {
        var options = new TallyOptions();
        var command = new Command("checks", "List every consistency warning (CODEBOOK §6): per document (dates, breakdowns) and per series (conflicts, decreases, increments).");
        command.SetAction(result =>
        {
            using var store = shared.StoreForReading(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            var count = 0;
            string? document = null;
            foreach (var claim in store.WarnedClaims())
            {
                if (claim.Doc != document)
                {
                    document = claim.Doc;
                    Console.WriteLine(document);
                }

                foreach (var warning in claim.Warnings)
                {
                    Console.WriteLine($"  ⚠ {warning} at {claim.Id} “{claim.Text}”: {ClaimTable.Explain(warning)}");
                    count++;
                }
            }

            var tally = options.Build(store, result, withSeries: false);
            if (tally is null)
            {
                return ExitCodes.BadUsage;
            }

            foreach (var series in tally.Warnings.GroupBy(w => w.SeriesId ?? "breakdowns"))
            {
                Console.WriteLine(series.Key);
                foreach (var warning in series)
                {
                    Console.WriteLine($"  ⚠ {warning.Code}: {warning.Explanation}");
                    count++;
                }
            }

            Console.WriteLine($"{count} warnings.");
            return ExitCodes.Success;
        });
        return command;
    }
}
