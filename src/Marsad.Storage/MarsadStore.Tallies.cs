using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Marsad.Model;
using Marsad.Tallies;

namespace Marsad.Storage;

/// <summary>
/// The tally kept in the store (docs/tallies.md, <c>007_tallies.sql</c>). Each change that can alter
/// a series — a new document or version, a retraction, a review, a re-extraction — re-reads the
/// mentions of the texts it changed and marks their families (<see cref="SeriesKey.Family"/>) dirty
/// in its own transaction; the dirty families are then tallied again from their mentions, one family
/// at a time, and their series and warnings replace the stored ones. A single change does this before
/// it commits; a batched ingest once at its end (<see cref="RefreshTallies"/>).
/// </summary>
public sealed partial class MarsadStore
{
    /// <summary>
    /// Tallies again every family a change has touched since the last refresh, in one transaction.
    /// An ingest calls this once after its batches; until then a read recomputes what it reads.
    /// </summary>
    public void RefreshTallies()
    {
        using var write = BeginWrite().Begin();
        RefreshDirty(write.Transaction);
        write.Commit();
    }

    /// <summary>After a change outside a batch: its families tallied again before it commits.</summary>
    private void Settle(DbTransaction transaction)
    {
        if (batch is null)
        {
            RefreshDirty(transaction);
        }
    }

    /// <summary>A store made before the tally was kept: every text's mentions read and every family tallied.</summary>
    private void Backfill()
    {
        if (!Pending("tally_backfill"))
        {
            return;
        }

        using var write = BeginWrite().Begin();
        if (!Pending("tally_backfill", write.Transaction))
        {
            return;
        }

        foreach (var hash in Strings("SELECT hash FROM documents ORDER BY seq", write.Transaction))
        {
            IndexText(hash, write.Transaction);
        }

        RefreshDirty(write.Transaction);
        Run("DELETE FROM tally_backfill", write.Transaction);
        write.Commit();
    }

    /// <summary>Every text of a document leaves or enters the record (a new version, a retraction): their families are touched.</summary>
    private void TouchDocument(string id, DbTransaction transaction) => Run(
        "INSERT INTO tally_dirty SELECT DISTINCT family FROM tally_mentions WHERE doc IN (SELECT seq FROM documents WHERE id = @key) ON CONFLICT DO NOTHING",
        transaction, id);

    private void TouchText(string hash, DbTransaction transaction) => Run(
        "INSERT INTO tally_dirty SELECT DISTINCT family FROM tally_mentions WHERE doc = (SELECT seq FROM documents WHERE hash = @key) ON CONFLICT DO NOTHING", transaction, hash);

    /// <summary>
    /// Reads again which claims of one stored text go into series (its reviews applied) and its
    /// breakdown warnings, touching the families it had and has.
    /// </summary>
    private void IndexText(string hash, DbTransaction transaction)
    {
        var doc = Convert.ToInt64(Scalar("SELECT seq FROM documents WHERE hash = @key", transaction, hash), CultureInfo.InvariantCulture);
        var claims = new List<StoredClaim>();
        using (var query = Command($"SELECT {ClaimRows.Columns} FROM {ClaimRows.From} WHERE c.doc = @doc ORDER BY c.ordinal", transaction))
        {
            query.Bind("@doc", doc);
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                claims.Add(new StoredClaim(ClaimRows.Read(reader, Texts), reader.GetInt64(ClaimRows.Count + 2), reader.GetInt32(ClaimRows.Ordinal)));
            }
        }

