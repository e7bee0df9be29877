using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Evaluation;
using Marsad.Extraction;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Serialization;
using Marsad.Tests.Support;

namespace Marsad.Tests.Evaluation;

/// <summary>
/// The C# scorer and the reference scorer (<c>../shared/tools/score.py</c>, run with python3) give
/// the same figures for the same predictions: the extractor's own output, and gold claims
/// deliberately damaged in every way the scorer distinguishes.
/// </summary>
public sealed class ScorerAgreementTests
{
    public static TheoryData<string> GoldSets() => ["seeds", "dev"];

    [Theory]
    [MemberData(nameof(GoldSets))]
    public void Extractor_output_scores_the_same_in_both_scorers(string set)
    {
        var predicted = new Dictionary<string, IReadOnlyList<Claim>>(StringComparer.Ordinal);
        foreach (var read in ReportReader.Read([SharedData.PathTo("corpus", set)], DocumentMetadata.None).OfType<ReadDocument>())
        {
            predicted[read.Document.Id] = ClaimExtractor.Default.Extract(read.Document).Claims;
        }

        var lines = predicted.Values.SelectMany(c => c).Select(ClaimJson.ToJson);
        var ours = Scorer.Score(GoldSet.Load(SharedData.PathTo("gold", set)), predicted);
        AssertSameAsReference(set, lines, ours);
    }

    [Theory]
    [InlineData("seeds", 1)]
    [InlineData("seeds", 2)]
    [InlineData("dev", 3)]
    [InlineData("dev", 4)]
    public void Damaged_gold_scores_the_same_in_both_scorers(string set, int seed)
    {
        var gold = GoldSet.Load(SharedData.PathTo("gold", set));
        var random = new Random(seed);
        var predicted = new Dictionary<string, List<JsonObject>>(StringComparer.Ordinal);
        foreach (var document in gold.Documents)
        {
            predicted[document.Doc] = [.. Damage(document, random)];
        }

        var lines = predicted.Values.SelectMany(c => c).Select(c => c.ToJsonString());
        AssertSameAsReference(set, lines, Scorer.Score(gold, predicted));
    }

    /// <summary>Gold claims turned into predictions, then dropped, shifted, recoded, duplicated or warned.</summary>
    private static IEnumerable<JsonObject> Damage(GoldDocument document, Random random)
    {
        var index = 0;
        foreach (var gold in document.Claims)
        {
            var claim = (JsonObject)gold.DeepClone();
            claim["doc"] = document.Doc;
            claim["id"] = $"{document.Doc}#{++index}";
            foreach (var (key, value) in claim.ToList())
            {
                if (value is JsonArray list && key is not "span" and not "warnings")
                {
                    claim[key] = list.Count > 0 ? list[0]?.DeepClone() : null;
                }
            }

            switch (random.Next(10))
            {
                case 0:
                    continue;
                case 1:
                    claim["category"] = "injured";
                    break;
                case 2:
                    claim["qualifier"] = "approx";
                    break;
                case 3:
                    claim["span"] = new JsonArray(0, 1);
                    break;
                case 4:
                    claim["group"] = new JsonObject { ["actor"] = "SDF", ["role"] = "fighter" };
                    break;
                case 5:
                    claim["warnings"] = new JsonArray("value_conflict");
                    break;
                case 6:
                    claim["parent"] = $"{document.Doc}#1";
                    break;
                case 7:
                    claim["headline"] = random.Next(2) == 0;
                    claim["unit"] = "vehicle";
                    break;
            }

            claim.Remove("parent_value");
            yield return claim;
            if (random.Next(8) == 0)
            {
                var extra = (JsonObject)claim.DeepClone();
                extra["id"] = $"{document.Doc}#x{index}";
                yield return extra;
            }
        }
    }

    private static void AssertSameAsReference(string set, IEnumerable<string> predictionLines, EvaluationReport ours)
    {
        using var folder = new TempFolder();
        var predictions = folder.File("pred.jsonl", string.Join('\n', predictionLines) + "\n");
        var reference = RunReferenceScorer(SharedData.PathTo("gold", set), predictions);
        using var expected = JsonDocument.Parse(reference);
        using var actual = JsonDocument.Parse(ours.ToJson());
        Assert.Equal(expected.RootElement.ToString(), actual.RootElement.ToString());
    }

    private static string RunReferenceScorer(string goldFolder, string predictions)
    {
        var start = new ProcessStartInfo("python3", [SharedData.PathTo("tools", "score.py"), goldFolder, predictions, "--json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start; ./test installs it.");
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "score.py failed: " + errors);
        return output;
    }
}
