using Marsad.Extraction;
using Marsad.Model;
using Marsad.Reviews;
using Marsad.Storage;
using Marsad.Tallies;
using Marsad.Tests.Support;

namespace Marsad.Tests;

/// <summary>Reviews on a real SQLite file: never overwriting a claim, logged, in force for tallies, kept by re-extraction.</summary>
public abstract class ReviewTests(Engine engine) : IDisposable
{
    private const string Report = "محافظة دير الزور – المرصد السوري:: ارتفع إلى 653 عدد عناصر قوات سوريا الديمقراطية الذين قضوا منذ الـ 10 من أيلول / سبتمبر 2018";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "marsad-review-" + Guid.NewGuid().ToString("N"));

    private string? database;

    /// <summary>The store of this test: a file in the folder, or a new database on the tests' PostgreSQL server.</summary>
    private string Database => database ??= engine.NewStore(folder);

    private MarsadStore Open()
    {
        var store = MarsadStore.Open(Database);
        if (store.DocumentCount == 0)
        {
            var document = new SourceDocument("r1", Report, new DocumentMetadata(Published: new DateOnly(2019, 1, 25)));
            store.AddDocument(document, ClaimExtractor.Default.Extract(document), ClaimExtractor.Version);
        }

        return store;
    }

    private static ClaimCorrection Correction(string json) =>
        ClaimCorrection.Read(System.Text.Json.JsonDocument.Parse(json).RootElement).Correction!;

    private static Review Recorded(ReviewOutcome outcome) => Assert.IsType<ReviewOutcome.Recorded>(outcome).Review;

    private static long TalliedValue(MarsadStore store) =>
        TallyBuilder.Build(store.Mentions()).Series.Single(s => s.Key.Actor == "SDF").Points.Single().Value;

    [Fact]
    public void A_token_is_stored_hashed_and_authenticates_its_reviewer()
    {
        using var store = Open();
        var token = store.AddUser("rania")!;
        Assert.Equal("rania", store.Authenticate(token)?.Name);
        Assert.Null(store.Authenticate(token + "x"));
        Assert.True(token.Length >= 40);
    }

    [Fact]
    public void A_revoked_account_no_longer_authenticates_and_a_rotated_token_replaces_the_old()
    {
        using var store = Open();
        var reviewer = store.AddUser("rania")!;
        var admin = store.AddUser("omar", UserRole.Admin)!;
        Assert.Null(store.AddUser("rania"));
        Assert.Equal(UserRole.Admin, store.Authenticate(admin)!.Role);

        var rotated = store.RotateToken("rania")!;
        Assert.Null(store.Authenticate(reviewer));
        Assert.Equal("rania", store.Authenticate(rotated)!.Name);

        Assert.True(store.RevokeUser("rania"));
        Assert.Null(store.Authenticate(rotated));
        Assert.Null(store.RotateToken("rania"));
        Assert.False(store.RevokeUser("rania"));
        Assert.Equal([("omar", false), ("rania", true)], store.Users().Select(u => (u.Name, u.IsRevoked)));
    }

    [Fact]
    public void A_correction_changes_the_tally_and_keeps_the_extracted_claim()
    {
        using var store = Open();
        store.AddUser("rania");
        Assert.Equal(653, TalliedValue(store));
        Recorded(store.AddReview("r1#1", ReviewAction.Correct, Correction("""{"value": 663}"""), "SOHR corrected the figure the next day", "rania"));
        Assert.Equal(663, TalliedValue(store));
        Assert.Equal(653, store.Claims("r1").Single().Value);
        var log = Assert.Single(store.Reviews("r1#1"));
        Assert.Equal(("rania", ReviewAction.Correct, "663", "SOHR corrected the figure the next day"), (log.Reviewer, log.Action, log.Correction!.Fields[ClaimField.Value], log.Reason));
    }

    [Fact]
    public void A_rejected_claim_leaves_the_tally_and_the_latest_review_is_in_force()
    {
        using var store = Open();
        store.AddUser("rania");
        store.AddReview("r1#1", ReviewAction.Reject, null, "a recap, not a new figure", "rania");
        Assert.DoesNotContain(TallyBuilder.Build(store.Mentions()).Series, s => s.Key.Actor == "SDF");
        store.AddReview("r1#1", ReviewAction.Confirm, null, "checked against the Arabic original", "rania");
        Assert.Equal(653, TalliedValue(store));
        Assert.Equal(2, store.Reviews("r1#1").Count);
    }

    [Fact]
    public void Re_extraction_keeps_the_reviews_attached_to_their_span()
    {
        using (var store = Open())
        {
            store.AddUser("rania");
            Recorded(store.AddReview("r1#1", ReviewAction.Correct, Correction("""{"value": 663}"""), "corrected", "rania"));
            var stored = store.Documents().Single();
            store.ReplaceClaims(stored.Document, ClaimExtractor.Default.Extract(stored.Document), ClaimExtractor.Version);
        }

        using var reopened = Open();
        Assert.Equal(663, TalliedValue(reopened));
        Assert.Single(reopened.Reviews("r1#1"));
    }

    [Fact]
    public void Corrections_of_one_claim_compose_and_the_log_keeps_each_step()
    {
        using var store = Open();
        store.AddUser("rania");
        store.AddUser("omar");
        Recorded(store.AddReview("r1#1", ReviewAction.Correct, Correction("""{"category": "injured"}"""), "the report says wounded", "rania"));
        Recorded(store.AddReview("r1#1", ReviewAction.Correct, Correction("""{"value": 663, "actor": null}"""), "SOHR corrected the figure", "omar"));
        Recorded(store.AddReview("r1#1", ReviewAction.Confirm, null, "checked against the Arabic original", "rania"));

        var claim = Assert.Single(store.Mentions()).Claim;
        Assert.Equal((Category.Injured, 663L, 663L, 663L, (string?)null), (claim.Category, claim.Value!.Value, claim.Low!.Value, claim.High!.Value, claim.Group.Actor));
        Assert.Equal(
            [("rania", ReviewAction.Correct, "the report says wounded"), ("omar", ReviewAction.Correct, "SOHR corrected the figure"), ("rania", ReviewAction.Confirm, "checked against the Arabic original")],
            store.Reviews("r1#1").Select(r => (r.Reviewer, r.Action, r.Reason)));
    }

    [Fact]
    public void A_correction_that_would_leave_the_claim_inconsistent_is_refused_by_field()
    {
        using var store = Open();
        store.AddUser("rania");
        Recorded(store.AddReview("r1#1", ReviewAction.Correct, Correction("""{"value": 600}"""), "corrected", "rania"));
        var refused = Assert.IsType<ReviewOutcome.Refused>(store.AddReview("r1#1", ReviewAction.Correct, Correction("""{"low": 700}"""), "range", "rania"));
        Assert.Contains("above the figure (600)", Assert.Single(refused.Errors["low"]), StringComparison.Ordinal);
        var parent = Assert.IsType<ReviewOutcome.Refused>(store.AddReview("r1#1", ReviewAction.Correct, Correction("""{"parent": "r1#1"}"""), "part", "rania"));
        Assert.True(parent.Errors.ContainsKey("parent"));
        Assert.Single(store.Reviews("r1#1"));
        Assert.Equal(600, TalliedValue(store));
    }

    [Fact]
    public void A_review_of_an_unknown_claim_is_refused()
    {
        using var store = Open();
        store.AddUser("rania");
        Assert.IsType<ReviewOutcome.NoSuchClaim>(store.AddReview("r1#99", ReviewAction.Confirm, null, "?", "rania"));
        Assert.Empty(store.Reviews());
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The contract on a SQLite file.</summary>
    public sealed class OnSqlite() : ReviewTests(Engine.Sqlite);

    /// <summary>The contract on a PostgreSQL database.</summary>
    public sealed class OnPostgreSql() : ReviewTests(Engine.PostgreSql);
}
