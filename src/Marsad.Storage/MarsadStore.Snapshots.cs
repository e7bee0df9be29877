using System.Data.Common;
using System.Globalization;

namespace Marsad.Storage;

/// <summary>
/// Reads that see one committed state of the store: a read transaction has one snapshot (a WAL
/// snapshot in SQLite, REPEATABLE READ in PostgreSQL); a writer committing meanwhile is not seen
/// until it ends, so a tally never takes documents from one state and claims from another.
/// </summary>
public sealed partial class MarsadStore
{
    private DbTransaction? snapshot;

    /// <summary>
    /// From now until the returned scope ends, every read of this store sees one snapshot (an
    /// HTTP request's reads, a tally's several queries). Inside a snapshot already, it joins it.
    /// The store must not be written to meanwhile.
    /// </summary>
    public IDisposable ReadSnapshot()
    {
        if (snapshot is not null)
        {
            return Scope.None;
        }

        snapshot = backend.BeginRead(connection);
        return new Scope(this);
    }

    /// <summary>
    /// A number every commit that changes what the record says — documents, their claims, reviews —
    /// moves on, and no other does: a key for caching what is read from the record.
    /// </summary>
    public long Generation() => Generation(connection, snapshot);

    /// <summary>The number every commit that changes documents or reviews moves on (<c>006_failures.sql</c>).</summary>
    private static long Generation(DbConnection connection, DbTransaction? transaction)
    {
        using var query = connection.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = "SELECT value FROM generation";
        return Convert.ToInt64(query.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private sealed class Scope(MarsadStore? store) : IDisposable
    {
        public static readonly Scope None = new(null);

        public void Dispose()
        {
            if (store?.snapshot is { } open)
            {
                store.snapshot = null;
                open.Dispose();
            }
        }
    }
}
