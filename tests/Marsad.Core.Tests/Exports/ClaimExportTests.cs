using System.Text;
using System.Text.Json;
using Marsad.Exports;
using Marsad.Model;
using Marsad.Reviews;

namespace Marsad.Tests.Exports;

/// <summary>Claims exported as the record holds them, with their provenance, safe to open in a spreadsheet.</summary>
public sealed class ClaimExportTests
{
    private static readonly Claim Extracted = new()
    {
        Doc = "r1",
        Id = "r1@v2#1",
        Span = new TextSpan(0, 3),
        Text = "653",
        Quote = "ارتفع إلى 653 عدد عناصر قوات سوريا الديمقراطية",
        Value = 653,
        Low = 653,
        High = 653,
        Category = Category.Killed,
        Group = new Group(Actor: "SDF", Role: Role.Fighter),
    };

    private static readonly ClaimRecord Corrected = new(
        Extracted,
        ReviewState.Of([new Review(1, Extracted.Id, ReviewAction.Correct, ClaimCorrection.Read(JsonDocument.Parse("""{"actor": "=HYPERLINK(\"http://evil.example\")"}""").RootElement).Correction, "test", "rania", DateTimeOffset.UnixEpoch)]),
        new Provenance("SOHR", "https://example.org/r1", new DateOnly(2019, 1, 25), 2, "abc123", "0.1.0", ReviewAction.Correct));

    [Fact]
    public void The_CSV_holds_the_corrected_claim_its_provenance_and_no_live_formula()
    {
        using var writer = new StringWriter();
        ClaimExport.WriteCsv(writer, [Corrected]);
        var table = HxlExportTests.ReadCsv(writer.ToString());
        string Cell(string column) => table[1][table[0].IndexOf(column)];
        Assert.Equal("'=HYPERLINK(\"http://evil.example\")", Cell("actor"));
        Assert.Equal(("SOHR", "https://example.org/r1", "2019-01-25", "2", "abc123"), (Cell("source"), Cell("url"), Cell("published"), Cell("document_version"), Cell("document_hash")));
        Assert.Equal(("0.1.0", "correct", ClaimExport.SchemaVersion), (Cell("extractor_version"), Cell("review_status"), Cell("schema_version")));
        Assert.Equal("ارتفع إلى 653 عدد عناصر قوات سوريا الديمقراطية", Cell("quote"));
    }

    [Fact]
    public void A_JSON_line_is_the_codebook_claim_with_its_provenance_added()
    {
        using var output = new MemoryStream();
        ClaimExport.WriteLines(output, [Corrected, Corrected with { Review = null, Provenance = Corrected.Provenance with { Review = null } }]);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var corrected = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("=HYPERLINK(\"http://evil.example\")", corrected.GetProperty("group").GetProperty("actor").GetString());
        Assert.Equal(("correct", 2), (corrected.GetProperty("provenance").GetProperty("review_status").GetString(), corrected.GetProperty("provenance").GetProperty("document_version").GetInt32()));
        Assert.Equal(ClaimExport.SchemaVersion, corrected.GetProperty("schema_version").GetString());
        var extracted = JsonDocument.Parse(lines[1]).RootElement;
        Assert.Equal(("SDF", "unreviewed"), (extracted.GetProperty("group").GetProperty("actor").GetString(), extracted.GetProperty("provenance").GetProperty("review_status").GetString()));
    }
}
