using Marsad.Extraction;
using Marsad.Ingest;
using Marsad.Model;

namespace Marsad.Storage;

/// <summary>What became of one report in an ingest: stored (with its outcome and claims), or failed and why.</summary>
public sealed record IngestedReport(ReadResult Read, IngestOutcome? Outcome, int Claims, IngestFailure? Failure);

/// <summary>
/// Reads, extracts and stores reports one at a time, for the CLI and for uploads alike. A report
/// that fails at any stage is recorded in the store as failed (<see cref="MarsadStore.Failures"/>)
/// and the next one is read: one bad report never stops the others, and a report stored later from
/// the same file and line, or under the same id, clears its failure.
/// </summary>
public static class ReportIngest
{
    /// <summary>Ingests each report as it is read; <paramref name="extract"/> is the extractor's <see cref="ClaimExtractor.Extract"/>.</summary>
    public static IEnumerable<IngestedReport> Run(MarsadStore store, Func<SourceDocument, ExtractionResult> extract, IEnumerable<ReadResult> reads)
    {
        foreach (var read in reads)
        {
            yield return read switch
            {
                ReadDocument document => Store(store, extract, document),
                ReadError error => Failed(store, error, null, IngestStage.Read, error.Reason),
                _ => throw new ArgumentException($"Unknown read result {read.GetType().Name}", nameof(reads)),
            };
        }
    }

    private static IngestedReport Store(MarsadStore store, Func<SourceDocument, ExtractionResult> extract, ReadDocument read)
    {
        var document = read.Document;
        ExtractionResult extraction;
        try
        {
            extraction = extract(document);
        }
        catch (Exception e)
        {
            // Extraction is meant to be total (the fuzz tests say so); if a text still finds a
            // fault, this report fails alone and says where.
            return Failed(store, read, document.Id, IngestStage.Extract, Describe(e));
        }

        try
        {
            var outcome = store.AddDocument(document, extraction, ClaimExtractor.Version);
            store.ClearFailures(read.Path, read.Line, document.Id);
            return new IngestedReport(read, outcome, extraction.Claims.Count, null);
        }
        catch (Exception e)
        {
            return Failed(store, read, document.Id, IngestStage.Store, Describe(e));
        }
    }

    private static IngestedReport Failed(MarsadStore store, ReadResult read, string? docId, IngestStage stage, string reason)
    {
        var line = read switch
        {
            ReadError error => error.Line,
            ReadDocument document => document.Line,
            _ => null,
        };
        var failure = new IngestFailure(read.Path, line, docId, stage, reason, DateTimeOffset.UtcNow);
        store.RecordFailure(failure);
        return new IngestedReport(read, null, 0, failure);
    }

    /// <summary>An exception in one line, without its stack: what a person reading the failures needs.</summary>
    private static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}";
}
