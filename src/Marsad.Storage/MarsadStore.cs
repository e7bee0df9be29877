using System.Data.Common;
using System.Globalization;
using Marsad.Extraction;
using Marsad.Model;

namespace Marsad.Storage;

/// <summary>What adding a document did.</summary>
public enum IngestOutcome
{
    /// <summary>A document of a new id: its first version.</summary>
    Added,

    /// <summary>A new text of a stored id: the document's next version, the earlier ones kept.</summary>
    NewVersion,

    /// <summary>The same text is stored already (same content address): nothing was added.</summary>
    AlreadyPresent,
}

/// <summary>Why and by whom a document was taken out of the record; it stays stored.</summary>
public sealed record Retraction(string DocId, string Reason, string By, DateTimeOffset At);

/// <summary>
/// The store: documents addressed by the hash of their text, and their claims, in a SQLite file or a
/// PostgreSQL database (<see cref="StoreBackend"/>: the one place the two differ). Readers work
/// while a writer ingests; each document goes in with its claims
/// in one transaction (or one savepoint of a batch, <see cref="BeginBatch"/>), so a kill mid-ingest
/// loses nothing already committed and leaves no half document. The schema comes from the numbered
/// SQL files in <c>Migrations/&lt;engine&gt;/</c>.
/// </summary>
/// <remarks>
/// A document is its id and a version (<see cref="DocumentVersions"/>): a new text under a stored id
/// is its next version, the earlier ones kept — a recorder who receives a corrected report must not
/// lose the first. The <em>record</em> — what tallies, checks, claim lists and exports read — is the
/// latest version of every document not retracted.
/// </remarks>
public sealed partial class MarsadStore : IDisposable
{
    private const int MostReadSlices = 4;

    private readonly StoreBackend backend;

    private readonly DbConnection connection;

    private readonly bool pooled;

    private MarsadStore(StoreBackend backend, bool pooled)
    {
        this.backend = backend;
        this.pooled = pooled;
        connection = backend.Connect(pooled);
    }

