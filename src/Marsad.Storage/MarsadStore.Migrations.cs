using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Marsad.Storage;

public sealed partial class MarsadStore
{
    /// <summary>
    /// Whether a backfill a migration left (a row in <paramref name="table"/>) is still to do. Asked
    /// first without a lock, so that opening a store that has none waits for no writer; then again
    /// in the backfill's write <paramref name="transaction"/>: another process may have done it meanwhile.
    /// </summary>
    private bool Pending(string table, SqliteTransaction? transaction = null)
    {
        using var query = Command($"SELECT 1 FROM {table} LIMIT 1", transaction);
        return query.ExecuteScalar() is not null;
    }

    /// <summary>The numbered SQL files embedded from <c>Migrations/</c>, applied once each, in order.</summary>
    private static class Migrations
    {
        public static void Apply(SqliteConnection connection)
        {
            Execute(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
            var assembly = Assembly.GetExecutingAssembly();
            const string prefix = "Marsad.Storage.Migrations.";
            var applied = Applied(connection);
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var version = name[prefix.Length..^".sql".Length];
                if (applied.Contains(version))
                {
                    continue;
                }

                // Asked again under the write lock: another process may have applied it meanwhile.
                using var transaction = connection.BeginTransaction();
                using var check = connection.CreateCommand();
                check.Transaction = transaction;
                check.CommandText = "SELECT 1 FROM schema_migrations WHERE version = $version";
                check.Parameters.AddWithValue("$version", version);
                if (check.ExecuteScalar() is not null)
                {
                    continue;
                }

                using var stream = assembly.GetManifestResourceStream(name)!;
                using var sql = new StreamReader(stream);
                using var apply = connection.CreateCommand();
                apply.Transaction = transaction;
                apply.CommandText = sql.ReadToEnd() + "\nINSERT INTO schema_migrations (version, applied_at) VALUES ($version, $at);";
                apply.Parameters.AddWithValue("$version", version);
                apply.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                apply.ExecuteNonQuery();
                transaction.Commit();
            }
        }

        /// <summary>
        /// The versions applied, read without a lock: a store already migrated is opened without
        /// waiting for a writer (a read beside an ingest), which a write transaction would.
        /// </summary>
        private static HashSet<string> Applied(SqliteConnection connection)
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
}
