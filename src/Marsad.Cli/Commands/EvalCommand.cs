using System.CommandLine;
using Marsad.Evaluation;
using Marsad.Ingest;
using Marsad.Model;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad eval</c>: extract a corpus and score it against gold files (CODEBOOK §7).</summary>
internal static class EvalCommand
{
    public static Command Create(SharedOptions shared)
    {
        var gold = CommonArguments.Existing("--gold", "Folder of gold files (one JSON per document).", folderOnly: true);
        var corpus = CommonArguments.Existing("--corpus", "The reports the gold files annotate (a folder or a .jsonl file).", folderOnly: false);
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object, as score.py --json does." };
        var minF1 = new Option<double?>("--min-f1") { Description = "Exit with code 3 when detection F1 is below this." };
        var command = new Command("eval", "Score extraction against gold files: detection P/R/F1, category, each attribute, strict F1 and warnings, per document and in total.")
        {
            gold, corpus, json, minF1,
        };
        command.SetAction(result =>
        {
            if (shared.Extractor(result) is not { } extractor)
            {
                return ExitCodes.BadUsage;
            }

            GoldSet goldSet;
            try
            {
                goldSet = GoldSet.Load(result.GetValue(gold)!);
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"error: {e.Message}; --gold takes a folder of CODEBOOK §7 gold files.");
                return ExitCodes.BadUsage;
            }

            var predicted = new Dictionary<string, IReadOnlyList<Claim>>(StringComparer.Ordinal);
            var failed = false;
            foreach (var read in ReportReader.Read([result.GetValue(corpus)!], DocumentMetadata.None))
            {
                switch (read)
                {
                    case ReadError error:
                        Console.Error.WriteLine("error: " + error.Message);
                        failed = true;
                        break;
                    case ReadDocument { Document: var document }:
                        predicted[document.Id] = extractor.Extract(document).Claims;
                        break;
                }
            }

            var report = Scorer.Score(goldSet, predicted);
            Console.WriteLine(result.GetValue(json) ? report.ToJson() : report.ToText());
            if (result.GetValue(minF1) is { } floor && report.F1 < floor)
            {
                return ExitCodes.BelowThreshold;
            }

            return failed ? ExitCodes.SomeInputFailed : ExitCodes.Success;
        });
        return command;
    }
}
