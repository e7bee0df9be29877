using System.Globalization;
using Marsad.Extraction;
using Marsad.Model;
using Microsoft.Data.Sqlite;

namespace Marsad.Storage;

/// <summary>Where a queued extraction stands (<c>009_queue.sql</c>).</summary>
public enum JobState { Queued, Leased, Done, Failed }

/// <summary>A stored text leased to a worker to extract: its number in the store and the document as stored.</summary>
public sealed record LeasedJob(long Doc, SourceDocument Document);

/// <summary>A job that ran out of attempts: the document version, how many leases it took, why its last one failed and when.</summary>
public sealed record FailedJob(string DocId, int Version, int Attempts, string Reason, DateTimeOffset At);

/// <summary>How many jobs are in each state.</summary>
public sealed record QueueCounts(int Queued, int Leased, int Done, int Failed);

/// <summary>
/// The work queue of extractions (<c>marsad ingest --defer</c>, <c>marsad worker</c>, <see cref="QueueWorker"/>): a
/// job a stored text, leased in batches to one worker at a time; a lease that runs out (its worker
/// died) lets another worker take the job. Every change a worker makes to a job names the lease it
/// holds (<c>lease_owner</c>), so a worker whose lease was taken over stores nothing.
/// </summary>
public sealed partial class MarsadStore
{
    /// <summary>
    /// How the jobs of a batch are locked while they are leased. SQLite has one writer at a time (a
    /// write transaction begins immediately), so nothing more is needed; on PostgreSQL this is
    /// <c>FOR UPDATE SKIP LOCKED</c>, so that workers leasing at once take different jobs without waiting.
    /// </summary>
    private const string LeaseLock = "";

    /// <summary>Queues the extraction of a stored text; a job it had (done, failed or under way) starts over.</summary>
    private void Enqueue(long doc, SqliteTransaction transaction)
    {
        using var insert = Command(
            """
            INSERT INTO jobs (doc, state, attempts, queued_at) VALUES (@doc, 'queued', 0, @at)
            ON CONFLICT (doc) DO UPDATE SET state = 'queued', attempts = 0, lease_owner = NULL, lease_until = NULL,
                last_error = NULL, queued_at = @at, finished_at = NULL
            """, transaction);
        insert.Parameters.AddWithValue("@doc", doc);
        insert.Parameters.AddWithValue("@at", Now());
        insert.ExecuteNonQuery();
    }

    /// <summary>
    /// Leases up to <paramref name="count"/> queued jobs, or jobs whose lease ran out, to
    /// <paramref name="owner"/> until <paramref name="now"/> + <paramref name="lease"/>, oldest first.
    /// A job whose lease ran out after its last attempt (its worker died each time) fails instead.
    /// </summary>
    public IReadOnlyList<LeasedJob> LeaseJobs(string owner, int count, TimeSpan lease, int attempts, DateTimeOffset now)
    {
        var hashes = new List<(long Doc, string Hash)>();
        using (var write = BeginWrite().Begin())
        {
            using (var abandon = Command(
                """
                UPDATE jobs SET state = 'failed', lease_owner = NULL, lease_until = NULL, finished_at = @at,
                    last_error = 'its worker stopped before it finished, ' || attempts || ' times'
                WHERE state = 'leased' AND lease_until < @now AND attempts >= @attempts
                """, write.Transaction))
            {
                abandon.Parameters.AddWithValue("@at", Now());
                abandon.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
                abandon.Parameters.AddWithValue("@attempts", attempts);
                abandon.ExecuteNonQuery();
            }

            using (var take = Command(
                $"""
                UPDATE jobs SET state = 'leased', lease_owner = @owner, lease_until = @until, attempts = attempts + 1
                WHERE doc IN (
                    SELECT doc FROM jobs WHERE state = 'queued' OR (state = 'leased' AND lease_until < @now)
                    ORDER BY doc LIMIT @count {LeaseLock})
                """, write.Transaction))
            {
                take.Parameters.AddWithValue("@owner", owner);
                take.Parameters.AddWithValue("@until", (now + lease).ToUnixTimeMilliseconds());
                take.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
                take.Parameters.AddWithValue("@count", count);
                take.ExecuteNonQuery();
            }

            using var leased = Command(
                "SELECT d.seq, d.hash FROM jobs j JOIN documents d ON d.seq = j.doc WHERE j.state = 'leased' AND j.lease_owner = @owner ORDER BY d.seq",
                write.Transaction);
            leased.Parameters.AddWithValue("@owner", owner);
            using (var reader = leased.ExecuteReader())
            {
                while (reader.Read())
                {
                    hashes.Add((reader.GetInt64(0), reader.GetString(1)));
                }
            }

            write.Commit();
        }

        // The texts are read after the lease commits, holding no lock: a stored text never changes.
        return [.. hashes.Select(h => new LeasedJob(h.Doc, WithText(h.Hash)!.Document))];
    }