    /// <summary>
    /// The store at <paramref name="target"/> — a SQLite file's path, or a PostgreSQL database's
    /// URL <c>postgresql://USER@HOST:PORT/DB</c> — made or brought up to date by its migrations.
    /// </summary>
    public static MarsadStore Open(string target)
    {
        var store = new MarsadStore(StoreBackend.For(target), pooled: false);
        try
        {
            store.backend.Migrate(store.connection);
            if (store.backend.MayBeOlder)
            {
                store.CompactBackfill();
                store.Backfill();
            }
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return store;
    }

    /// <summary>
    /// A store a server has already opened with <see cref="Open"/>, for one request: its connection
    /// comes from the pool and no migration is checked again.
    /// </summary>
    public static MarsadStore OpenMigrated(string target) => new(StoreBackend.For(target), pooled: true);

    /// <summary>Whether a target names a database server (a <c>postgresql://</c> URL) rather than a file.</summary>
    public static bool IsServer(string target) => PostgreSqlBackend.IsUrl(target);

    /// <summary>A target as a person may read it: a path, or a URL without its password.</summary>
    public static string Describe(string target)
    {
        try
        {
            return StoreBackend.For(target).Where;
        }
        catch (UriFormatException)
        {
            return "a malformed database URL";
        }
    }

    /// <summary>
    /// A number that changes whenever another connection — a request, a CLI run in another
    /// process — commits a change to the store: a key for caching what is computed from it. A
    /// connection that only asks this never changes it itself.
    /// </summary>
    public long ChangesSeen() => backend.ChangesSeen(connection);

    private const string DocumentFilter =
        "(CAST(@search AS TEXT) IS NULL OR instr(d.id, @search) > 0 OR instr(coalesce(d.title, ''), @search) > 0 "
        + "OR instr(coalesce(d.source, ''), @search) > 0 OR instr(document_text(d.text), @search) > 0)";

    /// <summary>The latest version of each document id.</summary>
    private const string Latest = "d.version = (SELECT max(version) FROM documents WHERE id = d.id)";

    /// <summary>The numbers of the texts in the record: the latest version of each document not retracted.</summary>
    private const string RecordTexts =
        $"SELECT seq FROM documents d WHERE {Latest} AND NOT EXISTS (SELECT 1 FROM retractions WHERE doc_id = d.id)";

    private const string StoredColumns =
        "d.id, d.text, d.title, d.source, d.url, d.lang, d.published, d.ingested_at, d.published_inferred, d.published_how, d.version, "
        + "(SELECT max(version) FROM documents WHERE id = d.id), r.doc_id, r.reason, r.retracted_by, r.retracted_at "
        + "FROM documents d LEFT JOIN retractions r ON r.id = (SELECT max(id) FROM retractions WHERE doc_id = d.id)";

    /// <summary>How many documents (ids) are stored, whatever their versions.</summary>
    public int DocumentCount => Count("SELECT count(DISTINCT id) FROM documents");

    /// <summary>How many documents <see cref="Documents"/> would list with this search.</summary>
    public int CountDocuments(string? search)
    {
        using var command = Command($"SELECT count(*) FROM documents d WHERE {Latest} AND {DocumentFilter}");
        command.Bind("@search", Db(search));
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public int ClaimCount => Count("SELECT count(*) FROM claims");

    /// <summary>
    /// Stores a text under its id: the first version of a new id, the next version of a stored one,
    /// or nothing when the same text is stored already. Its claims get the ids of that version.
    /// With no <paramref name="extraction"/> (<c>ingest --defer</c>) the text is stored without claims
    /// and its extraction queued in the same write (<see cref="Enqueue"/>), for <c>marsad worker</c>.
    /// </summary>
    public IngestOutcome AddDocument(SourceDocument document, ExtractionResult? extraction, string extractorVersion)
    {
        using var write = BeginWrite().Begin();
        var transaction = write.Transaction;
        using (var exists = Command("SELECT 1 FROM documents WHERE hash = @hash", transaction))
        {
            exists.Bind("@hash", document.Hash);
            if (exists.ExecuteScalar() is not null)
            {
                return IngestOutcome.AlreadyPresent;
            }
        }

        using (var insert = Command(
            """
            INSERT INTO documents (hash, id, version, text, title, source, url, lang, published, published_inferred, published_how, ingested_at, extractor_version)
            VALUES (@hash, @id, (SELECT coalesce(max(version), 0) + 1 FROM documents WHERE id = @id), @text, @title, @source, @url, @lang,
                    @published, @published_inferred, @published_how, @ingested_at, @extractor_version)
            RETURNING seq, version
            """,
            transaction))
        {
            var m = document.Metadata;
            insert.Bind("@hash", document.Hash);
            insert.Bind("@id", document.Id);
            insert.Bind("@text", backend.StoredText(document.Text));
            insert.Bind("@title", Db(m.Title));
            insert.Bind("@source", Db(m.Source));
            insert.Bind("@url", Db(m.Url));
            insert.Bind("@lang", Db(m.Lang ?? extraction?.Language));
            insert.Bind("@published", Db(m.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            insert.Bind("@published_inferred", Db(Iso(extraction?.Publication is { IsInferred: true } inferred ? inferred.Date : null)));
            insert.Bind("@published_how", Db(extraction?.Publication.How));
            insert.Bind("@ingested_at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            insert.Bind("@extractor_version", Db(extraction is null ? null : extractorVersion));
            StoredText stored;
            using (var returned = insert.ExecuteReader())
            {
                returned.Read();
                stored = new StoredText(returned.GetInt64(0), document.Id, returned.GetInt32(1), document.Text);
            }

            var version = stored.Version;
            List<StoredClaim> claims = [];
            if (extraction is null)
            {
                Enqueue(stored.Seq, transaction);
            }
            else
            {
                claims = InsertClaims(stored, DocumentVersions.Number(extraction.Claims, version), transaction);
            }

            TouchDocument(document.Id, transaction);
            IndexClaims(document.Hash, stored.Seq, claims, transaction);
            Settle(transaction);
            write.Commit();
            return version == 1 ? IngestOutcome.Added : IngestOutcome.NewVersion;
        }
    }

    /// <summary>
    /// Replaces a stored text's claims with a new extraction, numbered for its version, in one
    /// transaction; the text stays as it was. An extraction that changes nothing writes nothing
    /// (false), so readers' snapshots and caches stay valid through a re-extraction by the same extractor.
    /// </summary>
    public bool ReplaceClaims(SourceDocument document, ExtractionResult extraction, string extractorVersion)
    {
        using var write = BeginWrite().Begin();
        var transaction = write.Transaction;
        StoredText text;
        using (var stored = Command("SELECT seq, id, version, published_inferred, published_how, extractor_version, text FROM documents WHERE hash = @hash", transaction))
        {
            stored.Bind("@hash", document.Hash);
            using var reader = stored.ExecuteReader();
            if (!reader.Read())
            {
                return false;
            }

            text = new StoredText(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), TextColumn.Read(reader, 6));
            var samePublication = Text(reader, 3) == Iso(extraction.Publication.IsInferred ? extraction.Publication.Date : null)
                && Text(reader, 4) == extraction.Publication.How;
            var sameExtractor = Text(reader, 5) == extractorVersion;
            reader.Close();
            if (samePublication && sameExtractor && AreStored(text.Seq, DocumentVersions.Number(extraction.Claims, text.Version), transaction))
            {
                return false;
            }
        }

        using (var delete = Command("DELETE FROM claims WHERE doc = @doc", transaction))
        {
            delete.Bind("@doc", text.Seq);
            delete.ExecuteNonQuery();
        }

        using (var update = Command(
            "UPDATE documents SET published_inferred = @inferred, published_how = @how, extractor_version = @extractor_version WHERE seq = @doc", transaction))
        {
            update.Bind("@doc", text.Seq);
            update.Bind("@inferred", Db(Iso(extraction.Publication.IsInferred ? extraction.Publication.Date : null)));
            update.Bind("@how", extraction.Publication.How);
            update.Bind("@extractor_version", extractorVersion);
            update.ExecuteNonQuery();
        }

        var claims = InsertClaims(text, DocumentVersions.Number(extraction.Claims, text.Version), transaction);
        IndexClaims(document.Hash, text.Seq, claims, transaction);
        Settle(transaction);
        write.Commit();
        return true;
    }

    /// <summary>
    /// Takes a document — every version of its id — out of the record: tallies, checks and claim
    /// lists leave it out from now on; it stays stored and readable. Null when there is no such document.
    /// </summary>
    public Retraction? Retract(string id, string reason, string by)
    {
        using var write = BeginWrite().Begin();
        using var insert = Command(
            """
            INSERT INTO retractions (doc_id, reason, retracted_by, retracted_at)
            SELECT @id, @reason, @by, @at WHERE EXISTS (SELECT 1 FROM documents WHERE id = @id)
            """, write.Transaction);
        var at = DateTimeOffset.UtcNow;
        insert.Bind("@id", id);
        insert.Bind("@reason", reason);
        insert.Bind("@by", by);
        insert.Bind("@at", at.ToString("O", CultureInfo.InvariantCulture));
        if (insert.ExecuteNonQuery() != 1)
        {
            return null;
        }

        TouchDocument(id, write.Transaction);
        Settle(write.Transaction);
        write.Commit();
        return new Retraction(id, reason, by, at);
    }

    /// <summary>Every retraction, oldest first: the audit log of documents taken out of the record.</summary>
    public IReadOnlyList<Retraction> Retractions()
    {
        using var query = Command("SELECT doc_id, reason, retracted_by, retracted_at FROM retractions ORDER BY id");
        using var reader = query.ExecuteReader();
        var retractions = new List<Retraction>();
        while (reader.Read())
        {
            retractions.Add(new Retraction(reader.GetString(0), reader.GetString(1), reader.GetString(2), Instant(reader.GetString(3))));
        }

        return retractions;
    }

    /// <summary>How many claims each stored text (by its hash) has.</summary>
    public Dictionary<string, int> ClaimCounts()
    {
        using var query = Command("SELECT d.hash, count(*) FROM claims c JOIN documents d ON d.seq = c.doc GROUP BY d.seq");
        using var reader = query.ExecuteReader();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    /// <summary>
    /// Claims in document and text order: of the record (the latest version of each document not
    /// retracted), or of one document — its latest version or <paramref name="version"/> — and of one category.
    /// </summary>
    public IReadOnlyList<Claim> Claims(string? docId = null, Category? category = null, int? version = null) =>
        [.. StoredClaims(docId, category, version).Select(c => c.Claim)];

    /// <summary>The record's claims with a warning of their own (CODEBOOK §6), in document and text order, read as they are used.</summary>
    public IEnumerable<Claim> WarnedClaims() => StoredClaims(null, null, null, warned: true).Select(c => c.Claim);

    /// <summary>Claims with the hash of the text they were read from and the extractor's version, in document and text order.</summary>
    private IEnumerable<(Claim Claim, string Hash, string ExtractorVersion)> StoredClaims(string? docId, Category? category, int? version, bool warned = false)
    {
        using var query = Command(
            $"""
            SELECT {ClaimRows.Columns} FROM {ClaimRows.From}
            WHERE c.doc IN (
                SELECT seq FROM documents WHERE id = @doc AND version = coalesce(CAST(@version AS INTEGER), (SELECT max(version) FROM documents WHERE id = @doc))
                UNION ALL {RecordTexts} AND CAST(@doc AS TEXT) IS NULL)
              AND (CAST(@category AS TEXT) IS NULL OR c.category = @category) AND (@warned = 0 OR c.warnings IS NOT NULL)
            ORDER BY coalesce(c.doc_id, d.id), c.ordinal
            """);
        query.Bind("@warned", warned ? 1 : 0);
        query.Bind("@doc", Db(docId));
        query.Bind("@version", Db(version));
        query.Bind("@category", Db(category is { } c ? Codes.Of(c) : null));
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            yield return (ClaimRows.Read(reader, Texts), reader.GetString(ClaimRows.Count), reader.GetString(ClaimRows.Count + 1));
        }
    }

    /// <summary>
    /// Copies the store into a new file at <paramref name="path"/> while others go on reading and
    /// writing it: SQLite's online backup copies the store as it was at one moment, so the copy never
    /// holds half a document, and writers are not stopped (WAL).
    /// </summary>
    public void BackupTo(string path) => backend.Backup(connection, path);

    public void Dispose()
    {
        snapshot?.Dispose();
        batch?.Dispose();
        claimInsert?.Dispose();
        texts?.Dispose();
        connection.Dispose();
    }

    private DbCommand Command(string sql, DbTransaction? transaction = null)
    {
        var command = backend.Command(connection);
        command.CommandText = sql;
        command.Transaction = transaction ?? snapshot ?? batch ?? writing;
        return command;
    }

    private int Count(string sql)
    {
        using var command = Command(sql);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    internal static object Db(object? value) => value ?? DBNull.Value;

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    internal static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
