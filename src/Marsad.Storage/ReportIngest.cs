using Marsad.Extraction;
using Marsad.Ingest;
using Marsad.Model;

namespace Marsad.Storage;

/// <summary>What became of one report in an ingest: stored (with its outcome and claims), or failed and why.</summary>
public sealed record IngestedReport(ReadResult Read, IngestOutcome? Outcome, int Claims, IngestFailure? Failure);

/// <summary>A document's extraction, or why it failed (<c>ReportIngest.ExtractAll</c>); neither when there was none to make.</summary>
public sealed record DocumentExtraction(ExtractionResult? Result, string? Fault);

/// <summary>
/// Reads, extracts and stores reports, for the CLI and for uploads alike. Reports are read in
/// batches; a batch is extracted on every core while the batch before it is written, in order, by
/// one writer in one transaction (<see cref="MarsadStore.BeginBatch"/>). Each report is still a unit
/// of its own: a report that fails at any stage is recorded in the store as failed
/// (<see cref="MarsadStore.Failures"/>) and the others go in — one bad report never stops the
/// others — and a report stored later from the same file and line, or under the same id, clears
/// its failure. A kill loses only the batch not yet committed; ingesting again completes it.
/// </summary>
public static class ReportIngest
{
    /// <summary>Reports a batch holds at most: a commit every few hundred reports instead of one a report.</summary>
    private const int BatchReports = 256;

    /// <summary>Characters of text a batch holds at most, so that large reports make small batches and memory stays bounded.</summary>
    private const int BatchCharacters = 4 << 20;

    /// <summary>Ingests the reports in the order they are read; <paramref name="extract"/> is the extractor's <see cref="ClaimExtractor.Extract"/>.</summary>
    public static IEnumerable<IngestedReport> Run(MarsadStore store, Func<SourceDocument, ExtractionResult> extract, IEnumerable<ReadResult> reads) =>
        Ingest(store, extract, reads);

    /// <summary>
    /// Stores the reports in the order they are read without extracting them, each with a queued
    /// extraction (<c>ingest --defer</c>) that <see cref="QueueWorker"/> takes.
    /// </summary>
    public static IEnumerable<IngestedReport> Defer(MarsadStore store, IEnumerable<ReadResult> reads) => Ingest(store, null, reads);

    private static IEnumerable<IngestedReport> Ingest(MarsadStore store, Func<SourceDocument, ExtractionResult>? extract, IEnumerable<ReadResult> reads)
    {
        using var batches = Batches(reads).GetEnumerator();
        var next = batches.MoveNext() ? Extracting(batches.Current, extract) : null;
        while (next is not null)
        {
            var batch = next.Reads;
            var extracted = next.Extractions.GetAwaiter().GetResult();

            // The next batch is read and extracted while this one is written.
            next = batches.MoveNext() ? Extracting(batches.Current, extract) : null;
            foreach (var report in Store(store, batch, extracted))
            {
                yield return report;
            }
        }

        // The families the batches touched, tallied once for the whole ingest instead of once a batch.
        store.RefreshTallies();
    }

