using System.CommandLine;
using Marsad.Cli.Output;
using Marsad.Model;
using Marsad.Rendering;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad claims</c>: query the stored claims.</summary>
internal static class ClaimsCommand
{
    public static Command Create(SharedOptions shared)
    {
        var doc = new Option<string?>("--doc") { Description = "Only the claims of this document id." };
        var category = CommonArguments.Category(
            "Only claims of this category (killed, injured, captured, detained, surrendered, executed, exited, displaced, missing, trapped, escaped, deployed, present, returned, released, other).");
        var format = CommonArguments.Format("table", ("sentences", "each claim, as reviewed, read back as a sentence in the language of --lang"));
        var language = new Option<string>("--lang")
        {
            Description = "The language of --format sentences: ar or en.",
            DefaultValueFactory = _ => "en",
        }.AcceptOnlyFromAmong([.. ClaimRenderer.Languages]);
        var command = new Command("claims", "List the claims of the record, as reviewed; csv and jsonl with their provenance (docs/exports.md).") { doc, category, format, language };
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

            var claims = store.ClaimsWithReviews(result.GetValue(doc), Codes.Parse<Category>(result.GetValue(category))).ToList();
            if (result.GetValue(format) != "sentences")
            {
                ClaimWriter.Write(claims, result.GetValue(format)!);
                return ExitCodes.Success;
            }

            if (shared.ConflictProfile(result) is not { } profile)
            {
                return ExitCodes.BadUsage;
            }

            ClaimWriter.WriteSentences([.. claims.Select(c => c.Reviewed ?? c.Claim)], new ClaimRenderer(profile), result.GetValue(language)!);
            return ExitCodes.Success;
        });
        return command;
    }
}
