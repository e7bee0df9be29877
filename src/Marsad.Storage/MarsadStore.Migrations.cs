using System.Globalization;
using System.Reflection;
using Marsad.Model;
using Microsoft.Data.Sqlite;

namespace Marsad.Storage;

public sealed partial class MarsadStore
{
    /// <summary>
    /// A store made before <c>008_compact.sql</c>: the texts and quotes its claim rows copied are
    /// found in their documents, and kept only where they are no span of it.
    /// </summary>
    private void CompactBackfill()
    {
        using var write = BeginWrite().Begin();
        var transaction = write.Transaction;
        using (var pending = Command("SELECT 1 FROM compact_backfill", transaction))
        {
            if (pending.ExecuteScalar() is null)
            {
                return;
            }
        }

        using var update = Command("UPDATE claims SET quote_start = $start, quote_end = $end, text = $text, quote = $quote WHERE seq = $seq", transaction);
        foreach (var doc in Strings("SELECT DISTINCT doc FROM claims WHERE text IS NOT NULL OR quote IS NOT NULL ORDER BY doc", transaction))
        {
            var rows = new List<(long Seq, TextSpan Span, string? Text, string? Quote)>();
            using (var query = Command("SELECT seq, span_start, span_end, text, quote FROM claims WHERE doc = $doc", transaction))
            {
                query.Parameters.AddWithValue("$doc", doc);
                using var reader = query.ExecuteReader();
                while (reader.Read())
                {
                    rows.Add((reader.GetInt64(0), new TextSpan(reader.GetInt32(1), reader.GetInt32(2)), Text(reader, 3), Text(reader, 4)));
                }
            }

            var original = Texts.Of(long.Parse(doc, CultureInfo.InvariantCulture));
            foreach (var (seq, span, text, quote) in rows)
            {
                var at = quote is null ? null : ClaimRows.QuoteIn(original, quote, span);
                update.Parameters.Clear();
                update.Parameters.AddWithValue("$seq", seq);
                update.Parameters.AddWithValue("$start", Db(at?.Start));
                update.Parameters.AddWithValue("$end", Db(at?.End));
                update.Parameters.AddWithValue("$text", Db(text is not null && ClaimRows.IsSpanOf(original, text, span) ? null : text));
                update.Parameters.AddWithValue("$quote", Db(at is null ? quote : null));
                update.ExecuteNonQuery();
            }
        }

        Run("DELETE FROM compact_backfill", transaction);
        write.Commit();
    }

    /// <summary>The numbered SQL files embedded from <c>Migrations/</c>, applied once each, in order.</summary>
    private static class Migrations
    {
        public static void Apply(SqliteConnection connection)
        {
            Execute(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
            var assembly = Assembly.GetExecutingAssembly();
            const string prefix = "Marsad.Storage.Migrations.";
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var version = name[prefix.Length..^".sql".Length];
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
    }
}
