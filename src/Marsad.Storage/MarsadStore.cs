using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Marsad.Extraction;
using Marsad.Model;
using Marsad.Tallies;
using Marsad.Time;
using Marsad.Serialization;
using Microsoft.Data.Sqlite;

namespace Marsad.Storage;

/// <summary>What adding a document did.</summary>
public enum IngestOutcome
{
    Added,

    /// <summary>The same text is stored already (same content address): nothing was added.</summary>
    AlreadyPresent,
}

/// <summary>A stored document, when it was published (given or inferred, and how), and when it was ingested.</summary>
public sealed record StoredDocument(SourceDocument Document, PublicationDate Publication, DateTimeOffset IngestedAt);

/// <summary>
/// The embedded SQLite store: documents addressed by the hash of their text, and their claims.
/// WAL journaling lets readers work while a writer ingests; each document goes in with its claims
/// in one transaction, so a kill mid-ingest loses nothing already committed and leaves no half
/// document. The schema comes from the numbered SQL files in <c>Migrations/</c>.
/// </summary>
/// <remarks>
/// Two files with the same id but different texts are both kept (the id is not the key; the text
/// is): a recorder who receives a corrected version of a report must not lose the first one.
/// </remarks>
public sealed partial class MarsadStore : IDisposable
{
    private const int MostReadSlices = 4;

    private readonly SqliteConnection connection;

    private MarsadStore(SqliteConnection connection) => this.connection = connection;

    public static MarsadStore Open(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;");
        Migrations.Apply(connection);
        return new MarsadStore(connection);
    }

    /// <summary>
    /// A store a server has already opened with <see cref="Open"/>, for one request: its connection
    /// comes from the pool and no migration is checked again.
    /// </summary>
    public static MarsadStore OpenMigrated(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
        return new MarsadStore(connection);
    }

    /// <summary>
    /// A number that changes whenever another connection — a request, a CLI run in another
    /// process — commits a change to the store (SQLite's <c>data_version</c>): a key for caching
    /// what is computed from it. A connection that only asks this never changes it itself.
    /// </summary>
    public long ChangesSeen()
    {
        using var query = Command("PRAGMA data_version");
        return (long)query.ExecuteScalar()!;
    }

    private const string DocumentFilter =
        "($id IS NULL OR id = $id) AND ($search IS NULL OR instr(id, $search) > 0 OR instr(coalesce(title, ''), $search) > 0 "
        + "OR instr(coalesce(source, ''), $search) > 0 OR instr(text, $search) > 0)";

    public int DocumentCount => Count("SELECT count(*) FROM documents");

