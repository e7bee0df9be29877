using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace Marsad.Storage;

public sealed partial class MarsadStore
{
    /// <summary>
    /// Whether a backfill a migration left (a row in <paramref name="table"/>) is still to do. Asked
    /// first without a lock, so that opening a store that has none waits for no writer; then again
    /// in the backfill's write <paramref name="transaction"/>: another process may have done it meanwhile.
    /// </summary>
    private bool Pending(string table, DbTransaction? transaction = null)
    {
        using var query = Command($"SELECT 1 FROM {table} LIMIT 1", transaction);
        return query.ExecuteScalar() is not null;
    }
}

/// <summary>
/// The numbered SQL files embedded from <c>Migrations/&lt;engine&gt;/</c>, applied once each, in order;
/// a migration is known by its file name without the engine (<c>008_compact</c>), as stores made
/// before there were two engines named it.
/// </summary>
internal static class StoreMigrations
{
    public static void Apply(StoreBackend backend, DbConnection connection)
    {
        Run(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
        var assembly = Assembly.GetExecutingAssembly();
        var prefix = $"Marsad.Storage.Migrations.{backend.Engine}.";
        var applied = Applied(connection);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var version = name[prefix.Length..^".sql".Length];
            if (applied.Contains(version))
            {
                continue;
            }

            // Asked again under the write lock: another process may have applied it meanwhile.
            using var transaction = backend.BeginWrite(connection);
            using var check = connection.CreateCommand();
            check.Transaction = transaction;
            check.CommandText = "SELECT 1 FROM schema_migrations WHERE version = @version";
            check.Bind("@version", version);
            if (check.ExecuteScalar() is not null)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var sql = new StreamReader(stream);
            Run(connection, transaction, sql.ReadToEnd());
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @at)";
            record.Bind("@version", version);
            record.Bind("@at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            record.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private static void Run(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// The versions applied, read without a lock: a store already migrated is opened without
    /// waiting for a writer (a read beside an ingest), which a write transaction would.
    /// </summary>
    private static HashSet<string> Applied(DbConnection connection)
    {
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT version FROM schema_migrations";
        using var reader = query.ExecuteReader();
        var applied = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            applied.Add(reader.GetString(0));
        }

        return applied;
    }
}
