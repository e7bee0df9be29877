using Marsad.Exports;
using Marsad.Model;
using Marsad.Rendering;
using Marsad.Reviews;
using Marsad.Serialization;

namespace Marsad.Cli.Output;

/// <summary>Writes claims to standard output in the format the user asked for.</summary>
internal static class ClaimWriter
{
    /// <summary>Stored claims as the record holds them: csv and jsonl with their provenance (docs/exports.md).</summary>
    public static void Write(IReadOnlyList<ClaimRecord> claims, string format)
    {
        switch (format)
        {
            case "csv":
                using (var writer = new StreamWriter(new BufferedStream(Console.OpenStandardOutput(), 1 << 16)))
                {
                    ClaimExport.WriteCsv(writer, claims);
                }

                break;
            case "table":
                ClaimTable.Write(Console.Out, claims.Select(c => c.Reviewed ?? c.Claim));
                break;
            default:
                using (var output = new BufferedStream(Console.OpenStandardOutput(), 1 << 16))
                {
                    ClaimExport.WriteLines(output, claims);
                }

                break;
        }
    }

    public static void Write(IEnumerable<Claim> claims, string format)
    {
        switch (format)
        {
            case "csv":
                using (var writer = new StreamWriter(new BufferedStream(Console.OpenStandardOutput(), 1 << 16)))
                {
                    ClaimCsv.Write(writer, claims);
                }

                break;
            case "table":
                ClaimTable.Write(Console.Out, claims);
                break;
            default:
                using (var output = new BufferedStream(Console.OpenStandardOutput(), 1 << 16))
                {
                    ClaimJson.WriteLines(output, claims);
                }

                break;
        }
    }

    /// <summary>Each claim as a sentence, one a line after its id; a whole with its parts ("of whom …").</summary>
    public static void WriteSentences(IEnumerable<Claim> claims, ClaimRenderer renderer, string language)
    {
        var all = claims.ToList();
        var parts = ClaimRenderer.PartsByWhole(all);
        foreach (var claim in all)
        {
            Console.WriteLine($"{claim.Id}\t{renderer.Sentence(claim, [.. parts[claim.Id]], language)}");
        }
    }
}
