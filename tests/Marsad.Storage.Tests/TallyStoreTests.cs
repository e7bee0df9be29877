using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Marsad.Exports;
using Marsad.Extraction;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Reviews;
using Marsad.Serialization;
using Marsad.Storage;
using Marsad.Tallies;
using Marsad.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Marsad.Tests;

/// <summary>
/// The tally kept in the store (MarsadStore.Tallies) says, byte for byte, what the tally built
/// from every mention of the record at once says — series JSON, warnings and every export — after
/// an ingest and after each kind of change: a review, a retraction, a new version, a re-extraction.
/// </summary>
public abstract class TallyStoreTests(Engine engine) : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "marsad-tallies-" + Guid.NewGuid().ToString("N"));

    private string? database;

    /// <summary>The store of this test: a file in the folder, or a new database on the tests' PostgreSQL server.</summary>
    private string Database => database ??= engine.NewStore(folder);

    public static TheoryData<string> Corpora => new() { "seeds", "dev", "generated" };

    [Theory]
    [MemberData(nameof(Corpora))]
    public void The_kept_tally_is_the_tally_of_every_mention_through_every_kind_of_change(string corpus)
    {
        using var store = MarsadStore.Open(Database);
        Ingest(store, corpus);
        AssertSameTally(store, "after the ingest");

        var counted = store.Tally(new TallyFilter()).Tally.Series.SelectMany(s => s.Points).SelectMany(p => p.Mentions).Select(m => m.Claim).ToList();
        Assert.NotEmpty(counted);
        store.AddUser("rania");
        store.AddReview(counted[0].Id, ReviewAction.Reject, null, "a recap", "rania");
        AssertSameTally(store, "after a rejection");
        var corrected = counted[counted.Count / 2];
        Assert.IsType<ReviewOutcome.Recorded>(store.AddReview(corrected.Id, ReviewAction.Correct, Correction($$"""{"value": {{corrected.Value + 7}}}"""), "fixed", "rania"));
        AssertSameTally(store, "after a correction");

        var documents = store.Documents().ToList();
        store.Retract(documents[1].Document.Id, "a hoax", "rania");
        AssertSameTally(store, "after a retraction");

        var revised = documents[^1].Document;
        var second = new SourceDocument(revised.Id, revised.Text.Replace('1', '3') + " ", revised.Metadata);
        store.AddDocument(second, ClaimExtractor.Default.Extract(second), ClaimExtractor.Version);
        AssertSameTally(store, "after a new version");

        // Another extractor's claims replace every text's claims: every claim row is new.
        foreach (var document in store.Documents().Skip(documents.Count / 2))
        {
            store.ReplaceClaims(document.Document, ClaimExtractor.Default.Extract(document.Document), "another-extractor");
        }

        AssertSameTally(store, "after a re-extraction");
    }

    [Fact]
    public void Filters_and_knowledge_days_read_what_the_whole_tally_says_of_them()
    {
        using var store = MarsadStore.Open(Database);
        Ingest(store, "seeds");
        var whole = TallyBuilder.Build(store.Mentions());
        foreach (var category in whole.Series.Select(s => s.Key.Category).Distinct())
        {
            Assert.Equal(Written(whole.Where(category)), Written(store.Tally(new TallyFilter(category)).Tally));
        }

        foreach (var actor in whole.Series.Select(s => s.Key.Actor).OfType<string>().Distinct())
        {
            Assert.Equal(Written(whole.Where(actor: actor.ToLowerInvariant())), Written(store.Tally(new TallyFilter(Actor: actor.ToLowerInvariant())).Tally));
        }

        var days = store.Documents().Select(d => d.Publication.Date).OfType<DateOnly>().Order().ToList();
        foreach (var day in new[] { days[0], days[days.Count / 2], days[^1] })
        {
            Assert.Equal(Written(TallyBuilder.Build(store.Mentions(day), day)), Written(store.Tally(new TallyFilter(KnownOn: day)).Tally));
        }

        Assert.Contains("no series counts the actor NOBODY", store.Tally(new TallyFilter(Actor: "NOBODY")).Unknown, StringComparison.Ordinal);
    }

    [Fact]
    public void One_series_read_alone_is_that_series_of_the_whole_tally_with_its_warnings()
    {
        using var store = MarsadStore.Open(Database);
        Ingest(store, "dev");
        var whole = store.Tally(new TallyFilter()).Tally;
        Assert.Contains(whole.Warnings, w => w.SeriesId is not null);
        foreach (var series in whole.Series)
        {
            var alone = store.OneSeries(series.Id, new TallyFilter());
            Assert.Equal(Written(new Tally([series], [.. whole.Warnings.Where(w => w.SeriesId == series.Id)])), Written(alone));
        }

        Assert.Empty(store.OneSeries("killed.nobody", new TallyFilter()).Series);
    }

    /// <summary>
    /// A store made by migrations 001–007 — claims holding copies of their text and quote, keyed by
    /// the text's hash — opened by this version: the same claims, reviews and tally read back, and the
    /// copies gone where they are spans of the text.
    /// </summary>
    private static void Ingest(MarsadStore store, string corpus)
    {
        var reads = corpus == "generated"
            ? GeneratedReports.Take(600).Select(d => (ReadResult)new ReadDocument(d, d.Id))
            : ReportReader.Read([Path.Combine(SharedData.Root, "corpus", corpus)], DocumentMetadata.None);
        foreach (var report in ReportIngest.Run(store, ClaimExtractor.Default.Extract, reads))
        {
            Assert.Null(report.Failure);
        }
    }

    private static void AssertSameTally(MarsadStore store, string when)
    {
        var expected = Written(TallyBuilder.Build(store.Mentions()));
        var kept = Written(store.Tally(new TallyFilter()).Tally);
        Assert.True(expected == kept, $"{when}: the kept tally differs from the tally of every mention");
    }

    /// <summary>The series JSON, the warnings as the checks list them, and every export format, in one text.</summary>
    private static string Written(Tally tally)
    {
        var written = new StringBuilder();
        using (var json = new MemoryStream())
        {
            SeriesJson.WriteJson(json, tally.Series);
            written.Append(Encoding.UTF8.GetString(json.ToArray()));
        }

        foreach (var warning in tally.Warnings)
        {
            written.Append('\n').Append(warning.Code).Append(' ').Append(warning.SeriesId).Append(' ').Append(warning.Explanation)
                .Append(' ').Append(string.Join(",", warning.ClaimIds));
        }

        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            using var export = new MemoryStream();
            TallyExports.Write(export, tally.Series, format);
            written.Append('\n').Append(format).Append('\n').Append(format == ExportFormat.Xlsx ? Unzipped(export) : Encoding.UTF8.GetString(export.ToArray()));
        }

        return written.ToString();
    }

    /// <summary>The entries of a workbook, without the times the zip gives them.</summary>
    private static string Unzipped(MemoryStream workbook)
    {
        workbook.Position = 0;
        using var zip = new ZipArchive(workbook, ZipArchiveMode.Read);
        var entries = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var content = new StreamReader(entry.Open());
            entries.Append(entry.FullName).Append('\n').Append(content.ReadToEnd());
        }

        return entries.ToString();
    }

    private static ClaimCorrection Correction(string json) => ClaimCorrection.Read(JsonDocument.Parse(json).RootElement).Correction!;

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
    public sealed class OnSqlite() : TallyStoreTests(Engine.Sqlite)
    {
        [Fact]
        public void A_store_made_before_tallies_were_kept_gets_them_when_it_is_opened()
        {
            using (var store = MarsadStore.Open(Database))
            {
                Ingest(store, "seeds");
            }

            // What 007_tallies.sql leaves in a store that has documents: empty tallies, waiting to be filled in.
            using (var old = new SqliteConnection($"Data Source={Database};Pooling=False"))
            {
                old.Open();
                using var drop = old.CreateCommand();
                drop.CommandText = "DELETE FROM tally_mentions; DELETE FROM tally_series; DELETE FROM tally_warnings; INSERT INTO tally_backfill VALUES (1);";
                drop.ExecuteNonQuery();
            }

            using var reopened = MarsadStore.Open(Database);
            Assert.NotEmpty(reopened.Tally(new TallyFilter()).Tally.Series);
            AssertSameTally(reopened, "after the migration");
        }

        [Fact]
        public void A_store_made_before_the_compact_store_reads_the_same_claims_and_tally_once_opened()
        {
            string claims, tally;
            List<(StoredDocument Document, IReadOnlyList<Claim> Claims)> stored;
            var current = Path.Combine(folder, "current.db");
            using (var store = MarsadStore.Open(current))
            {
                Ingest(store, "seeds");
                store.AddUser("rania");
                var reviewed = store.Claims()[3];
                store.AddReview(reviewed.Id, ReviewAction.Correct, Correction($$"""{"value": {{reviewed.Value + 5}}}"""), "fixed", "rania");
                claims = string.Join("\n", store.ClaimsWithReviews().Select(c => ClaimJson.ToJson(c.Claim) + c.Review?.Latest.ClaimId));
                tally = Written(store.Tally(new TallyFilter()).Tally);
                stored = [.. store.Documents().SelectMany(d => store.Versions(d.Document.Id)).Select(v => (v, store.Claims(v.Document.Id, version: v.Version)))];
            }

            OldStores.Write(Database, stored, current);
            using var reopened = MarsadStore.Open(Database);
            Assert.Equal(claims, string.Join("\n", reopened.ClaimsWithReviews().Select(c => ClaimJson.ToJson(c.Claim) + c.Review?.Latest.ClaimId)));
            Assert.Equal(tally, Written(reopened.Tally(new TallyFilter()).Tally));
            AssertSameTally(reopened, "after the compact migration");
            using var check = new SqliteConnection($"Data Source={Database};Pooling=False");
            check.Open();
            using var copies = check.CreateCommand();
            copies.CommandText = "SELECT count(*), count(text), count(quote), count(claim_id), count(quote_start) FROM claims";
            using var counts = copies.ExecuteReader();
            counts.Read();
            Assert.Equal((0L, 0L, 0L), (counts.GetInt64(1), counts.GetInt64(2), counts.GetInt64(3)));
            Assert.Equal(counts.GetInt64(0), counts.GetInt64(4));
        }

        [Fact]
        public void Families_waiting_to_be_tallied_again_are_read_exactly_and_stored_by_a_refresh()
        {
            using var store = MarsadStore.Open(Database);
            Ingest(store, "generated");

            // What a batched ingest killed before its end leaves: families marked, their series not yet written.
            using (var dirty = new SqliteConnection($"Data Source={Database};Pooling=False"))
            {
                dirty.Open();
                using var mark = dirty.CreateCommand();
                mark.CommandText = "INSERT OR IGNORE INTO tally_dirty SELECT DISTINCT family FROM tally_mentions; DELETE FROM tally_series;";
                mark.ExecuteNonQuery();
            }

            AssertSameTally(store, "with every family dirty");
            store.RefreshTallies();
            AssertSameTally(store, "after the refresh");
        }
    }

    /// <summary>The contract on a PostgreSQL database.</summary>
    public sealed class OnPostgreSql() : TallyStoreTests(Engine.PostgreSql);
}
