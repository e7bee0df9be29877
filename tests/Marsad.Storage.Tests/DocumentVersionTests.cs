using Marsad.Extraction;
using Marsad.Model;
using Marsad.Reviews;
using Marsad.Storage;
using Marsad.Tallies;
using Marsad.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Marsad.Tests;

/// <summary>Document identity on a real SQLite file: an id and its versions, the record as their latest, retraction, and the migration of older stores.</summary>
public abstract class DocumentVersionTests(Engine engine) : IDisposable
{
    private const string First = "محافظة دير الزور – المرصد السوري:: ارتفع إلى 653 عدد عناصر قوات سوريا الديمقراطية الذين قضوا منذ الـ 10 من أيلول / سبتمبر 2018";
    private const string Edited = "محافظة دير الزور – المرصد السوري:: ارتفع إلى 663 عدد عناصر قوات سوريا الديمقراطية الذين قضوا منذ الـ 10 من أيلول / سبتمبر 2018";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "marsad-versions-" + Guid.NewGuid().ToString("N"));

    private string? database;

    /// <summary>The store of this test: a file in the folder, or a new database on the tests' PostgreSQL server.</summary>
    private string Database => database ??= engine.NewStore(folder);

    private static SourceDocument Report(string text, DateOnly published, string id = "r1") =>
        new(id, text, new DocumentMetadata(Source: "SOHR", Published: published));

    private static IngestOutcome Add(MarsadStore store, SourceDocument document) =>
        store.AddDocument(document, ClaimExtractor.Default.Extract(document), ClaimExtractor.Version);

    private static long SdfTotal(MarsadStore store, DateOnly? knownOn = null) =>
        TallyBuilder.Build(store.Mentions(knownOn), knownOn).Series.Single(s => s.Key.Actor == "SDF").Points.Single().Value;

    [Fact]
    public void A_new_text_under_a_stored_id_is_its_next_version_and_the_first_is_kept()
    {
        using var store = MarsadStore.Open(Database);
        Assert.Equal(IngestOutcome.Added, Add(store, Report(First, new DateOnly(2019, 1, 25))));
        Assert.Equal(IngestOutcome.NewVersion, Add(store, Report(Edited, new DateOnly(2019, 1, 26))));
        Assert.Equal(IngestOutcome.AlreadyPresent, Add(store, Report(Edited, new DateOnly(2019, 1, 26))));

        var versions = store.Versions("r1");
        Assert.Equal([(1, First), (2, Edited)], versions.Select(v => (v.Version, v.Document.Text)));
        Assert.Equal(1, store.DocumentCount);
        Assert.Equal(2, Assert.Single(store.Documents()).Version);
        Assert.Equal(["r1#1"], store.Claims("r1", version: 1).Select(c => c.Id));
        Assert.Equal(["r1@v2#1"], store.Claims().Select(c => c.Id));
    }

    [Fact]
    public void The_tally_reads_the_latest_version_and_as_of_a_day_the_latest_published_by_then()
    {
        using var store = MarsadStore.Open(Database);
        Add(store, Report(First, new DateOnly(2019, 1, 25)));
        Add(store, Report(Edited, new DateOnly(2019, 1, 26)));
        Assert.Equal(663, SdfTotal(store));
        Assert.Equal(653, SdfTotal(store, new DateOnly(2019, 1, 25)));
    }

    [Fact]
    public void Versions_of_parts_and_wholes_keep_their_parents_within_their_version()
    {
        using var store = MarsadStore.Open(Database);
        const string whole = "وثق المرصد السوري 388 مدنياً بينهم 141 طفلاً";
        Add(store, Report(whole, new DateOnly(2019, 1, 25)));
        Add(store, Report(whole + " و88 مواطنة", new DateOnly(2019, 1, 26)));
        var part = store.Claims("r1").Single(c => c.Value == 141);
        Assert.Equal("r1@v2#2", part.Id);
        Assert.Equal("r1@v2#1", part.Parent);
        TallyBuilder.Build(store.Mentions());
    }

    [Fact]
    public void A_review_stays_on_the_version_it_was_made_on()
    {
        using var store = MarsadStore.Open(Database);
        store.AddUser("rania");
        Add(store, Report(First, new DateOnly(2019, 1, 25)));
        store.AddReview("r1#1", ReviewAction.Reject, null, "a recap", "rania");
        Add(store, Report(Edited, new DateOnly(2019, 1, 26)));

        Assert.Equal(663, SdfTotal(store));
        Assert.Null(Assert.Single(store.ClaimsWithReviews("r1")).Review);
        Assert.Equal(ReviewAction.Reject, Assert.Single(store.ClaimsWithReviews("r1", version: 1)).Review!.Latest.Action);
        Assert.Empty(store.Reviews("r1@v2#1"));
        Assert.Single(store.Reviews("r1#1"));
    }

    [Fact]
    public void A_retracted_document_leaves_the_record_and_stays_stored()
    {
        using var store = MarsadStore.Open(Database);
        Add(store, Report(First, new DateOnly(2019, 1, 25)));
        Add(store, Report("قتل 12 مدنياً في قصف على ريف إدلب", new DateOnly(2019, 1, 25), "r2"));
        Assert.Null(store.Retract("r9", "no such report", "rania"));
        Assert.NotNull(store.Retract("r1", "the outlet withdrew it", "rania"));

        Assert.DoesNotContain(TallyBuilder.Build(store.Mentions()).Series, s => s.Key.Actor == "SDF");
        Assert.DoesNotContain(store.Claims(), c => c.Doc == "r1");
        Assert.NotEmpty(store.Claims("r1"));
        var stored = store.Document("r1")!;
        Assert.Equal(First, stored.Document.Text);
        Assert.Equal(("the outlet withdrew it", "rania"), (stored.Retraction!.Reason, stored.Retraction.By));
        Assert.Equal("r1", Assert.Single(store.Retractions()).DocId);
    }

    [Fact]
    public void Re_extraction_numbers_the_claims_of_each_version_as_ingest_did()
    {
        using var store = MarsadStore.Open(Database);
        Add(store, Report(First, new DateOnly(2019, 1, 25)));
        Add(store, Report(Edited, new DateOnly(2019, 1, 26)));
        var second = store.Document("r1", 2)!;
        store.ReplaceClaims(second.Document, ClaimExtractor.Default.Extract(second.Document), ClaimExtractor.Version);
        Assert.Equal(["r1@v2#1"], store.Claims("r1").Select(c => c.Id));
    }

    /// <summary>
    /// A store made by the schema before versions (migrations 001 and 002), holding two texts under
    /// one id and a review of the second, opened by this version.
    /// </summary>
    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The contract on a SQLite file, and what only SQLite has.</summary>
    public sealed class OnSqlite() : DocumentVersionTests(Engine.Sqlite)
    {
        [Fact]
        public void The_migration_numbers_the_versions_of_an_older_store_and_moves_their_claims_and_reviews()
        {
            Directory.CreateDirectory(folder);
            var first = ClaimExtractor.Default.Extract(Report(First, new DateOnly(2019, 1, 25))).Claims.Single();
            using (var old = new SqliteConnection($"Data Source={Database};Pooling=False"))
            {
                old.Open();
                Execute(old, "CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
                foreach (var migration in new[] { "001_initial", "002_reviews" })
                {
                    using var stream = typeof(MarsadStore).Assembly.GetManifestResourceStream($"Marsad.Storage.Migrations.Sqlite.{migration}.sql")!;
                    Execute(old, new StreamReader(stream).ReadToEnd());
                    Execute(old, $"INSERT INTO schema_migrations VALUES ('{migration}', '2026-01-01T00:00:00Z')");
                }

                foreach (var (text, day) in new[] { (First, "2019-01-25"), (Edited, "2019-01-26") })
                {
                    var hash = ContentHash.Of(text);
                    Execute(old, $"INSERT INTO documents (hash, id, text, published, ingested_at) VALUES ('{hash}', 'r1', '{text}', '{day}', '{day}T00:00:00Z')");
                    Execute(old, $"""
                        INSERT INTO claims (doc_hash, ordinal, claim_id, doc_id, span_start, span_end, text, quote, headline, value, qualifier, unit, category, also, actor, role, time_kind, since, warnings, extractor_version)
                        VALUES ('{hash}', 0, 'r1#1', 'r1', {first.Span.Start}, {first.Span.End}, '{text[first.Span.Start..first.Span.End]}', 'q', 0,
                                {text[first.Span.Start..first.Span.End]}, 'exact', 'person', 'killed', '[]', 'SDF', 'fighter', 'cumulative', '2018-09-10', '[]', 'old')
                        """);
                }

                Execute(old, "INSERT INTO users VALUES ('rania', 'h', '2026-01-01T00:00:00Z')");
                Execute(old, $"""
                    INSERT INTO reviews (doc_hash, span_start, span_end, claim_id, action, reason, reviewer, reviewed_at)
                    VALUES ('{ContentHash.Of(Edited)}', {first.Span.Start}, {first.Span.End}, 'r1#1', 'confirm', 'checked', 'rania', '2026-01-02T00:00:00Z')
                    """);
            }

            using var store = MarsadStore.Open(Database);
            Assert.Equal([1, 2], store.Versions("r1").Select(v => v.Version));
            Assert.Equal(["r1#1"], store.Claims("r1", version: 1).Select(c => c.Id));
            var (claim, review, _) = Assert.Single(store.ClaimsWithReviews("r1"));
            Assert.Equal(("r1@v2#1", "r1@v2#1"), (claim.Id, review!.Latest.ClaimId));
            Assert.Equal(663, SdfTotal(store));
            Assert.Equal(UserRole.Reviewer, Assert.Single(store.Users()).Role);
        }
    }

    /// <summary>The contract on a PostgreSQL database.</summary>
    public sealed class OnPostgreSql() : DocumentVersionTests(Engine.PostgreSql);
}
