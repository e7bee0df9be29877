using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Model;
using Marsad.Serialization;

namespace Marsad.Evaluation;

/// <summary>
/// Scores predicted claims against gold (CODEBOOK §7), a line-for-line port of the reference scorer
/// <c>../shared/tools/score.py</c>, quirks included: predictions are compared as the JSON the
/// extractor writes, with Python's equality, so the two always agree (a test runs both).
/// </summary>
public static class Scorer
{
    private static readonly string[] Attributes =
    [
        "category", "qualifier", "group.actor", "group.role", "group.age", "group.sex", "group.nationality",
        "time.kind", "time.since", "time.as_of", "place.admin1", "parent_value", "headline",
    ];

    private static readonly HashSet<string> Strict = ["category", "group.actor", "group.role", "qualifier", "time.kind"];

    private static readonly HashSet<string> TopLevel = ["parent_value", "headline", "category", "qualifier"];

    public static EvaluationReport Score(GoldSet gold, IReadOnlyDictionary<string, IReadOnlyList<Claim>> predicted)
    {
        var predictedJson = predicted.ToDictionary(
            p => p.Key,
            p => p.Value.Select(c => JsonNode.Parse(ClaimJson.ToJson(c))!.AsObject()).ToList(),
            StringComparer.Ordinal);
        return Score(gold, predictedJson);
    }