    /// <summary>How many documents <see cref="Documents"/> would list with this search.</summary>
    public int CountDocuments(string? search)
    {
        using var command = Command($"SELECT count(*) FROM documents WHERE {DocumentFilter}");
        command.Parameters.AddWithValue("$id", DBNull.Value);
        command.Parameters.AddWithValue("$search", Db(search));
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public int ClaimCount => Count("SELECT count(*) FROM claims");

    public IngestOutcome AddDocument(SourceDocument document, ExtractionResult extraction, string extractorVersion)
    {
        using var transaction = connection.BeginTransaction();
        using (var exists = Command("SELECT 1 FROM documents WHERE hash = $hash", transaction))
        {
            exists.Parameters.AddWithValue("$hash", document.Hash);
            if (exists.ExecuteScalar() is not null)
            {
                return IngestOutcome.AlreadyPresent;
            }
        }

        using (var insert = Command(
            """
            INSERT INTO documents (hash, id, text, title, source, url, lang, published, published_inferred, published_how, ingested_at)
            VALUES ($hash, $id, $text, $title, $source, $url, $lang, $published, $published_inferred, $published_how, $ingested_at)
            """,
            transaction))
        {
            var m = document.Metadata;
            insert.Parameters.AddWithValue("$hash", document.Hash);
            insert.Parameters.AddWithValue("$id", document.Id);
            insert.Parameters.AddWithValue("$text", document.Text);
            insert.Parameters.AddWithValue("$title", Db(m.Title));
            insert.Parameters.AddWithValue("$source", Db(m.Source));
            insert.Parameters.AddWithValue("$url", Db(m.Url));
            insert.Parameters.AddWithValue("$lang", Db(m.Lang ?? extraction.Language));
            insert.Parameters.AddWithValue("$published", Db(m.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            insert.Parameters.AddWithValue("$published_inferred", Db(Iso(extraction.Publication.IsInferred ? extraction.Publication.Date : null)));
            insert.Parameters.AddWithValue("$published_how", extraction.Publication.How);
            insert.Parameters.AddWithValue("$ingested_at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            insert.ExecuteNonQuery();
        }

        InsertClaims(document, extraction.Claims, extractorVersion, transaction);
        transaction.Commit();
        return IngestOutcome.Added;
    }

    /// <summary>
    /// Replaces a document's claims with a new extraction, in one transaction; its text stays as
    /// it was. An extraction that changes nothing writes nothing (false), so readers' snapshots
    /// and caches stay valid through a re-extraction by the same extractor.
    /// </summary>
    public bool ReplaceClaims(SourceDocument document, ExtractionResult extraction, string extractorVersion)
    {
        using var transaction = connection.BeginTransaction();
        if (IsStored(document.Hash, extraction, extractorVersion, transaction))
        {
            return false;
        }

        using (var delete = Command("DELETE FROM claims WHERE doc_hash = $hash", transaction))
        {
            delete.Parameters.AddWithValue("$hash", document.Hash);
            delete.ExecuteNonQuery();
        }

        using (var update = Command("UPDATE documents SET published_inferred = $inferred, published_how = $how WHERE hash = $hash", transaction))
        {
            update.Parameters.AddWithValue("$hash", document.Hash);
            update.Parameters.AddWithValue("$inferred", Db(Iso(extraction.Publication.IsInferred ? extraction.Publication.Date : null)));
            update.Parameters.AddWithValue("$how", extraction.Publication.How);
            update.ExecuteNonQuery();
        }

        InsertClaims(document, extraction.Claims, extractorVersion, transaction);
        transaction.Commit();
        return true;
    }

    /// <summary>Whether the text's stored claims, extractor and inferred publication are those of this extraction.</summary>
    private bool IsStored(string hash, ExtractionResult extraction, string extractorVersion, SqliteTransaction transaction)
    {
        using (var document = Command("SELECT published_inferred, published_how FROM documents WHERE hash = $hash", transaction))
        {
            document.Parameters.AddWithValue("$hash", hash);
            using var reader = document.ExecuteReader();
            if (!reader.Read() || Text(reader, 0) != Iso(extraction.Publication.IsInferred ? extraction.Publication.Date : null)
                || Text(reader, 1) != extraction.Publication.How)
            {
                return false;
            }
        }

        using var claims = Command($"SELECT {ClaimRows.Columns}, extractor_version FROM claims WHERE doc_hash = $hash ORDER BY ordinal", transaction);
        claims.Parameters.AddWithValue("$hash", hash);
        using var rows = claims.ExecuteReader();
        var ordinal = 0;
        while (rows.Read())
        {
            if (ordinal >= extraction.Claims.Count || rows.GetString(ClaimRows.Count) != extractorVersion
                || ClaimJson.ToJson(ClaimRows.Read(rows)) != ClaimJson.ToJson(extraction.Claims[ordinal]))
            {
                return false;
            }

            ordinal++;
        }

        return ordinal == extraction.Claims.Count;
    }

    /// <summary>
    /// Stored documents in id order: all, or those with an id, or those whose id, title, source or
    /// text contains <paramref name="search"/>; a page of them with <paramref name="offset"/> and <paramref name="limit"/>.
    /// </summary>
    public IEnumerable<StoredDocument> Documents(string? id = null, string? search = null, int offset = 0, int limit = -1)
    {
        using var query = Command(
            $"""
            SELECT id, text, title, source, url, lang, published, ingested_at, published_inferred, published_how FROM documents
            WHERE {DocumentFilter} ORDER BY id, hash LIMIT $limit OFFSET $offset
            """);
        query.Parameters.AddWithValue("$id", Db(id));
        query.Parameters.AddWithValue("$search", Db(search));
        query.Parameters.AddWithValue("$limit", limit);
        query.Parameters.AddWithValue("$offset", offset);
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            var metadata = new DocumentMetadata(
                Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5),
                Text(reader, 6) is { } published ? DateOnly.ParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null);
            var publication = metadata.Published is { } given
                ? PublicationDate.Given(given)
                : new PublicationDate(Text(reader, 8) is { } inferred ? DateOnly.ParseExact(inferred, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null, Text(reader, 9) ?? "unknown");
            yield return new StoredDocument(
                new SourceDocument(reader.GetString(0), reader.GetString(1), metadata),
                publication,
                DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture));
        }
    }

    /// <summary>How many claims each stored document id has.</summary>
    public Dictionary<string, int> ClaimCounts()
    {
        using var query = Command("SELECT doc_id, count(*) FROM claims GROUP BY doc_id");
        using var reader = query.ExecuteReader();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    /// <summary>Stored claims in document and text order, optionally of one document id or category.</summary>
    public IReadOnlyList<Claim> Claims(string? docId = null, Category? category = null) =>
        [.. StoredClaims(docId, category).Select(c => c.Claim)];

    /// <summary>Claims with the hash of the text they were read from, in document and text order.</summary>
    private IEnumerable<(Claim Claim, string Hash)> StoredClaims(string? docId, Category? category)
    {
        using var query = Command(
            $"""
            SELECT {ClaimRows.Columns}, doc_hash FROM claims
            WHERE ($doc IS NULL OR doc_id = $doc) AND ($category IS NULL OR category = $category)
            ORDER BY doc_id, doc_hash, ordinal
            """);
        query.Parameters.AddWithValue("$doc", Db(docId));
        query.Parameters.AddWithValue("$category", Db(category is { } c ? ClaimJson.Code(c) : null));
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            yield return (ClaimRows.Read(reader), reader.GetString(ClaimRows.Count));
        }
    }

    /// <summary>
    /// Every stored claim as reviewed — a rejected claim left out, a corrected one with its
    /// corrections — with its report's publication date (given, else inferred) and source: what a
    /// tally is built from.
    /// </summary>
    public IReadOnlyList<Mention> Mentions()
    {
        using var read = ReadSnapshot();
        var reviews = ReviewsInForce();
        // Documents first, in their own query: their columns after the text would make a join walk
        // every report's text once per claim.
        var reports = new Dictionary<string, (DateOnly? Published, string? Source)>(StringComparer.Ordinal);
        using (var documents = Command("SELECT hash, coalesce(published, published_inferred), source FROM documents"))
        using (var reader = documents.ExecuteReader())
        {
            while (reader.Read())
            {
                var published = Text(reader, 1) is { } day ? DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
                reports[reader.GetString(0)] = (published, Text(reader, 2));
            }
        }

        // In storage order: the tally orders what it needs itself.
        // Reading a row costs far more than finding it, so the table is read in slices of rowids,
        // one a core, each on its own connection (WAL lets readers share the file). A slice whose
        // connection sees another commit than this one's snapshot is not used: the whole table is
        // then read here, so a tally never mixes two states of the store.
        var generation = Generation(connection, snapshot);
        var (first, last) = RowidRange();
        var slices = Math.Clamp(Environment.ProcessorCount, 1, MostReadSlices);
        var width = ((last - first) / slices) + 1;
        var parts = new List<Mention>[slices];
        var sameSnapshot = true;
        Parallel.For(0, slices, slice =>
        {
            using var reader = new SqliteConnection(connection.ConnectionString);
            reader.Open();
            using var transaction = reader.BeginTransaction(deferred: true);
            if (Generation(reader, transaction) != generation)
            {
                sameSnapshot = false;
                return;
            }

            using var query = reader.CreateCommand();
            query.Transaction = transaction;
            query.CommandText = $"SELECT {ClaimRows.Columns}, doc_hash FROM claims WHERE rowid >= $from AND rowid < $to";
            query.Parameters.AddWithValue("$from", first + (slice * width));
            query.Parameters.AddWithValue("$to", first + ((slice + 1) * width));
            parts[slice] = ReadMentions(query, reports, reviews);
        });
        if (!sameSnapshot)
        {
            using var all = Command($"SELECT {ClaimRows.Columns}, doc_hash FROM claims");
            return ReadMentions(all, reports, reviews);
        }

        return [.. parts.SelectMany(p => p)];
    }

    private static List<Mention> ReadMentions(
        SqliteCommand query, Dictionary<string, (DateOnly? Published, string? Source)> reports, Dictionary<(string Hash, int Start, int End), Reviews.Review> reviews)
    {
        using var rows = query.ExecuteReader();
        var part = new List<Mention>();
        while (rows.Read())
        {
            var hash = rows.GetString(ClaimRows.Count);
            var (published, source) = reports[hash];
            var claim = ClaimRows.Read(rows);
            if (reviews.Count > 0 && reviews.TryGetValue((hash, claim.Span.Start, claim.Span.End), out var review))
            {
                claim = review.Apply(claim);
            }

            if (claim is not null)
            {
                part.Add(new Mention(claim, published, source));
            }
        }

        return part;
    }

    private (long First, long Last) RowidRange()
    {
        using var range = Command("SELECT coalesce(min(rowid), 0), coalesce(max(rowid), 0) FROM claims");
        using var reader = range.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public void Dispose()
    {
        snapshot?.Dispose();
        connection.Dispose();
    }

    private void InsertClaims(SourceDocument document, IReadOnlyList<Claim> claims, string extractorVersion, SqliteTransaction transaction)
    {
        using var insert = Command(ClaimRows.Insert, transaction);
        var ordinal = 0;
        foreach (var claim in claims)
        {
            insert.Parameters.Clear();
            ClaimRows.Bind(insert, document.Hash, ordinal++, claim, extractorVersion);
            insert.ExecuteNonQuery();
        }
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction ?? snapshot;
        return command;
    }

    private int Count(string sql)
    {
        using var command = Command(sql);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static object Db(object? value) => value ?? DBNull.Value;

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

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
