using System.Text;
using Marsad.Extraction;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Serialization;
using Marsad.Storage;
using Marsad.Tests.Support;

namespace Marsad.Tests;

/// <summary>
/// The work queue (MarsadStore.Queue, QueueWorker): a deferred ingest stores texts and queues them,
/// workers lease, extract and store them, and the record ends as a direct ingest leaves it; a bad
/// document fails alone, and a lease that ran out moves its jobs to another worker without a copy.
/// </summary>
public sealed class QueueWorkerTests : IDisposable
{
    private static readonly WorkerOptions Options = new(Batch: 3, Lease: TimeSpan.FromMinutes(1), Attempts: 2);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "marsad-queue-" + Guid.NewGuid().ToString("N"));

    private string Database => Path.Combine(folder, "marsad.db");

    private static ReadDocument Read(string id, string text, int line) => new(new SourceDocument(id, text, DocumentMetadata.None), "reports.jsonl", line);

    private static void Defer(MarsadStore store, params ReadResult[] reads) => Assert.All(ReportIngest.Defer(store, reads), r => Assert.Null(r.Failure));

    private static IEnumerable<ReadResult> Corpus(string name) => ReportReader.Read([SharedData.PathTo("corpus", name)], DocumentMetadata.None);

    private static ExtractionResult FailingOnBoom(SourceDocument document) =>
        document.Text.Contains("boom", StringComparison.Ordinal)
            ? throw new InvalidOperationException("a fault in the extractor")
            : ClaimExtractor.Default.Extract(document);

    private static List<BatchOutcome> RunUntilEmpty(MarsadStore store, Func<SourceDocument, ExtractionResult> extract, string owner)
    {
        var outcomes = new List<BatchOutcome>();
        while (QueueWorker.RunBatch(store, extract, $"{owner}:{outcomes.Count}", Options) is { } outcome)
        {
            outcomes.Add(outcome);
        }

        return outcomes;
    }

    private static string Record(MarsadStore store)
    {
        using var tally = new MemoryStream();
        SeriesJson.WriteJson(tally, store.Tally(new TallyFilter()).Tally.Series);
        return string.Join('\n', store.Claims().Select(ClaimJson.ToJson)) + "\n" + Encoding.UTF8.GetString(tally.ToArray());
    }

    [Fact]
    public void A_deferred_ingest_stores_each_text_without_claims_and_queues_it_once()
    {
        using var store = MarsadStore.Open(Database);
        var reports = ReportIngest.Defer(store, [Read("a", "قتل 5 مدنيين", 1), Read("b", "killed 9 civilians", 2), Read("a2", "قتل 5 مدنيين", 3)]).ToList();

        Assert.Equal([IngestOutcome.Added, IngestOutcome.Added, IngestOutcome.AlreadyPresent], reports.Select(r => r.Outcome));
        Assert.Equal(0, store.ClaimCount);
        Assert.Equal(new QueueCounts(2, 0, 0, 0), store.QueueCounts());
        Assert.Null(store.Document("a")!.Document.Metadata.Lang);
    }

    [Fact]
    public void Workers_leave_the_record_a_direct_ingest_leaves()
    {
        string direct;
        using (var store = MarsadStore.Open(Path.Combine(folder, "direct.db")))
        {
            Assert.All(ReportIngest.Run(store, ClaimExtractor.Default.Extract, Corpus("seeds").Concat(Corpus("dev"))), r => Assert.Null(r.Failure));
            direct = Record(store);
        }

        using (var deferred = MarsadStore.Open(Database))
        {
            Assert.All(ReportIngest.Defer(deferred, Corpus("seeds").Concat(Corpus("dev"))), r => Assert.Null(r.Failure));
        }

        // Two workers, each on its own connection, take turns.
        using var first = MarsadStore.Open(Database);
        using var second = MarsadStore.Open(Database);
        var batches = 0;
        while (QueueWorker.RunBatch(batches % 2 == 0 ? first : second, ClaimExtractor.Default.Extract, "w" + batches, Options) is { } outcome)
        {
            Assert.Equal((outcome.Leased, 0, 0), (outcome.Done, outcome.Failed, outcome.Lost));
            batches++;
        }

        Assert.True(batches > 2);
        Assert.True(first.QueueIsIdle());
        Assert.Equal(new QueueCounts(0, 0, first.DocumentCount, 0), first.QueueCounts());
        Assert.Equal(direct, Record(first));
        Assert.Equal("ar", first.Documents().First().Document.Metadata.Lang);
    }

    [Fact]
    public void A_document_whose_extraction_throws_is_retried_then_fails_with_its_reason_and_the_rest_is_stored()
    {
        using var store = MarsadStore.Open(Database);
        Defer(store, Read("a", "قتل 5 مدنيين", 1), Read("b", "boom: 7 people killed", 2), Read("c", "killed 9 civilians", 3));

        var outcomes = RunUntilEmpty(store, FailingOnBoom, "w");

        Assert.Equal([(3, 2, 1, 0), (1, 0, 0, 1)], outcomes.Select(o => (o.Leased, o.Done, o.Retried, o.Failed)));
        var failed = Assert.Single(store.FailedJobs());
        Assert.Equal(("b", 1, 2), (failed.DocId, failed.Version, failed.Attempts));
        Assert.Equal("extract failed: InvalidOperationException: a fault in the extractor", failed.Reason);
        Assert.Equal(["a", "c"], store.Claims().Select(c => c.Doc).Distinct());
        Assert.True(store.QueueIsIdle());
    }

    [Fact]
    public void A_lease_that_ran_out_goes_to_another_worker_and_its_first_holder_stores_nothing()
    {
        using var store = MarsadStore.Open(Database);
        Defer(store, Read("a", "قتل 5 مدنيين", 1));
        var now = DateTimeOffset.UtcNow;
        var slow = Assert.Single(store.LeaseJobs("slow", 10, TimeSpan.FromSeconds(5), 3, now));
        Assert.Empty(store.LeaseJobs("early", 10, TimeSpan.FromSeconds(5), 3, now.AddSeconds(4)));
        var late = Assert.Single(store.LeaseJobs("late", 10, TimeSpan.FromSeconds(5), 3, now.AddSeconds(6)));

        var extraction = ClaimExtractor.Default.Extract(slow.Document);
        using (var batch = store.BeginBatch())
        {
            Assert.False(store.CompleteJob(slow, "slow", extraction, ClaimExtractor.Version));
            Assert.Null(store.FailJob(slow, "slow", "too late", 3));
            Assert.True(store.CompleteJob(late, "late", extraction, ClaimExtractor.Version));
            batch.Commit();
        }

        Assert.Equal(extraction.Claims.Count, store.ClaimCount);
        Assert.Equal(new QueueCounts(0, 0, 1, 0), store.QueueCounts());
    }

    [Fact]
    public void A_job_whose_worker_died_on_its_last_attempt_fails_instead_of_being_leased_again()
    {
        using var store = MarsadStore.Open(Database);
        Defer(store, Read("a", "قتل 5 مدنيين", 1));
        var now = DateTimeOffset.UtcNow;
        Assert.Single(store.LeaseJobs("died", 10, TimeSpan.FromSeconds(5), 2, now));
        Assert.Single(store.LeaseJobs("died too", 10, TimeSpan.FromSeconds(5), 2, now.AddSeconds(10)));

        Assert.Empty(store.LeaseJobs("next", 10, TimeSpan.FromSeconds(5), 2, now.AddSeconds(20)));
        var failed = Assert.Single(store.FailedJobs());
        Assert.Equal((2, "its worker stopped before it finished, 2 times"), (failed.Attempts, failed.Reason));
    }

    [Fact]
    public void A_worker_told_to_stop_after_its_lease_gives_the_jobs_back_without_counting_an_attempt()
    {
        using var store = MarsadStore.Open(Database);
        Defer(store, Read("a", "قتل 5 مدنيين", 1), Read("b", "killed 9 civilians", 2));
        using var stop = new CancellationTokenSource();

        var outcome = QueueWorker.RunBatch(store, ClaimExtractor.Default.Extract, "w", Options with { Attempts = 1 }, _ => stop.Cancel(), stop.Token);

        Assert.Equal(new BatchOutcome(2, 0, 0, 0, 0, 2), outcome);
        Assert.Equal(new QueueCounts(2, 0, 0, 0), store.QueueCounts());
        Assert.Equal(0, store.ClaimCount);
        Assert.Equal([(2, 2, 0)], RunUntilEmpty(store, FailingOnBoom, "again").Select(o => (o.Leased, o.Done, o.Failed)));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