    public static EvaluationReport Score(GoldSet gold, IReadOnlyDictionary<string, List<JsonObject>> predicted)
    {
        int tp = 0, fp = 0, fn = 0, strictTp = 0, warningsTp = 0, warningsFp = 0, warningsFn = 0;
        var ok = Attributes.ToDictionary(a => a, _ => 0);
        var n = Attributes.ToDictionary(a => a, _ => 0);
        var rows = new List<DocumentScore>();
        foreach (var document in gold.Documents)
        {
            var all = predicted.GetValueOrDefault(document.Doc) ?? [];
            var goldClaims = document.Claims.Where(IsPerson).ToList();
            var predictedClaims = all.Where(IsPerson).ToList();
            var pairs = Match(goldClaims, predictedClaims);
            var optional = pairs.Count(p => Truthy(p.Gold["optional"]));
            var docTp = pairs.Count - optional;
            var docFn = goldClaims.Count(c => !Truthy(c["optional"])) - docTp;
            var docFp = predictedClaims.Count - pairs.Count;
            (tp, fn, fp) = (tp + docTp, fn + docFn, fp + docFp);
            foreach (var (g, p) in pairs)
            {
                if (Truthy(g["optional"]))
                {
                    continue;
                }

                strictTp += ScoreAttributes(g, p, all, ok, n) ? 1 : 0;
            }

            var goldWarnings = document.Warnings.ToHashSet(StringComparer.Ordinal);
            var predictedWarnings = all.SelectMany(c => c["warnings"]?.AsArray() ?? []).Select(w => w!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            warningsTp += goldWarnings.Intersect(predictedWarnings).Count();
            warningsFp += predictedWarnings.Except(goldWarnings).Count();
            warningsFn += goldWarnings.Except(predictedWarnings).Count();
            rows.Add(new DocumentScore(document.Doc, docTp, docFp, docFn));
        }

        var (precision, recall, f1) = Prf(tp, fp, fn);
        var (_, _, strictF1) = Prf(strictTp, fp + (tp - strictTp), fn + (tp - strictTp));
        var (warningsP, warningsR, _) = Prf(warningsTp, warningsFp, warningsFn);
        return new EvaluationReport(
            gold.Documents.Count, tp, fp, fn, precision, recall, f1, strictF1, warningsP, warningsR,
            [.. Attributes.Select(a => new AttributeScore(a, n[a] > 0 ? ok[a] / (double)n[a] : null, n[a]))],
            rows);
    }

    /// <summary>
    /// Counts each attribute the gold claim states (and a parent it does not have) as read right or
    /// not; true when every strict attribute was read right.
    /// </summary>
    private static bool ScoreAttributes(JsonObject g, JsonObject p, List<JsonObject> all, Dictionary<string, int> ok, Dictionary<string, int> n)
    {
        var allGood = true;
        foreach (var attribute in Attributes)
        {
            var goldValue = TopLevel.Contains(attribute) ? g[attribute] : Get(g, attribute);
            var predictedValue = attribute == "parent_value" ? ParentValue(p, all) : Predicted(p, attribute);
            if (attribute == "parent_value" && goldValue is null)
            {
                n[attribute]++;
                ok[attribute] += predictedValue is null ? 1 : 0;
                continue;
            }

            if (!Stated(goldValue))
            {
                continue;
            }

            n[attribute]++;
            var good = Accepts(goldValue, predictedValue);
            ok[attribute] += good ? 1 : 0;
            allGood &= good || !Strict.Contains(attribute);
        }

        return allGood;
    }

    /// <summary>
    /// Greedy matching: same value (or magnitude for vague claims); pairs whose spans overlap first,
    /// then the nearest starts; each claim used once.
    /// </summary>
    private static List<(JsonObject Gold, JsonObject Predicted)> Match(List<JsonObject> gold, List<JsonObject> predicted)
    {
        var candidates = new List<(int Overlap, long Distance, int G, int P)>();
        for (var g = 0; g < gold.Count; g++)
        {
            for (var p = 0; p < predicted.Count; p++)
            {
                if (!PythonEquals(Key(gold[g]), Key(predicted[p])))
                {
                    continue;
                }

                var (gs, ge) = Span(gold[g]) ?? (0, 0);
                var (ps, pe) = Span(predicted[p]) ?? (1_000_000_000, 1_000_000_000);
                var overlap = Math.Min(ge, pe) - Math.Max(gs, ps);
                candidates.Add((overlap > 0 ? 0 : 1, Math.Abs(gs - ps), g, p));
            }
        }

        candidates.Sort();
        var pairs = new List<(JsonObject, JsonObject)>();
        var goldDone = new HashSet<int>();
        var used = new HashSet<int>();
        foreach (var (_, _, g, p) in candidates)
        {
            if (goldDone.Contains(g) || used.Contains(p))
            {
                continue;
            }

            goldDone.Add(g);
            used.Add(p);
            pairs.Add((gold[g], predicted[p]));
        }

        return pairs;
    }

    private static (long Start, long End)? Span(JsonObject claim) =>
        claim["span"] is JsonArray { Count: >= 2 } span && Number(span[0]!) is { } start && Number(span[1]!) is { } end
            ? ((long)start, (long)end)
            : null;

    private static JsonNode? Key(JsonObject claim) => claim["value"] ?? claim["magnitude"];

    private static bool IsPerson(JsonObject claim)
    {
        if (claim["category"] is JsonValue category && category.TryGetValue<string>(out var code) && code == "other")
        {
            return false;
        }

        if (!claim.TryGetPropertyValue("unit", out var unit))
        {
            return true;
        }

        return unit is null || (unit.GetValueKind() == JsonValueKind.String && unit.GetValue<string>() is Units.Person or Units.Family);
    }

    private static JsonNode? Predicted(JsonObject claim, string attribute)
    {
        if (attribute.Contains('.', StringComparison.Ordinal))
        {
            return Get(claim, attribute);
        }

        return claim.TryGetPropertyValue(attribute, out var value) ? value : attribute == "headline" ? JsonValue.Create(false) : null;
    }

    private static JsonNode? ParentValue(JsonObject claim, List<JsonObject> all)
    {
        if (claim["parent"] is not JsonValue parent || !parent.TryGetValue<string>(out var id) || id.Length == 0)
        {
            return null;
        }

        var whole = all.FirstOrDefault(c => c["id"] is JsonValue v && v.TryGetValue<string>(out var other) && other == id);
        return whole is null ? null : whole["value"] ?? whole["magnitude"];
    }

    private static JsonNode? Get(JsonObject claim, string path)
    {
        JsonNode? current = claim;
        foreach (var part in path.Split('.'))
        {
            if (current is not JsonObject obj)
            {
                return null;
            }

            current = obj[part];
        }

        return current;
    }

    private static bool Stated(JsonNode? gold) =>
        gold is not null && !(gold is JsonArray list && (list.Count == 0 || list.All(g => g is null)));

    private static bool Accepts(JsonNode? gold, JsonNode? predicted)
    {
        if (gold is JsonArray accepted)
        {
            return accepted.Any(g => Accepts(g, predicted));
        }

        if (predicted is JsonArray list)
        {
            predicted = list.Count > 0 ? list[0] : null;
        }

        if (gold is JsonValue g && g.TryGetValue<string>(out var goldText) && goldText.StartsWith("--", StringComparison.Ordinal)
            && predicted is JsonValue p && p.TryGetValue<string>(out var predictedText))
        {
            return Last(predictedText, 6) == Last(goldText, 6);
        }

        return PythonEquals(gold, predicted);
    }

    private static string Last(string text, int count) => text.Length <= count ? text : text[^count..];

    /// <summary>Python's <c>==</c> on JSON values: numbers by value, <c>True == 1</c>, lists item by item.</summary>
    private static bool PythonEquals(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a is JsonArray la && b is JsonArray lb)
        {
            return la.Count == lb.Count && la.Zip(lb).All(pair => PythonEquals(pair.First, pair.Second));
        }

        if (a is JsonObject || b is JsonObject || a is JsonArray || b is JsonArray)
        {
            return JsonNode.DeepEquals(a, b);
        }

        var (ka, kb) = (a.GetValueKind(), b.GetValueKind());
        if (ka == JsonValueKind.String || kb == JsonValueKind.String)
        {
            return ka == kb && a.GetValue<string>() == b.GetValue<string>();
        }

        return Number(a) == Number(b);
    }

    private static double? Number(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        // Parsed and constructed nodes hold different CLR types; their JSON text is the same.
        JsonValueKind.Number => double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    private static bool Truthy(JsonNode? value) => value is not null && value.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.Number => Number(value) != 0,
        JsonValueKind.String => value.GetValue<string>().Length > 0,
        JsonValueKind.Array => value.AsArray().Count > 0,
        JsonValueKind.Object => value.AsObject().Count > 0,
        _ => false,
    };

    private static (double P, double R, double F) Prf(int truePositives, int falsePositives, int falseNegatives)
    {
        var p = truePositives + falsePositives > 0 ? truePositives / (double)(truePositives + falsePositives) : 0;
        var r = truePositives + falseNegatives > 0 ? truePositives / (double)(truePositives + falseNegatives) : 0;
        return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    }
}
