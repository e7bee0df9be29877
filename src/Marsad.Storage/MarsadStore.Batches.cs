using Microsoft.Data.Sqlite;

namespace Marsad.Storage;

/// <summary>
/// Many writes in one transaction: a fast ingest commits hundreds of reports at once instead of
/// syncing once a report, and each report still goes in whole or not at all (a savepoint of its
/// own). A kill loses only the batch not yet committed; ingesting the same reports again completes it.
/// </summary>
public sealed partial class MarsadStore
{
    /// <summary>The open batch's transaction, which writes join with a savepoint of their own.</summary>
    private SqliteTransaction? batch;

    private int savepoints;

    /// <summary>The transaction of a write outside a batch while it runs: the reads it makes (reviews, reports) join it.</summary>
    private SqliteTransaction? writing;

    /// <summary>
    /// From now until the returned batch is committed, every write of this store goes into one
    /// transaction; disposing the batch uncommitted rolls all of it back. Not inside a read snapshot.
    /// </summary>
    public WriteBatch BeginBatch()
    {
        if (batch is not null || snapshot is not null)
        {
            throw new InvalidOperationException("A batch cannot begin inside another batch or a read snapshot.");
        }

        batch = connection.BeginTransaction();
        return new WriteBatch(this);
    }

    /// <summary>A unit of writing: a transaction of its own, or inside a batch a savepoint of it.</summary>
    private Write BeginWrite() =>
        batch is { } open ? new Write(this, open, "write" + savepoints++) : new Write(this, writing = connection.BeginTransaction(), null);

    /// <summary>Writes that go in together or not at all; disposed uncommitted, they are undone.</summary>
    private sealed class Write(MarsadStore store, SqliteTransaction transaction, string? savepoint) : IDisposable
    {
        private bool done;

        public SqliteTransaction Transaction => transaction;

        public void Commit()
        {
            if (savepoint is null)
            {
                transaction.Commit();
            }
            else
            {
                transaction.Release(savepoint);
            }

            done = true;
        }

        public void Dispose()
        {
            if (!done)
            {
                store.texts?.Forget();
            }

            if (savepoint is null)
            {
                store.writing = null;
                transaction.Dispose();
            }
            else if (!done)
            {
                transaction.Rollback(savepoint);
                transaction.Release(savepoint);
            }
        }

        /// <summary>Inside a batch a savepoint begins here; a transaction of its own began when it was made.</summary>
        public Write Begin()
        {
            if (savepoint is not null)
            {
                transaction.Save(savepoint);
            }

            return this;
        }
    }

    /// <summary>Writes in one transaction (<see cref="BeginBatch"/>); each unit in it goes in whole or not at all.</summary>
    public sealed class WriteBatch : IDisposable
    {
        private readonly MarsadStore store;

        internal WriteBatch(MarsadStore store) => this.store = store;

        /// <summary>Runs <paramref name="write"/> as one unit: if it throws, what it wrote is undone, the exception goes on, and the batch stays usable.</summary>
        public T Unit<T>(Func<T> write)
        {
            using var unit = store.BeginWrite().Begin();
            var result = write();
            unit.Commit();
            return result;
        }

        /// <summary>Makes every unit written so far durable.</summary>
        public void Commit()
        {
            var open = store.batch ?? throw new InvalidOperationException("The batch has ended.");
            store.batch = null;
            using (open)
            {
                open.Commit();
            }
        }

        public void Dispose()
        {
            if (store.batch is { } open)
            {
                store.batch = null;
                store.texts?.Forget();
                open.Dispose();
            }
        }
    }
}
