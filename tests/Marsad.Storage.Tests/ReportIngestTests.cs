using Marsad.Extraction;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Storage;
using Marsad.Tests.Support;
using Marsad.Time;

namespace Marsad.Tests;

/// <summary>One bad report never stops the others, and the store remembers which failed and why.</summary>
public abstract class ReportIngestTests(Engine engine) : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "marsad-ingest-" + Guid.NewGuid().ToString("N"));

    private string? database;

    /// <summary>The store of this test: a file in the folder, or a new database on the tests' PostgreSQL server.</summary>
    private string Database => database ??= engine.NewStore(folder);

    private static ReadDocument Read(string id, string text, string path = "reports.jsonl", int? line = null) =>
        new(new SourceDocument(id, text, DocumentMetadata.None), path, line);

    private static int Ingest(MarsadStore store, Func<SourceDocument, ExtractionResult> extract, params ReadResult[] reads) =>
        ReportIngest.Run(store, extract, reads).Count();

    /// <summary>An extractor that fails on one text, as an undiscovered fault would.</summary>
    private static ExtractionResult FailingOn(SourceDocument document) =>
        document.Text.Contains("boom", StringComparison.Ordinal)
            ? throw new InvalidOperationException("a fault in the extractor")
            : ClaimExtractor.Default.Extract(document);

    [Fact]
    public void A_report_that_fails_to_extract_is_recorded_and_the_next_is_stored()
    {
        using var store = MarsadStore.Open(Database);
        var reports = ReportIngest.Run(store, FailingOn, [
            Read("a", "قتل 5 مدنيين", line: 1), Read("b", "boom 7 people killed", line: 2), Read("c", "killed 9 civilians", line: 3),
        ]).ToList();

        Assert.Equal([IngestOutcome.Added, null, IngestOutcome.Added], reports.Select(r => r.Outcome));
        var failure = Assert.Single(store.Failures());
        Assert.Equal(("reports.jsonl", 2, "b", IngestStage.Extract), (failure.Source, failure.Line, failure.DocId, failure.Stage));
        Assert.Contains("a fault in the extractor", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(["a", "c"], store.Documents().Select(d => d.Document.Id));
    }

    [Fact]
    public void A_report_the_store_refuses_is_recorded_and_leaves_no_half_document()
    {
        using var store = MarsadStore.Open(Database);
        // A claim without text breaks a NOT NULL column: the store refuses it mid-transaction.
        static ExtractionResult Broken(SourceDocument document) => new(
            [ClaimExtractor.Default.Extract(document).Claims[0] with { Text = null! }], new PublicationDate(null, "unknown"));

        var report = Assert.Single(ReportIngest.Run(store, Broken, [Read("a", "قتل 5 مدنيين", "a.txt")]));
        Assert.Equal(IngestStage.Store, report.Failure!.Stage);
        Assert.Equal(0, store.DocumentCount);
        Assert.Equal("a.txt", Assert.Single(store.Failures()).Source);
    }

    [Fact]
    public void A_read_error_is_recorded_with_its_file_and_line()
    {
        using var store = MarsadStore.Open(Database);
        var report = Assert.Single(ReportIngest.Run(store, ClaimExtractor.Default.Extract, [new ReadError("bad.jsonl", 4, "bad JSON")]));
        Assert.Equal(IngestStage.Read, report.Failure!.Stage);
        Assert.Equal("bad.jsonl:4: bad JSON", Assert.Single(store.Failures()).Message);
    }

    [Fact]
    public void Storing_the_fixed_report_clears_its_failure()
    {
        using var store = MarsadStore.Open(Database);
        Ingest(store, FailingOn, Read("b", "boom 7 people killed", "r.jsonl", 2), Read("x", "boom", "other.txt"));
        Assert.Equal(2, store.Failures().Count);

        Ingest(store, FailingOn, Read("b", "7 people killed", "r.jsonl", 2));
        Assert.Equal("other.txt", Assert.Single(store.Failures()).Source);
    }

    [Fact]
    public void A_failure_again_at_the_same_place_replaces_the_earlier_one()
    {
        using var store = MarsadStore.Open(Database);
        Ingest(store, ClaimExtractor.Default.Extract, new ReadError("r.txt", null, "empty file"));
        Ingest(store, ClaimExtractor.Default.Extract, new ReadError("r.txt", null, "invalid UTF-8"));
        Assert.Equal("invalid UTF-8", Assert.Single(store.Failures()).Reason);
    }

    /// <summary>Short distinct reports, each with one claim.</summary>
    private static ReadResult[] Numbered(int count, string path = "reports.jsonl") =>
        [.. Enumerable.Range(1, count).Select(n => Read($"r{n:D4}", $"killed {n} civilians", path, n))];

    [Fact]
    public void Reports_extracted_on_every_core_are_stored_and_returned_in_the_order_they_were_read()
    {
        using var store = MarsadStore.Open(Database);
        var reports = ReportIngest.Run(store, ClaimExtractor.Default.Extract, Numbered(700)).ToList();

        Assert.Equal(Enumerable.Range(1, 700).Select(n => $"r{n:D4}"), reports.Select(r => ((ReadDocument)r.Read).Document.Id));
        Assert.All(reports, r => Assert.Equal((IngestOutcome.Added, 1), (r.Outcome!.Value, r.Claims)));
        Assert.Equal(700, store.DocumentCount);
        Assert.Equal(700, store.ClaimCount);
    }

    [Fact]
    public void A_report_the_store_refuses_in_the_middle_of_a_batch_leaves_the_reports_around_it_stored()
    {
        using var store = MarsadStore.Open(Database);
        static ExtractionResult BrokenOnB(SourceDocument document)
        {
            var extraction = ClaimExtractor.Default.Extract(document);
            return document.Id == "b" ? extraction with { Claims = [extraction.Claims[0] with { Text = null! }] } : extraction;
        }

        var reports = ReportIngest.Run(store, BrokenOnB, [Read("a", "قتل 5 مدنيين", line: 1), Read("b", "قتل 6 مدنيين", line: 2), Read("c", "قتل 7 مدنيين", line: 3)]).ToList();

        Assert.Equal([IngestOutcome.Added, null, IngestOutcome.Added], reports.Select(r => r.Outcome));
        Assert.Equal(["a", "c"], store.Documents().Select(d => d.Document.Id));
        Assert.Equal(2, store.ClaimCount);
        Assert.Equal(("b", IngestStage.Store), (Assert.Single(store.Failures()).DocId, store.Failures()[0].Stage));
    }

    [Fact]
    public void Within_one_batch_the_same_text_again_is_already_present_and_a_new_text_of_an_id_its_next_version()
    {
        using var store = MarsadStore.Open(Database);
        var reports = ReportIngest.Run(store, ClaimExtractor.Default.Extract, [
            Read("a", "قتل 5 مدنيين"), Read("a", "قتل 5 مدنيين"), Read("a", "قتل 6 مدنيين"),
        ]).ToList();

        Assert.Equal([IngestOutcome.Added, IngestOutcome.AlreadyPresent, IngestOutcome.NewVersion], reports.Select(r => r.Outcome));
        Assert.Equal(["a#1", "a@v2#1"], store.Claims(version: 1, docId: "a").Concat(store.Claims(docId: "a")).Select(c => c.Id));
    }

    [Fact]
    public void An_ingest_stopped_part_way_keeps_what_it_returned_and_ingesting_again_completes_it()
    {
        using (var store = MarsadStore.Open(Database))
        {
            // Every report returned was committed: stopping (as a kill would) loses only reports not yet returned.
            var returned = ReportIngest.Run(store, ClaimExtractor.Default.Extract, Numbered(700)).Take(300).Count();
            Assert.Equal(300, returned);
            Assert.InRange(store.DocumentCount, 300, 699);
        }

        using (var store = MarsadStore.Open(Database))
        {
            var again = ReportIngest.Run(store, ClaimExtractor.Default.Extract, Numbered(700)).ToList();
            Assert.All(again.Take(300), r => Assert.Equal(IngestOutcome.AlreadyPresent, r.Outcome));
            Assert.Equal(700, store.DocumentCount);
            Assert.Equal(700, store.ClaimCount);
        }
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
    public sealed class OnSqlite() : ReportIngestTests(Engine.Sqlite);

    /// <summary>The contract on a PostgreSQL database.</summary>
    public sealed class OnPostgreSql() : ReportIngestTests(Engine.PostgreSql);
}
