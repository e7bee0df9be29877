using System.CommandLine;
using System.Globalization;
using Marsad.Cli.Output;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad demo</c>: a fresh store, the bundled (fictional) sample reports or a corpus of the
/// user's, and a readable account of what was found in them.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(SharedOptions shared)
    {
        var corpus = new Option<string?>("--corpus") { Description = "Run on these reports instead of the bundled samples (e.g. ../shared/corpus/seeds)." };
        var command = new Command("demo", "Ingest the bundled sample reports into a fresh store and show what Marsad found.") { corpus };
        command.SetAction(result =>
        {
            if (shared.Extractor(result) is not { } extractor)
            {
                return ExitCodes.BadUsage;
            }

            var folder = result.GetValue(corpus) ?? Path.Combine(AppContext.BaseDirectory, "samples", "reports");
            var database = Path.Combine(Path.GetTempPath(), $"marsad-demo-{Environment.ProcessId}.db");
            using var store = MarsadStore.Open(database);
            Console.WriteLine($"Marsad demo — reports from {folder}");
            Console.WriteLine($"Fresh store: {database}");
            Console.WriteLine();
            var tally = IngestCommand.Ingest(store, extractor, ReportReader.Read([folder], DocumentMetadata.None));
            var claims = store.Claims();
            Print(claims);
            Console.WriteLine();
            Console.WriteLine($"{tally.Added} reports, {claims.Count(c => c.Category != Category.Other)} figures about people, {tally.Failed} reports unreadable.");
            Console.WriteLine();
            Console.WriteLine("The running series these reports make (marsad tally):");
            Console.WriteLine();
            TallyTable.Write(Console.Out, store.Tally(new TallyFilter()).Tally);
            return tally.Failed > 0 ? ExitCodes.SomeInputFailed : ExitCodes.Success;
        });
        return command;
    }

    private static void Print(IReadOnlyList<Claim> claims)
    {
        foreach (var document in claims.Where(c => c.Category != Category.Other).GroupBy(c => c.Doc))
        {
            Console.WriteLine($"■ {document.Key}");
            var depth = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var claim in document)
            {
                var level = claim.Parent is not null && depth.TryGetValue(claim.Parent, out var d) ? d + 1 : 0;
                depth[claim.Id] = level;
                var indent = new string(' ', 2 + (level * 4)) + (level > 0 ? "⊂ " : "");
                var figure = ClaimTable.Figure(claim);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{indent}{figure,-10} {Codes.Of(claim.Category),-11} {ClaimTable.Who(claim),-30} «{claim.Text}»{(claim.Headline ? "  (headline)" : "")}"));
            }

            Console.WriteLine();
        }

        var totals = claims.Where(c => c.Category != Category.Other && c.Parent is null)
            .GroupBy(c => c.Category)
            .OrderByDescending(g => g.Count());
        Console.WriteLine("Figures by category (wholes only, each mention counted once per report):");
        foreach (var group in totals)
        {
            Console.WriteLine($"  {Codes.Of(group.Key),-12} {group.Count(),4} mentions");
        }
    }
}
