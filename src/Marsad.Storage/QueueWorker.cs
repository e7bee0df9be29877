using System.Data.Common;
using Marsad.Extraction;
using Marsad.Model;

namespace Marsad.Storage;

/// <summary>How a worker takes jobs: how many a lease, for how long, and how many leases a job gets before it fails for good.</summary>
public sealed record WorkerOptions(int Batch, TimeSpan Lease, int Attempts)
{
    /// <summary>
    /// A lease as large as an ingest's batch: each batch tallies again the families it touched,
    /// so small batches re-tally the same families many times (1,000 generated reports: 50 s a
    /// worker in batches of 32, 15 s in batches of 256, measured side by side).
    /// </summary>
    public static WorkerOptions Default { get; } = new(ReportIngest.BatchReports, TimeSpan.FromMinutes(5), 3);
}

/// <summary>
/// What one lease came to: the jobs leased, stored (done), queued again after a failure, failed for
/// good, lost (their lease ran out and another worker took them), or given back unprocessed; and
/// why the batch could not be stored, when it could not.
/// </summary>
public sealed record BatchOutcome(int Leased, int Done, int Retried, int Failed, int Lost, int GivenBack, string? Error = null);

/// <summary>
/// One step of <c>marsad worker</c>: leases a batch of queued extractions (<see cref="MarsadStore.LeaseJobs"/>),
/// extracts them on every core as an ingest does (<see cref="ReportIngest"/>), and stores their claims,
/// the tallies of the families they touch and the jobs' new states in one transaction. A job whose
/// extraction or storing throws goes back to the queue, or fails with its reason once its attempts
/// are used; the rest of the batch is stored. A worker killed mid-batch stores nothing: its lease
/// runs out and another worker takes the jobs.
/// </summary>
public static class QueueWorker
{
    /// <summary>
    /// Leases and processes one batch as <paramref name="owner"/> (a name no other lease has);
    /// null when there was nothing to lease, an outcome of no jobs and its error when the store refused the lease. <paramref name="leased"/> is told of the lease before
    /// extraction begins; stopping is asked for then (<paramref name="stop"/>), the jobs are given back.
    /// </summary>
    public static BatchOutcome? RunBatch(
        MarsadStore store, Func<SourceDocument, ExtractionResult> extract, string owner, WorkerOptions options,
        Action<IReadOnlyList<LeasedJob>>? leased = null, CancellationToken stop = default)
    {
        IReadOnlyList<LeasedJob> jobs;
        try
        {
            jobs = store.LeaseJobs(owner, options.Batch, options.Lease, options.Attempts, DateTimeOffset.UtcNow);
        }
        catch (DbException e)
        {
            // The store stayed locked past its timeout (other workers storing large batches), on either engine: nothing was leased; the worker asks again.
            return new BatchOutcome(0, 0, 0, 0, 0, 0, ReportIngest.Describe(e));
        }

        if (jobs.Count == 0)
        {
            return null;
        }

        leased?.Invoke(jobs);
        if (stop.IsCancellationRequested)
        {
            return new BatchOutcome(jobs.Count, 0, 0, 0, 0, store.ReleaseJobs(owner));
        }

        var extracted = ReportIngest.ExtractAll([.. jobs.Select(j => j.Document)], extract).GetAwaiter().GetResult();
        try
        {
            return Store(store, owner, options, jobs, extracted);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // Nothing of the batch is stored (its store refused the transaction): the jobs go back to the queue.
            return new BatchOutcome(jobs.Count, 0, 0, 0, 0, store.ReleaseJobs(owner), ReportIngest.Describe(e));
        }
    }

    /// <summary>The batch in one transaction, each job a unit of its own in it.</summary>
    private static BatchOutcome Store(MarsadStore store, string owner, WorkerOptions options, IReadOnlyList<LeasedJob> jobs, DocumentExtraction[] extracted)
    {
        var states = new List<JobState?>(jobs.Count);
        using (var batch = store.BeginBatch())
        {
            for (var i = 0; i < jobs.Count; i++)
            {
                states.Add(extracted[i] switch
                {
                    { Fault: { } fault } => store.FailJob(jobs[i], owner, "extract failed: " + fault, options.Attempts),
                    { Result: { } result } => Complete(store, batch, owner, options, jobs[i], result),
                    _ => throw new InvalidOperationException("An extraction with neither claims nor a fault."),
                });
            }

            // The families the batch touched, tallied in its own transaction.
            store.RefreshTallies();
            batch.Commit();
        }

        return new BatchOutcome(
            jobs.Count,
            states.Count(s => s == JobState.Done),
            states.Count(s => s == JobState.Queued),
            states.Count(s => s == JobState.Failed),
            states.Count(s => s is null),
            0);
    }

    private static JobState? Complete(MarsadStore store, MarsadStore.WriteBatch batch, string owner, WorkerOptions options, LeasedJob job, ExtractionResult result)
    {
        try
        {
            return batch.Unit(() => store.CompleteJob(job, owner, result, ClaimExtractor.Version)) ? JobState.Done : null;
        }
        catch (Exception e)
        {
            return store.FailJob(job, owner, "store failed: " + ReportIngest.Describe(e), options.Attempts);
        }
    }
}
