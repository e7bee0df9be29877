using Marsad.Extraction;
using Marsad.Model;
using Marsad.Reviews;
using Marsad.Storage;
using Marsad.Tests.Support;

namespace Marsad.Tests;

/// <summary>Where a stored claim comes from, read from a real SQLite file: what the exports write beside every figure.</summary>
public abstract class ProvenanceTests(Engine engine) : IDisposable
{
    private const string First = "محافظة دير الزور – المرصد السوري:: ارتفع إلى 653 عدد عناصر قوات سوريا الديمقراطية الذين قضوا منذ الـ 10 من أيلول / سبتمبر 2018";
    private const string Edited = "محافظة دير الزور – المرصد السوري:: ارتفع إلى 663 عدد عناصر قوات سوريا الديمقراطية الذين قضوا منذ الـ 10 من أيلول / سبتمبر 2018";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "marsad-provenance-" + Guid.NewGuid().ToString("N"));

    private string? database;

    /// <summary>The store of this test: a file in the folder, or a new database on the tests' PostgreSQL server.</summary>
    private string Database => database ??= engine.NewStore(folder);

    private MarsadStore Open(params string[] texts)
    {
        var store = MarsadStore.Open(Database);
        foreach (var text in texts)
        {
            var document = new SourceDocument("r1", text, new DocumentMetadata(Source: "SOHR", Url: "https://example.org/r1", Published: new DateOnly(2019, 1, 25)));
            store.AddDocument(document, ClaimExtractor.Default.Extract(document), ClaimExtractor.Version);
        }

        return store;
    }

    [Fact]
    public void A_claim_carries_its_source_url_version_extractor_and_review()
    {
        using var store = Open(First, Edited);
        var claim = store.ClaimsWithReviews("r1").First(c => c.Claim.Value == 663);
        store.AddUser("rania");
        var correction = ClaimCorrection.Read(System.Text.Json.JsonDocument.Parse("""{"value": 670}""").RootElement).Correction;
        Assert.IsType<ReviewOutcome.Recorded>(store.AddReview(claim.Claim.Id, ReviewAction.Correct, correction, "SOHR's next report", "rania"));

        var record = store.ClaimsWithReviews("r1").First(c => c.Claim.Id == claim.Claim.Id);
        var provenance = record.Provenance;
        Assert.Equal(("SOHR", "https://example.org/r1", new DateOnly(2019, 1, 25), 2), (provenance.Source, provenance.Url, provenance.Published, provenance.DocumentVersion));
        Assert.Equal((ClaimExtractor.Version, "correct"), (provenance.ExtractorVersion, provenance.ReviewStatus));
        Assert.Equal(new SourceDocument("r1", Edited, DocumentMetadata.None).Hash, provenance.DocumentHash);
        Assert.Equal(670, record.Reviewed!.Value);
        Assert.Equal("unreviewed", store.ClaimsWithReviews("r1", version: 1).First().Provenance.ReviewStatus);
    }

    [Fact]
    public void A_mention_of_the_tally_carries_the_same_provenance()
    {
        using var store = Open(First);
        var mention = store.Mentions().First(m => m.Claim.Value == 653);
        Assert.Equal(("https://example.org/r1", 1, "unreviewed"), (mention.Provenance!.Url, mention.Provenance.DocumentVersion, mention.Provenance.ReviewStatus));
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The contract on a SQLite file.</summary>
    public sealed class OnSqlite() : ProvenanceTests(Engine.Sqlite);

    /// <summary>The contract on a PostgreSQL database.</summary>
    public sealed class OnPostgreSql() : ProvenanceTests(Engine.PostgreSql);
}