        IndexClaims(hash, doc, claims, transaction);
    }

    /// <summary>
    /// Which of a stored text's claims, given in order with their rows, go into series (its reviews
    /// applied) and its breakdown warnings, touching the families it had and has.
    /// </summary>
    private void IndexClaims(string hash, long doc, IReadOnlyList<StoredClaim> claims, DbTransaction transaction)
    {
        TouchText(hash, transaction);
        Run("DELETE FROM tally_mentions WHERE doc = @key", transaction, doc);
        Run("DELETE FROM tally_warnings WHERE doc = @key", transaction, doc);
        var reviews = ReviewsInForce(hash);
        var mentions = new List<Mention>();
        var rows = new Dictionary<string, StoredClaim>(StringComparer.Ordinal);
        foreach (var stored in claims)
        {
            if ((reviews.GetValueOrDefault((hash, stored.Claim.Span.Start, stored.Claim.Span.End)) is { } review ? review.Apply(stored.Claim) : stored.Claim) is { } reviewed)
            {
                mentions.Add(new Mention(reviewed, null, null));
                rows[reviewed.Id] = stored;
            }
        }

        var eligible = TallyBuilder.Eligible(mentions);
        using var insert = Command("INSERT INTO tally_mentions (doc, ordinal, family) VALUES (@doc, @ordinal, @family)", transaction);
        insert.Bind("@doc", doc);
        var (ordinal, family) = (insert.Bind("@ordinal", null), insert.Bind("@family", null));
        foreach (var mention in eligible)
        {
            ordinal.Value = rows[mention.Claim.Id].Ordinal;
            family.Value = SeriesKey.Of(mention.Claim).Family.Id;
            insert.ExecuteNonQuery();
        }

        var seq = 0;
        foreach (var warning in TallyBuilder.BreakdownWarnings(eligible))
        {
            InsertWarning(new RankedWarning(warning, TallyPhase.Breakdown, rows[warning.ClaimIds[0]].Rowid, seq++), null, doc, transaction);
        }

        TouchText(hash, transaction);
    }

    /// <summary>A claim as stored: its row and its place among its text's claims.</summary>
    private sealed record StoredClaim(Claim Claim, long Rowid, int Ordinal);

    /// <summary>Tallies every dirty family again from the record's mentions and stores its series and warnings.</summary>
    private void RefreshDirty(DbTransaction transaction)
    {
        var families = Strings("SELECT family FROM tally_dirty", transaction);
        if (families.Count == 0)
        {
            return;
        }

        // The stored series keep claim rowids, not texts: the mentions are read for their figures only.
        using var reading = new MentionReading(this, null, ReviewsInForce(), null);
        using var insert = Command(
            "INSERT INTO tally_series (id, family, category, actor, since, points) VALUES (@id, @family, @category, @actor, @since, @points)", transaction);
        foreach (var family in families)
        {
            Run("DELETE FROM tally_series WHERE family = @key", transaction, family);
            Run("DELETE FROM tally_warnings WHERE family = @key", transaction, family);
            var tallied = TallyFamily(family, reading, transaction);
            foreach (var series in tallied.Series)
            {
                insert.Parameters.Clear();
                insert.Bind("@id", series.Id);
                insert.Bind("@family", family);
                insert.Bind("@category", Codes.Of(series.Key.Category));
                insert.Bind("@actor", Db(series.Key.Actor));
                insert.Bind("@since", Db(series.Key.Since?.ToString()));
                insert.Bind("@points", SeriesRows.Write(series, tallied.Rowids));
                insert.ExecuteNonQuery();
            }

            foreach (var warning in tallied.Warnings)
            {
                InsertWarning(warning, family, null, transaction);
            }
        }

        Run("DELETE FROM tally_dirty", transaction);
    }

    private void InsertWarning(RankedWarning ranked, string? family, long? doc, DbTransaction transaction)
    {
        using var insert = Command(
            """
            INSERT INTO tally_warnings (phase, sort, series_id, seq, family, doc, code, explanation, claim_ids)
            VALUES (@phase, @sort, @series, @seq, @family, @doc, @code, @explanation, @claims)
            """, transaction);
        var warning = ranked.Warning;
        insert.Bind("@phase", (int)ranked.Phase);
        insert.Bind("@sort", ranked.Sort);
        insert.Bind("@series", Db(warning.SeriesId));
        insert.Bind("@seq", ranked.Seq);
        insert.Bind("@family", Db(family));
        insert.Bind("@doc", Db(doc));
        insert.Bind("@code", warning.Code);
        insert.Bind("@explanation", warning.Explanation);
        insert.Bind("@claims", JsonSerializer.Serialize(warning.ClaimIds));
        insert.ExecuteNonQuery();
    }

    /// <summary>The first column of every row a query answers, as text.</summary>
    private List<string> Strings(string sql, DbTransaction? transaction = null)
    {
        using var command = Command(sql, transaction);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private void Run(string sql, DbTransaction transaction, object? key = null)
    {
        using var command = Command(sql, transaction);
        command.Bind("@key", Db(key));
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, DbTransaction transaction, object? key)
    {
        using var command = Command(sql, transaction);
        command.Bind("@key", Db(key));
        return command.ExecuteScalar();
    }
}
