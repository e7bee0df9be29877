using Marsad.Extraction;
using Marsad.Serialization;
using Marsad.Storage;
using Marsad.Tallies;
using Marsad.Tests.Support;

namespace Marsad.Tests;

/// <summary>Reads while the store is written see one committed state: never a mix, never a failure.</summary>
public abstract class SnapshotTests(Engine engine) : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "marsad-snapshot-" + Guid.NewGuid().ToString("N"));

    private string? database;

    /// <summary>The store of this test: a file in the folder, or a new database on the tests' PostgreSQL server.</summary>
    private string Database => database ??= engine.NewStore(folder);

    /// <summary>
    /// How many reports a writer writes while reads run. On PostgreSQL each of a write's many small
    /// statements is a round trip over a socket: a fifth of them make the same interleaving of reads
    /// and commits in about the time SQLite takes for all.
    /// </summary>
    private int Reports(int onSqlite) => engine == Engine.Sqlite ? onSqlite : onSqlite / 5;

    [Fact]
    public async Task Tallies_read_during_an_ingest_see_every_claim_of_one_state()
    {
        using (MarsadStore.Open(Database))
        {
        }

        var ingest = Background.Start(() =>
        {
            using var writer = MarsadStore.Open(Database);
            foreach (var document in GeneratedReports.Take(Reports(1500)))
            {
                writer.AddDocument(document, ClaimExtractor.Default.Extract(document), ClaimExtractor.Version);
            }
        });
        var failures = new List<string>();
        var reads = 0;
        using var reader = MarsadStore.Open(Database);
        while (!ingest.IsCompleted || reads < 5)
        {
            try
            {
                using (reader.ReadSnapshot())
                {
                    var mentions = reader.Mentions();
                    TallyBuilder.Build(mentions);
                    if (mentions.Count != reader.ClaimCount)
                    {
                        failures.Add($"{mentions.Count} mentions of {reader.ClaimCount} claims");
                    }
                }
            }
            catch (Exception e) when (e is AggregateException or KeyNotFoundException or InvalidOperationException or System.Data.Common.DbException)
            {
                failures.Add(e.Message);
            }

            reads++;
        }

        await ingest;
        Assert.Empty(failures);
        Assert.True(reads >= 5);
    }

    [Theory]
    [InlineData("same version")]
    [InlineData("new version")]
    public async Task A_re_extraction_that_changes_nothing_leaves_every_tally_byte_identical_while_it_runs(string version)
    {
        using (var store = MarsadStore.Open(Database))
        {
            foreach (var document in GeneratedReports.Take(Reports(400)))
            {
                store.AddDocument(document, ClaimExtractor.Default.Extract(document), ClaimExtractor.Version);
            }
        }

        using var reader = MarsadStore.Open(Database);
        var before = TallyJson(reader);
        var extractorVersion = version == "same version" ? ClaimExtractor.Version : ClaimExtractor.Version + "-next";
        var reextract = Background.Start(() =>
        {
            using var writer = MarsadStore.Open(Database);
            foreach (var stored in writer.Documents().ToList())
            {
                writer.ReplaceClaims(stored.Document, ClaimExtractor.Default.Extract(stored.Document), extractorVersion);
            }
        });
        var reads = 0;
        var differing = 0;
        while (!reextract.IsCompleted || reads < 3)
        {
            differing += TallyJson(reader) == before ? 0 : 1;
            reads++;
        }

        await reextract;
        Assert.Equal(0, differing);
        Assert.Equal(before, TallyJson(reader));
    }

    [Fact]
    public void A_re_extraction_with_the_same_extractor_writes_nothing()
    {
        using var store = MarsadStore.Open(Database);
        var document = GeneratedReports.Take(1).Single();
        store.AddDocument(document, ClaimExtractor.Default.Extract(document), ClaimExtractor.Version);
        var generation = store.Generation();
        Assert.False(store.ReplaceClaims(document, ClaimExtractor.Default.Extract(document), ClaimExtractor.Version));
        Assert.Equal(generation, store.Generation());
        Assert.True(store.ReplaceClaims(document, ClaimExtractor.Default.Extract(document), "another"));
        Assert.NotEqual(generation, store.Generation());
    }

    private static string TallyJson(MarsadStore store)
    {
        using var buffer = new MemoryStream();
        SeriesJson.WriteJson(buffer, store.SeriesOf(new TallyFilter()));
        return Convert.ToBase64String(buffer.ToArray());
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
    public sealed class OnSqlite() : SnapshotTests(Engine.Sqlite);

    /// <summary>The contract on a PostgreSQL database.</summary>
    public sealed class OnPostgreSql() : SnapshotTests(Engine.PostgreSql);
}
