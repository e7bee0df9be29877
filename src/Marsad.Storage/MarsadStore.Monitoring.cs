using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Marsad.Monitoring;

namespace Marsad.Storage;

/// <summary>Watched sources, their fetch log, the pages read from them, and alerts (docs/monitoring.md).</summary>
public sealed partial class MarsadStore
{
    /// <summary>How many fetch events are kept per source: enough to see a pattern of failures.</summary>
    public const int FetchEventsKept = 20;

    private const string SourceColumns =
        "id, url, name, kind, paused, interval_seconds, next_fetch_at, last_fetch_at, content_hash, etag, last_modified, failures, added_at FROM sources";

    /// <summary>Adds a source, due at once; null when that URL is watched already.</summary>
    public Source? AddSource(string url, string name, SourceKind kind, TimeSpan interval)
    {
        var now = Iso(DateTimeOffset.UtcNow);
        using var insert = Command(
            """
            INSERT INTO sources (url, name, kind, interval_seconds, next_fetch_at, added_at)
            VALUES (@url, @name, @kind, @interval, @now, @now) ON CONFLICT (url) DO NOTHING
            """);
        insert.Bind("@url", url);
        insert.Bind("@name", name);
        insert.Bind("@kind", Code(kind));
        insert.Bind("@interval", (long)interval.TotalSeconds);
        insert.Bind("@now", now);
        return insert.ExecuteNonQuery() == 1 ? FindSource(url) : null;
    }

    /// <summary>Every source, in the order they were added.</summary>
    public IReadOnlyList<Source> Sources()
    {
        using var query = Command($"SELECT {SourceColumns} ORDER BY id");
        return ReadSources(query);
    }

    /// <summary>The sources not paused whose next poll is due by <paramref name="now"/>, the most overdue first.</summary>
    public IReadOnlyList<Source> DueSources(DateTimeOffset now)
    {
        using var query = Command($"SELECT {SourceColumns} WHERE paused = 0 AND next_fetch_at <= @now ORDER BY next_fetch_at, id");
        query.Bind("@now", Iso(now));
        return ReadSources(query);
    }

    /// <summary>A source by its number or its URL; null when there is none.</summary>
    public Source? FindSource(string idOrUrl)
    {
        using var query = Command($"SELECT {SourceColumns} WHERE url = @key OR CAST(id AS TEXT) = @key");
        query.Bind("@key", idOrUrl);
        return ReadSources(query).FirstOrDefault();
    }

    /// <summary>Stops watching a source; its fetch log goes with it, the reports read from it stay.</summary>
    public bool RemoveSource(long id)
    {
        using var delete = Command("DELETE FROM sources WHERE id = @id");
        delete.Bind("@id", id);
        return delete.ExecuteNonQuery() == 1;
    }

    /// <summary>Pauses a source or resumes it (due at once).</summary>
    public void PauseSource(long id, bool paused)
    {
        using var update = Command("UPDATE sources SET paused = @paused, next_fetch_at = CASE WHEN @paused = 1 THEN next_fetch_at ELSE @now END WHERE id = @id");
        update.Bind("@id", id);
        update.Bind("@paused", paused ? 1 : 0);
        update.Bind("@now", Iso(DateTimeOffset.UtcNow));
        update.ExecuteNonQuery();
    }