    private static IEnumerable<List<ReadResult>> Batches(IEnumerable<ReadResult> reads)
    {
        var batch = new List<ReadResult>();
        var characters = 0;
        foreach (var read in reads)
        {
            batch.Add(read);
            characters += read is ReadDocument document ? document.Document.Text.Length : 0;
            if (batch.Count == BatchReports || characters >= BatchCharacters)
            {
                yield return batch;
                batch = [];
                characters = 0;
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>A batch of reports and their extractions under way.</summary>
    private sealed record Batch(List<ReadResult> Reads, Task<DocumentExtraction[]> Extractions);

    /// <summary>A batch's extraction begun; with no extractor (deferred) there is none to make.</summary>
    private static Batch Extracting(List<ReadResult> reads, Func<SourceDocument, ExtractionResult>? extract) => new(
        reads,
        extract is null
            ? Task.FromResult(reads.Select(_ => new DocumentExtraction(null, null)).ToArray())
            : ExtractAll([.. reads.Select(r => (r as ReadDocument)?.Document)], extract));

    /// <summary>
    /// Extracts documents on every core (for an ingest and for <see cref="QueueWorker"/>), each on
    /// its own: one that throws gets its fault, the others their claims; a null document gets neither.
    /// The batch runs on a thread of its own, which takes part in the parallel loop itself. The
    /// writer blocks until the batch is done, and the writer may be a thread-pool thread (an upload):
    /// queued to a busy pool instead, the batch could wait for a thread that never comes free.
    /// </summary>
    internal static Task<DocumentExtraction[]> ExtractAll(IReadOnlyList<SourceDocument?> documents, Func<SourceDocument, ExtractionResult> extract) => Task.Factory.StartNew(
        () =>
        {
            var extracted = new DocumentExtraction[documents.Count];
            Parallel.For(0, documents.Count, i => extracted[i] = Extract(documents[i], extract));
            return extracted;
        },
        CancellationToken.None,
        TaskCreationOptions.LongRunning,
        TaskScheduler.Default);

    private static DocumentExtraction Extract(SourceDocument? document, Func<SourceDocument, ExtractionResult> extract)
    {
        if (document is null)
        {
            return new DocumentExtraction(null, null);
        }

        try
        {
            return new DocumentExtraction(extract(document), null);
        }
        catch (Exception e)
        {
            // Extraction is meant to be total (the fuzz tests say so); if a text still finds a
            // fault, this report fails alone and says where.
            return new DocumentExtraction(null, Describe(e));
        }
    }

    /// <summary>One batch in one transaction, each report a unit of its own in it (stored with no claims and queued when its extraction is deferred).</summary>
    private static List<IngestedReport> Store(MarsadStore store, List<ReadResult> reads, DocumentExtraction[] extracted)
    {
        var reports = new List<IngestedReport>(extracted.Length);
        using (var batch = store.BeginBatch())
        {
            foreach (var report in reads.Zip(extracted, (read, extraction) => (Read: read, Extraction: extraction)))
            {
                reports.Add(report switch
                {
                    { Read: ReadError error } => Failed(store, error, null, IngestStage.Read, error.Reason),
                    { Read: ReadDocument read, Extraction.Fault: { } fault } => Failed(store, read, read.Document.Id, IngestStage.Extract, fault),
                    { Read: ReadDocument read } => Stored(store, batch, read, report.Extraction.Result),
                    _ => throw new ArgumentException($"Unknown read result {report.Read.GetType().Name}", nameof(reads)),
                });
            }

            try
            {
                batch.Commit();
                return reports;
            }
            catch (Exception e)
            {
                // Nothing of the batch is stored: each of its reports failed, and says why.
                var reason = Describe(e);
                reports = [.. reports.Select(r => r.Failure is not null ? r : Failure(r.Read, DocId(r.Read), IngestStage.Store, reason))];
            }
        }

        foreach (var report in reports)
        {
            TryRecord(store, report.Failure!);
        }

        return reports;
    }

    private static IngestedReport Stored(MarsadStore store, MarsadStore.WriteBatch batch, ReadDocument read, ExtractionResult? extraction)
    {
        var document = read.Document;
        try
        {
            var outcome = batch.Unit(() =>
            {
                var added = store.AddDocument(document, extraction, ClaimExtractor.Version);
                store.ClearFailures(read.Path, read.Line, document.Id);
                return added;
            });
            return new IngestedReport(read, outcome, extraction?.Claims.Count ?? 0, null);
        }
        catch (Exception e)
        {
            return Failed(store, read, document.Id, IngestStage.Store, Describe(e));
        }
    }

    private static IngestedReport Failed(MarsadStore store, ReadResult read, string? docId, IngestStage stage, string reason)
    {
        var report = Failure(read, docId, stage, reason);
        store.RecordFailure(report.Failure!);
        return report;
    }

    private static IngestedReport Failure(ReadResult read, string? docId, IngestStage stage, string reason)
    {
        var line = read switch
        {
            ReadError error => error.Line,
            ReadDocument document => document.Line,
            _ => null,
        };
        return new IngestedReport(read, null, 0, new IngestFailure(read.Path, line, docId, stage, reason, DateTimeOffset.UtcNow));
    }

    private static string? DocId(ReadResult read) => read is ReadDocument document ? document.Document.Id : null;

    /// <summary>A failure recorded after its batch could not be committed: the store may refuse this too, and the report says so anyway.</summary>
    private static void TryRecord(MarsadStore store, IngestFailure failure)
    {
        try
        {
            store.RecordFailure(failure);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            // The report's failure is still returned to the caller, who names it.
        }
    }

    /// <summary>An exception in one line, without its stack: what a person reading the failures needs.</summary>
    internal static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}";
}
