using Marsad.Evaluation;
using Marsad.Extraction;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Tests.Support;
using Xunit.Abstractions;

namespace Marsad.Tests.Evaluation;

/// <summary>
/// Accuracy floors on the shared gold, a little under what the extractor reaches, so that a change
/// that loses accuracy fails here rather than in a closing note.
/// </summary>
public sealed class GoldRegressionTests(ITestOutputHelper output)
{
    [Fact]
    public void Seed_reports_stay_above_their_floors()
    {
        var report = Evaluate("seeds", _ => true);
        Assert.True(report.F1 >= 0.97, $"detection F1 {report.F1:F3}");
        AssertAttribute(report, "category", 0.97);
        AssertAttribute(report, "qualifier", 0.97);
        AssertAttribute(report, "group.nationality", 0.9);
        AssertAttribute(report, "group.actor", 0.93);
        AssertAttribute(report, "group.role", 0.93);
        AssertAttribute(report, "parent_value", 0.95);
        AssertAttribute(report, "time.kind", 0.93);
        AssertAttribute(report, "time.since", 0.9);
        AssertAttribute(report, "time.as_of", 0.95);
        AssertAttribute(report, "place.admin1", 0.95);
        Assert.Equal((1.0, 1.0), (report.WarningsPrecision, report.WarningsRecall));
    }

    [Fact]
    public void Seed_publication_dates_are_inferred_from_the_text_alone()
    {
        var inferred = ReportReader.Read([SharedData.PathTo("corpus", "seeds")], DocumentMetadata.None)
            .OfType<ReadDocument>()
            .Select(r => ClaimExtractor.Default.Extract(r.Document).Publication)
            .ToList();
        Assert.Equal(
            ["2019-01-25", "2019-01-31", null, null, "2019-03-05"],
            inferred.Select(p => p.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(DayOfWeek.Sunday, inferred[3].Weekday);
    }

    [Fact]
    public void Arabic_dev_reports_stay_above_their_floors()
    {
        var report = Evaluate("dev", d => d.Metadata.Lang == "ar");
        Assert.True(report.F1 >= 0.93, $"detection F1 {report.F1:F3}");
        AssertAttribute(report, "category", 0.93);
        AssertAttribute(report, "qualifier", 0.95);
        AssertAttribute(report, "parent_value", 0.88);
    }

    [Fact]
    public void English_dev_reports_stay_above_their_floors()
    {
        var report = Evaluate("dev", d => d.Metadata.Lang == "en");
        Assert.True(report.F1 >= 0.93, $"detection F1 {report.F1:F3}");
        AssertAttribute(report, "category", 0.93);
        AssertAttribute(report, "qualifier", 0.93);
        AssertAttribute(report, "group.role", 0.9);
    }

    private EvaluationReport Evaluate(string set, Func<SourceDocument, bool> include)
    {
        var documents = ReportReader.Read([SharedData.PathTo("corpus", set)], DocumentMetadata.None)
            .OfType<ReadDocument>().Select(r => r.Document).Where(include).ToList();
        var ids = documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var gold = GoldSet.Load(SharedData.PathTo("gold", set));
        var report = Scorer.Score(
            new GoldSet([.. gold.Documents.Where(g => ids.Contains(g.Doc))]),
            documents.ToDictionary(d => d.Id, d => ClaimExtractor.Default.Extract(d).Claims, StringComparer.Ordinal));
        output.WriteLine(report.ToText());
        return report;
    }

    private static void AssertAttribute(EvaluationReport report, string name, double floor)
    {
        var accuracy = report.Attributes.Single(a => a.Name == name).Accuracy ?? 0;
        Assert.True(accuracy >= floor, $"{name} {accuracy:F3} is under its floor {floor:F2}");
    }
}
