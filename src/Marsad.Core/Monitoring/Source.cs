namespace Marsad.Monitoring;

/// <summary>What a watched URL serves: a feed of links, a sitemap, or a page that is itself an article.</summary>
public enum SourceKind
{
    /// <summary>Told from the first answer: JSON is a JSON Feed, XML by its root element, anything else a page.</summary>
    Auto,
    Rss,
    Atom,
    Json,
    Sitemap,
    Html,
}

/// <summary>
/// A watched source and its polling state: when it was fetched, the hash of what it served (the
/// change test; ETag and Last-Modified are only hints sent back, as some servers keep them after a
/// change), how often it is polled and its failure count, fractional so that one bad answer
/// after many good ones does not back it off as far as a source that is down.
/// </summary>
public sealed record Source(
    long Id,
    string Url,
    string Name,
    SourceKind Kind,
    bool Paused,
    TimeSpan Interval,
    DateTimeOffset NextFetchAt,
    DateTimeOffset? LastFetchAt,
    string? ContentHash,
    string? ETag,
    string? LastModified,
    double Failures,
    DateTimeOffset AddedAt);

/// <summary>How one poll of a source ended.</summary>
public enum FetchOutcome
{
    /// <summary>New content was read (its items followed).</summary>
    Changed,

    /// <summary>The server answered 304 to the conditional request.</summary>
    NotModified,

    /// <summary>The server sent the same bytes again (same content hash), whatever its validators said.</summary>
    Unchanged,

    /// <summary>Nothing usable: the reason says why (status, timeout, size, redirects, bad XML, encoding, robots.txt).</summary>
    Failed,
}

/// <summary>One poll of a source: when, the outcome and its reason, and what it found.</summary>
public sealed record FetchEvent(
    DateTimeOffset At,
    FetchOutcome Outcome,
    int? Status,
    string Reason,
    long Bytes,
    int Items,
    int NewItems,
    int Stored,
    TimeSpan Elapsed);

/// <summary>What the watcher decided about one page it was led to, by canonical URL.</summary>
public enum ArticleOutcome
{
    /// <summary>Stored as a new document.</summary>
    Stored,

    /// <summary>An edited text of a page already stored: the next version of its document.</summary>
    NewVersion,

    /// <summary>The same extracted text is stored already (an aggregator's copy, a re-publication).</summary>
    Duplicate,

    /// <summary>A copy of a stored report with other furniture: near the same words and the same figures.</summary>
    NearDuplicate,

    /// <summary>Not read: the reason is in the source's fetch event; tried again on the next round.</summary>
    Failed,
}

/// <summary>
/// A page the watcher has read, keyed by its canonical URL: the document it went into (or
/// duplicates), the fingerprints of its text, and the feed's stamp for it (updated or published
/// time) — the same stamp on the next round means the page is not fetched again.
/// </summary>
public sealed record SeenArticle(
    string Url,
    long? SourceId,
    string? DocId,
    string? TextHash,
    ulong SimHash,
    string Figures,
    string? Stamp,
    ArticleOutcome Outcome,
    DateTimeOffset SeenAt);
