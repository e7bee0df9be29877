using System.Globalization;
using System.Text;

namespace Marsad.Evaluation;

/// <summary>One document's detection counts.</summary>
public sealed record DocumentScore(string Doc, int TruePositives, int FalsePositives, int FalseNegatives);

/// <summary>An attribute's accuracy over the matched pairs where gold states it; null when it never does.</summary>
public sealed record AttributeScore(string Name, double? Accuracy, int Count);

/// <summary>
/// The figures of CODEBOOK §7, rounded and printed exactly as <c>../shared/tools/score.py</c>
/// prints them, so the two can be compared line for line.
/// </summary>
public sealed record EvaluationReport(
    int Documents,
    int TruePositives,
    int FalsePositives,
    int FalseNegatives,
    double Precision,
    double Recall,
    double F1,
    double StrictF1,
    double WarningsPrecision,
    double WarningsRecall,
    IReadOnlyList<AttributeScore> Attributes,
    IReadOnlyList<DocumentScore> PerDocument)
{
    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var row in PerDocument)
        {
            text.Append(CultureInfo.InvariantCulture, $"{row.Doc}\ttp={row.TruePositives}\tfp={row.FalsePositives}\tfn={row.FalseNegatives}\n");
        }

        foreach (var attribute in Attributes)
        {
            var value = attribute.Accuracy is { } a ? Python(Round(a)) : "-";
            text.Append(CultureInfo.InvariantCulture, $"  {attribute.Name,-18} {value,6}  (n={attribute.Count})\n");
        }

        text.Append(CultureInfo.InvariantCulture,
            $"detection P={Precision:F3} R={Recall:F3} F1={F1:F3}; strict F1={StrictF1:F3}; warnings P={WarningsPrecision:F3} R={WarningsRecall:F3}");
        return text.ToString();
    }

    /// <summary>The JSON of <c>score.py --json</c>: the same keys, order and separators.</summary>
    public string ToJson()
    {
        var attributes = string.Join(", ", Attributes.Select(a =>
            $"\"{a.Name}\": [{(a.Accuracy is { } v ? Python(Round(v)) : "null")}, {a.Count}]"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{{\"docs\": {Documents}, \"tp\": {TruePositives}, \"fp\": {FalsePositives}, \"fn\": {FalseNegatives}, " +
            $"\"precision\": {Python(Round(Precision))}, \"recall\": {Python(Round(Recall))}, \"f1\": {Python(Round(F1))}, " +
            $"\"strict_f1\": {Python(Round(StrictF1))}, \"warnings_p\": {Python(Round(WarningsPrecision))}, " +
            $"\"warnings_r\": {Python(Round(WarningsRecall))}, \"attributes\": {{{attributes}}}}}");
    }

    private static double Round(double value) => Math.Round(value, 3, MidpointRounding.ToEven);

    /// <summary>A float as Python's <c>repr</c> writes it: shortest round-trip digits, "1.0" not "1".</summary>
    private static string Python(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