    /// <summary>Saves a source's state after a poll and logs the poll, keeping the last <see cref="FetchEventsKept"/>.</summary>
    public void RecordFetch(Source source, FetchEvent fetch)
    {
        using var transaction = backend.BeginWrite(connection);
        using (var update = Command(
            """
            UPDATE sources SET interval_seconds = @interval, next_fetch_at = @next, last_fetch_at = @last, content_hash = @hash,
                etag = @etag, last_modified = @modified, failures = @failures WHERE id = @id
            """,
            transaction))
        {
            update.Bind("@id", source.Id);
            update.Bind("@interval", (long)source.Interval.TotalSeconds);
            update.Bind("@next", Iso(source.NextFetchAt));
            update.Bind("@last", Db(source.LastFetchAt is { } last ? Iso(last) : null));
            update.Bind("@hash", Db(source.ContentHash));
            update.Bind("@etag", Db(source.ETag));
            update.Bind("@modified", Db(source.LastModified));
            update.Bind("@failures", source.Failures);
            update.ExecuteNonQuery();
        }

        using (var insert = Command(
            """
            INSERT INTO fetch_events (source_id, at, outcome, status, reason, bytes, items, new_items, stored, elapsed_ms)
            VALUES (@id, @at, @outcome, @status, @reason, @bytes, @items, @new, @stored, @elapsed);
            DELETE FROM fetch_events WHERE source_id = @id AND id <= (SELECT id FROM fetch_events WHERE source_id = @id ORDER BY id DESC LIMIT 1 OFFSET @kept);
            """,
            transaction))
        {
            insert.Bind("@id", source.Id);
            insert.Bind("@at", Iso(fetch.At));
            insert.Bind("@outcome", Code(fetch.Outcome));
            insert.Bind("@status", Db(fetch.Status));
            insert.Bind("@reason", fetch.Reason);
            insert.Bind("@bytes", fetch.Bytes);
            insert.Bind("@items", fetch.Items);
            insert.Bind("@new", fetch.NewItems);
            insert.Bind("@stored", fetch.Stored);
            insert.Bind("@elapsed", (long)fetch.Elapsed.TotalMilliseconds);
            insert.Bind("@kept", FetchEventsKept);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>A source's last polls, the latest first.</summary>
    public IReadOnlyList<FetchEvent> FetchEvents(long sourceId)
    {
        using var query = Command(
            "SELECT at, outcome, status, reason, bytes, items, new_items, stored, elapsed_ms FROM fetch_events WHERE source_id = @id ORDER BY id DESC");
        query.Bind("@id", sourceId);
        using var reader = query.ExecuteReader();
        var events = new List<FetchEvent>();
        while (reader.Read())
        {
            events.Add(new FetchEvent(
                Instant(reader.GetString(0)), Parse<FetchOutcome>(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.GetString(3),
                reader.GetInt64(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7), TimeSpan.FromMilliseconds(reader.GetInt64(8))));
        }

        return events;
    }

    /// <summary>A page the watcher has read, by canonical URL; null when it has not.</summary>
    public SeenArticle? Article(string url)
    {
        using var query = Command("SELECT url, source_id, doc_id, text_hash, simhash, figures, stamp, outcome, seen_at FROM articles WHERE url = @url");
        query.Bind("@url", url);
        using var reader = query.ExecuteReader();
        return reader.Read()
            ? new SeenArticle(
                reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), Text(reader, 2), Text(reader, 3), unchecked((ulong)reader.GetInt64(4)),
                reader.GetString(5), Text(reader, 6), Parse<ArticleOutcome>(reader.GetString(7)), Instant(reader.GetString(8)))
            : null;
    }

    public void RecordArticle(SeenArticle article)
    {
        using var upsert = Command(
            """
            INSERT INTO articles (url, source_id, doc_id, text_hash, simhash, figures, stamp, outcome, seen_at)
            VALUES (@url, @source, @doc, @hash, @simhash, @figures, @stamp, @outcome, @at)
            ON CONFLICT (url) DO UPDATE SET source_id = excluded.source_id, doc_id = coalesce(excluded.doc_id, doc_id),
                text_hash = coalesce(excluded.text_hash, text_hash), simhash = excluded.simhash, figures = excluded.figures,
                stamp = excluded.stamp, outcome = excluded.outcome, seen_at = excluded.seen_at
            """);
        upsert.Bind("@url", article.Url);
        upsert.Bind("@source", Db(article.SourceId));
        upsert.Bind("@doc", Db(article.DocId));
        upsert.Bind("@hash", Db(article.TextHash));
        upsert.Bind("@simhash", unchecked((long)article.SimHash));
        upsert.Bind("@figures", article.Figures);
        upsert.Bind("@stamp", Db(article.Stamp));
        upsert.Bind("@outcome", Code(article.Outcome));
        upsert.Bind("@at", Iso(article.SeenAt));
        upsert.ExecuteNonQuery();
    }

    /// <summary>
    /// The stored report a text is a near copy of (<see cref="TextFingerprint.IsNear"/>), other than
    /// the page at <paramref name="exceptUrl"/>; null when there is none. Only pages stating the same
    /// figures are candidates, found by index, so the look-up does not grow with the store.
    /// </summary>
    public string? NearCopyOf(TextFingerprint fingerprint, string exceptUrl)
    {
        using var query = Command(
            "SELECT simhash, figures, doc_id FROM articles WHERE doc_id IS NOT NULL AND outcome IN ('stored', 'new_version') AND url <> @url AND figures = @figures");
        query.Bind("@url", exceptUrl);
        query.Bind("@figures", fingerprint.Figures);
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            if (fingerprint.IsNear(new TextFingerprint(unchecked((ulong)reader.GetInt64(0)), reader.GetString(1))))
            {
                return reader.GetString(2);
            }
        }

        return null;
    }

    /// <summary>Stores alerts and gives them back with their numbers.</summary>
    public IReadOnlyList<Alert> AddAlerts(IEnumerable<Alert> alerts)
    {
        using var transaction = backend.BeginWrite(connection);
        var stored = new List<Alert>();
        foreach (var alert in alerts)
        {
            using var insert = Command(
                """
                INSERT INTO alerts (kind, series_id, series_label, doc_id, explanation, claims, created_at)
                VALUES (@kind, @series, @label, @doc, @explanation, @claims, @at) RETURNING id
                """,
                transaction);
            insert.Bind("@kind", alert.Kind);
            insert.Bind("@series", Db(alert.SeriesId));
            insert.Bind("@label", Db(alert.SeriesLabel));
            insert.Bind("@doc", alert.DocId);
            insert.Bind("@explanation", alert.Explanation);
            insert.Bind("@claims", JsonSerializer.Serialize(alert.Claims, AlertJson.Options));
            insert.Bind("@at", Iso(alert.At));
            stored.Add(alert with { Id = (long)insert.ExecuteScalar()! });
        }

        transaction.Commit();
        return stored;
    }

    /// <summary>Alerts, the latest first: all, or those raised since a time, of a kind, of a series; at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<Alert> Alerts(DateTimeOffset? since = null, string? kind = null, string? seriesId = null, int limit = -1)
    {
        using var query = Command(
            """
            SELECT id, kind, series_id, series_label, doc_id, explanation, claims, created_at FROM alerts
            WHERE (CAST(@since AS TEXT) IS NULL OR created_at >= @since) AND (CAST(@kind AS TEXT) IS NULL OR kind = @kind) AND (CAST(@series AS TEXT) IS NULL OR series_id = @series)
            ORDER BY id DESC LIMIT @limit
            """);
        query.Bind("@since", Db(since is { } s ? Iso(s) : null));
        query.Bind("@kind", Db(kind));
        query.Bind("@series", Db(seriesId));
        query.Bind("@limit", limit < 0 ? long.MaxValue : limit);
        using var reader = query.ExecuteReader();
        var alerts = new List<Alert>();
        while (reader.Read())
        {
            alerts.Add(new Alert(
                reader.GetInt64(0), reader.GetString(1), Text(reader, 2), Text(reader, 3), reader.GetString(4), reader.GetString(5),
                JsonSerializer.Deserialize<List<AlertClaim>>(reader.GetString(6), AlertJson.Options) ?? [], Instant(reader.GetString(7))));
        }

        return alerts;
    }

    private static List<Source> ReadSources(DbCommand query)
    {
        using var reader = query.ExecuteReader();
        var sources = new List<Source>();
        while (reader.Read())
        {
            sources.Add(new Source(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Parse<SourceKind>(reader.GetString(3)), reader.GetBoolean(4),
                TimeSpan.FromSeconds(reader.GetInt64(5)), Instant(reader.GetString(6)), Text(reader, 7) is { } last ? Instant(last) : null,
                Text(reader, 8), Text(reader, 9), Text(reader, 10), reader.GetDouble(11), Instant(reader.GetString(12))));
        }

        return sources;
    }

    /// <summary>An enum value as the store writes it: snake_case (<c>not_modified</c>, <c>near_duplicate</c>).</summary>
    public static string Code<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static T Parse<T>(string code) where T : struct, Enum => Enum.Parse<T>(code.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);

    private static string Iso(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static class AlertJson
    {
        public static JsonSerializerOptions Options { get; } = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    }
}
