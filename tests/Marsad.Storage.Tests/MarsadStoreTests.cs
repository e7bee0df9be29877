using System.Globalization;
using Marsad.Extraction;
using Marsad.Model;
using Marsad.Serialization;
using Marsad.Storage;
using Marsad.Tests.Support;
using Marsad.Time;
using Microsoft.Data.Sqlite;

namespace Marsad.Tests;

/// <summary>The store on a real SQLite file in a temporary folder.</summary>
public abstract class MarsadStoreTests(Engine engine) : IDisposable
{
    private const string Report = "مقتل 12 مدنياً بينهم 5 أطفال\nقتل ما لا يقل عن 34 عنصراً من تنظيم \"الدولة الإسلامية\"، وأسرت قسد 21 آخرين.";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "marsad-store-" + Guid.NewGuid().ToString("N"));

    private static readonly ExtractionResult Nothing = new([], new PublicationDate(null, "unknown"));

    private string? database;

    /// <summary>The store of this test: a file in the folder, or a new database on the tests' PostgreSQL server.</summary>
    private string Database => database ??= engine.NewStore(folder);

    private static SourceDocument Document(string text = Report) =>
        new("r1", text, new DocumentMetadata("عنوان", "SOHR", "https://example.org/r1", "ar", new DateOnly(2019, 1, 25)));

    [Fact]
    public void Adding_the_same_text_twice_adds_nothing()
    {
        using var store = MarsadStore.Open(Database);
        var document = Document();
        var claims = ClaimExtractor.Default.Extract(document);
        Assert.Equal(IngestOutcome.Added, store.AddDocument(document, claims, ClaimExtractor.Version));
        Assert.Equal(IngestOutcome.AlreadyPresent, store.AddDocument(document, claims, ClaimExtractor.Version));
        Assert.Equal(1, store.DocumentCount);
        Assert.Equal(claims.Claims.Count, store.ClaimCount);
    }

    [Fact]
    public void Claims_round_trip_field_for_field()
    {
        using var store = MarsadStore.Open(Database);
        var document = Document();
        var full = new Claim
        {
            Doc = "r1", Id = "r1#9", Span = new TextSpan(5, 7), Text = "12", Quote = "مقتل 12", Headline = true,
            Value = 12, Low = 12, High = 15, Qualifier = Qualifier.AtLeast, Magnitude = Magnitude.Tens, Unit = "family",
            Category = Category.Killed, Also = [Category.Exited, Category.Detained],
            Group = new Group("IS", Role.Fighter, AgeGroup.Child, Sex.Female, "IQ"), Perpetrator = "COALITION",
            Cause = Cause.Airstrike, Time = new ClaimTime(TimeKind.Cumulative, Day.TryParse("2018-09-10"), Day.TryParse("2019-01-01"), Day.TryParse("2019-01-02"), Day.TryParse("--01-25")),
            Place = new Place("الباغوز", "SY-DY", "gn:123", 34.45, 40.93), Parent = "r1#1", Attribution = "SOHR",
            Warnings = ["sum_mismatch", "weekday_mismatch"],
        };
        store.AddDocument(document, new ExtractionResult([full], PublicationDate.Given(new DateOnly(2019, 1, 25))), "test");
        Assert.Equal(ClaimJson.ToJson(full), ClaimJson.ToJson(Assert.Single(store.Claims())));
    }

    [Fact]
    public void Replacing_claims_keeps_the_text_byte_for_byte()
    {
        using var store = MarsadStore.Open(Database);
        var document = Document(Report + "\r\n\u200B trailing ");
        store.AddDocument(document, ClaimExtractor.Default.Extract(document), "old");
        store.ReplaceClaims(document, new ExtractionResult([], new PublicationDate(null, "unknown")), "new");
        Assert.Equal(0, store.ClaimCount);
        Assert.Equal(document.Text, Assert.Single(store.Documents()).Document.Text);
    }

    [Fact]
    public void Claims_can_be_filtered_by_document_and_category()
    {
        using var store = MarsadStore.Open(Database);
        var document = Document();
        store.AddDocument(document, ClaimExtractor.Default.Extract(document), ClaimExtractor.Version);
        Assert.All(store.Claims(category: Category.Killed), c => Assert.Equal(Category.Killed, c.Category));
        Assert.Contains(store.Claims(category: Category.Captured), c => c.Value == 21);
        Assert.Empty(store.Claims(docId: "another"));
    }

    [Fact]
    public void A_failure_while_adding_leaves_no_half_document()
    {
        using var store = MarsadStore.Open(Database);
        var document = Document();
        var bad = new Claim { Doc = "r1", Id = "r1#1", Span = new TextSpan(0, 1), Text = null!, Quote = "q" };
        Assert.ThrowsAny<Exception>(() => store.AddDocument(document, Nothing with { Claims = [bad] }, "v"));
        Assert.Equal(0, store.DocumentCount);
        Assert.Equal(0, store.ClaimCount);
        Assert.Equal(IngestOutcome.Added, store.AddDocument(document, Nothing, "v"));
    }

    [Fact]
    public void A_reader_sees_committed_documents_while_another_connection_writes()
    {
        using var writer = MarsadStore.Open(Database);
        writer.AddDocument(Document(), Nothing, "v");
        using var reader = MarsadStore.Open(Database);
        writer.AddDocument(Document(Report + " ثانٍ"), Nothing, "v");
        Assert.Equal(2, reader.Versions("r1").Count);
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
    public sealed class OnSqlite() : MarsadStoreTests(Engine.Sqlite)
    {
        [Fact]
        public void Reopening_applies_no_migration_twice_and_keeps_data()
        {
            using (var store = MarsadStore.Open(Database))
            {
                store.AddDocument(Document(), Nothing, "v");
            }

            using var reopened = MarsadStore.Open(Database);
            Assert.Equal(1, reopened.DocumentCount);
            using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM schema_migrations";
            var embedded = typeof(MarsadStore).Assembly.GetManifestResourceNames().Count(n => n.StartsWith("Marsad.Storage.Migrations.Sqlite.", StringComparison.Ordinal));
            Assert.Equal((long)embedded, command.ExecuteScalar());
        }

        [Fact]
        public void The_journal_is_write_ahead()
        {
            using var store = MarsadStore.Open(Database);
            using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", command.ExecuteScalar());
        }

        [Fact]
        public async Task A_backup_taken_while_a_writer_ingests_is_a_whole_store_of_whole_documents()
        {
            using (var first = MarsadStore.Open(Database))
            {
                first.AddDocument(Document(), ClaimExtractor.Default.Extract(Document()), ClaimExtractor.Version);
            }

            using var writing = new CancellationTokenSource();
            var writer = Background.Start(() =>
            {
                using var store = MarsadStore.Open(Database);
                for (var i = 0; !writing.IsCancellationRequested && i < 2000; i++)
                {
                    var document = new SourceDocument($"w{i}", Report.Replace("12", (13 + i).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), DocumentMetadata.None);
                    store.AddDocument(document, ClaimExtractor.Default.Extract(document), ClaimExtractor.Version);
                }
            });

            // Back up while the writer is at work: after it has written something, before it is done.
            using (var reader = MarsadStore.Open(Database))
            {
                SpinWait.SpinUntil(() => reader.DocumentCount > 3, TimeSpan.FromSeconds(30));
            }

            var copy = Path.Combine(folder, "backup.db");
            using (var live = MarsadStore.Open(Database))
            {
                live.BackupTo(copy);
            }

            await writing.CancelAsync();
            await writer;

            using var backup = MarsadStore.Open(copy);
            using (var connection = new SqliteConnection($"Data Source={copy};Pooling=False"))
            {
                connection.Open();
                using var check = connection.CreateCommand();
                check.CommandText = "PRAGMA integrity_check";
                Assert.Equal("ok", check.ExecuteScalar());
            }

            var perDocument = ClaimExtractor.Default.Extract(Document()).Claims.Count;
            Assert.True(backup.DocumentCount > 3);
            Assert.All(backup.ClaimCounts().Values, count => Assert.Equal(perDocument, count));
            Assert.Equal(backup.DocumentCount * perDocument, backup.ClaimCount);
            using var after = MarsadStore.Open(Database);
            Assert.True(after.DocumentCount > backup.DocumentCount, "the writer went on after the backup began");
        }
    }

    /// <summary>The contract on a PostgreSQL database.</summary>
    public sealed class OnPostgreSql() : MarsadStoreTests(Engine.PostgreSql);
}