    /// <summary>
    /// Stores a leased job's claims and marks it done, if <paramref name="owner"/> still holds its
    /// lease; false, storing nothing, when the lease ran out and another worker took the job. The
    /// claims replace any the text had (<see cref="ReplaceClaims"/>); a text stored with no language
    /// gets the one its extraction read, as a direct ingest gives it. Inside a batch only: a worker stores its lease in one transaction.
    /// </summary>
    public bool CompleteJob(LeasedJob job, string owner, ExtractionResult extraction, string extractorVersion)
    {
        if (batch is null)
        {
            throw new InvalidOperationException("A job is completed inside a batch (BeginBatch), with the others of its lease.");
        }

        using var write = BeginWrite().Begin();
        using (var done = Command(
            "UPDATE jobs SET state = 'done', lease_owner = NULL, lease_until = NULL, last_error = NULL, finished_at = @at WHERE doc = @doc AND state = 'leased' AND lease_owner = @owner",
            write.Transaction))
        {
            done.Parameters.AddWithValue("@doc", job.Doc);
            done.Parameters.AddWithValue("@owner", owner);
            done.Parameters.AddWithValue("@at", Now());
            if (done.ExecuteNonQuery() == 0)
            {
                return false;
            }
        }

        using (var language = Command("UPDATE documents SET lang = @lang WHERE seq = @doc AND lang IS NULL", write.Transaction))
        {
            language.Parameters.AddWithValue("@doc", job.Doc);
            language.Parameters.AddWithValue("@lang", Db(extraction.Language));
            language.ExecuteNonQuery();
        }

        ReplaceClaims(job.Document, extraction, extractorVersion);
        write.Commit();
        return true;
    }

    /// <summary>
    /// A leased job whose extraction or storing failed: queued again, or failed for good once it has
    /// had <paramref name="attempts"/> leases; null when <paramref name="owner"/> no longer holds it.
    /// </summary>
    public JobState? FailJob(LeasedJob job, string owner, string reason, int attempts)
    {
        using var write = BeginWrite().Begin();
        using var fail = Command(
            """
            UPDATE jobs SET state = CASE WHEN attempts >= @attempts THEN 'failed' ELSE 'queued' END,
                lease_owner = NULL, lease_until = NULL, last_error = @reason, finished_at = @at
            WHERE doc = @doc AND state = 'leased' AND lease_owner = @owner
            RETURNING state
            """, write.Transaction);
        fail.Parameters.AddWithValue("@doc", job.Doc);
        fail.Parameters.AddWithValue("@owner", owner);
        fail.Parameters.AddWithValue("@reason", reason);
        fail.Parameters.AddWithValue("@attempts", attempts);
        fail.Parameters.AddWithValue("@at", Now());
        var state = fail.ExecuteScalar() is string name ? Enum.Parse<JobState>(name, ignoreCase: true) : (JobState?)null;
        write.Commit();
        return state;
    }

    /// <summary>Gives back the jobs <paramref name="owner"/> holds, queued again, the lease not counted as an attempt (a worker told to stop, a batch its store refused).</summary>
    public int ReleaseJobs(string owner)
    {
        using var write = BeginWrite().Begin();
        using var release = Command(
            "UPDATE jobs SET state = 'queued', attempts = attempts - 1, lease_owner = NULL, lease_until = NULL WHERE state = 'leased' AND lease_owner = @owner",
            write.Transaction);
        release.Parameters.AddWithValue("@owner", owner);
        var released = release.ExecuteNonQuery();
        write.Commit();
        return released;
    }

    /// <summary>Whether no job is queued or leased: a worker run <c>--until-idle</c> is done.</summary>
    public bool QueueIsIdle()
    {
        using var query = Command("SELECT 1 FROM jobs WHERE state IN ('queued', 'leased') LIMIT 1");
        return query.ExecuteScalar() is null;
    }

    /// <summary>How many jobs are in each state.</summary>
    public QueueCounts QueueCounts()
    {
        using var query = Command("SELECT state, count(*) FROM jobs GROUP BY state");
        using var reader = query.ExecuteReader();
        var counts = new Dictionary<JobState, int>();
        while (reader.Read())
        {
            counts[Enum.Parse<JobState>(reader.GetString(0), ignoreCase: true)] = reader.GetInt32(1);
        }

        return new QueueCounts(
            counts.GetValueOrDefault(JobState.Queued), counts.GetValueOrDefault(JobState.Leased),
            counts.GetValueOrDefault(JobState.Done), counts.GetValueOrDefault(JobState.Failed));
    }

    /// <summary>The jobs that failed for good, by document and version, with why.</summary>
    public IReadOnlyList<FailedJob> FailedJobs()
    {
        using var query = Command(
            "SELECT d.id, d.version, j.attempts, j.last_error, j.finished_at FROM jobs j JOIN documents d ON d.seq = j.doc WHERE j.state = 'failed' ORDER BY d.id, d.version");
        using var reader = query.ExecuteReader();
        var failed = new List<FailedJob>();
        while (reader.Read())
        {
            failed.Add(new FailedJob(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3), Instant(reader.GetString(4))));
        }

        return failed;
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
}
