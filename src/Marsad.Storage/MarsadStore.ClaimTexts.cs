using System.Globalization;
using Marsad.Model;
using Marsad.Serialization;
using Microsoft.Data.Sqlite;

namespace Marsad.Storage;

/// <summary>Claims written as rows that point into their document's text (<see cref="ClaimRows"/>, <c>008_compact.sql</c>).</summary>
public sealed partial class MarsadStore
{
    /// <summary>The claim insert, prepared once for the store's life: an ingest inserts hundreds of thousands of rows.</summary>
    private SqliteCommand? claimInsert;

    /// <summary>The texts claim rows on this connection point into.</summary>
    private DocumentTexts? texts;

    /// <summary>Stores a text's claims in order and gives them back with their rows, for the tally to index.</summary>
    private List<StoredClaim> InsertClaims(StoredText text, IReadOnlyList<Claim> claims, SqliteTransaction transaction)
    {
        var insert = claimInsert ??= ClaimRows.PrepareInsert(connection);
        insert.Transaction = transaction;
        var stored = new List<StoredClaim>(claims.Count);
        foreach (var claim in claims)
        {
            ClaimRows.Bind(insert, text, stored.Count, claim);
            stored.Add(new StoredClaim(claim, Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture), stored.Count));
        }

        return stored;
    }

    /// <summary>The texts claim rows read on this store's connection point into, in its current transaction.</summary>
    private DocumentTexts Texts => texts ??= new DocumentTexts(connection, () => snapshot ?? batch ?? writing);

    /// <summary>
    /// A store made before <c>008_compact.sql</c>: the texts and quotes its claim rows copied are
    /// found in their documents, and kept only where they are no span of it.
    /// </summary>
    private void CompactBackfill()
    {
        if (!Pending("compact_backfill"))
        {
            return;
        }

        using var write = BeginWrite().Begin();
        var transaction = write.Transaction;
        if (!Pending("compact_backfill", transaction))
        {
            return;
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

    /// <summary>Whether these are the text's stored claims, field for field.</summary>
    private bool AreStored(long doc, IReadOnlyList<Claim> claims, SqliteTransaction transaction)
    {
        using var query = Command($"SELECT {ClaimRows.Columns} FROM {ClaimRows.From} WHERE c.doc = $doc ORDER BY c.ordinal", transaction);
        query.Parameters.AddWithValue("$doc", doc);
        using var rows = query.ExecuteReader();
        var ordinal = 0;
        while (rows.Read())
        {
            if (ordinal >= claims.Count || ClaimJson.ToJson(ClaimRows.Read(rows, Texts)) != ClaimJson.ToJson(claims[ordinal]))
            {
                return false;
            }

            ordinal++;
        }

        return ordinal == claims.Count;
    }
}
