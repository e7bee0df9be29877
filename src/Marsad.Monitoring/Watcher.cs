using System.Collections.Concurrent;
using System.Diagnostics;
using Marsad.Extraction;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Storage;
using Marsad.Tallies;

namespace Marsad.Monitoring;

/// <summary>How the watcher runs: fetch limits, polling policy, how many sources at once, site rules.</summary>
/// <param name="MostItems">Entries followed per poll of a feed: a sitemap of a whole archive is read a slice a round.</param>
public sealed record WatchOptions(FetchLimits Limits, PollingPolicy Policy, int Parallelism = 8, int MostItems = 200, SiteRules? Sites = null)
{
    public static WatchOptions Default { get; } = new(FetchLimits.Default, PollingPolicy.Default);
}

/// <summary>What one round did, over every source it polled.</summary>
public sealed record WatchRound(int Sources, int Failed, int Pages, int Stored, int Duplicates, long Requests, IReadOnlyList<Alert> Alerts);

/// <summary>
/// Polls sources and ingests what they lead to (docs/monitoring.md). A round polls every due
/// source, several at once; each source's answer is compared by content hash (its validators only
/// sent as hints), its entries followed to their pages — an entry seen before with the same feed
/// stamp is not fetched again, and a page two feeds name is fetched once a round — the article read
/// out of each page, recognised when its text or a near copy of it is stored already, and ingested
/// as a document whose id is its canonical URL (an edited text its next version). After the round,
/// the tally before and after it are compared for alerts. A source that fails is logged with its
/// reason and backed off; it never holds up the others.
/// </summary>
public sealed class Watcher(MarsadStore store, ClaimExtractor extractor, HttpFetcher fetcher, WatchOptions options, Action<string>? log = null)
{
    /// <summary>Guards the store: one SQLite connection, many sources at once; the work under it never awaits.</summary>
    private readonly Lock storeTurn = new();

    private SiteRules Sites => options.Sites ?? SiteRules.Default;

    /// <summary>One round over the due sources, or over every source not paused when <paramref name="all"/>.</summary>
    public async Task<WatchRound> RunOnce(bool all = false, CancellationToken cancel = default)
    {
        var now = DateTimeOffset.UtcNow;
        var sources = all ? [.. store.Sources().Where(s => !s.Paused)] : store.DueSources(now);
        var round = new Round();
        var requestsBefore = fetcher.Requests;
        await Parallel.ForEachAsync(sources, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancel },
            async (source, token) => await Poll(source, round, token).ConfigureAwait(false)).ConfigureAwait(false);

        IReadOnlyList<Alert> alerts = [];
        if (round.Before is { } before)
        {
            var after = store.Tally(new TallyFilter()).Tally;
            alerts = store.AddAlerts([.. round.Revisions, .. RecordChanges.Between(before, after, round.NewClaims, DateTimeOffset.UtcNow)]);
        }

        return new WatchRound(sources.Count, round.Failed, round.Pages, round.Stored, round.Duplicates, fetcher.Requests - requestsBefore, alerts);
    }

    /// <summary>Rounds until cancelled: after each, sleeps until the next source is due (at most <paramref name="nap"/>).</summary>
    public async Task Run(TimeSpan nap, Func<WatchRound, Task>? afterRound = null, CancellationToken cancel = default)
    {
        while (!cancel.IsCancellationRequested)
        {
            var round = await RunOnce(cancel: cancel).ConfigureAwait(false);
            if (afterRound is not null)
            {
                await afterRound(round).ConfigureAwait(false);
            }

            var next = store.Sources().Where(s => !s.Paused).Select(s => s.NextFetchAt).DefaultIfEmpty(DateTimeOffset.UtcNow + nap).Min();
            var wait = next - DateTimeOffset.UtcNow;
            await Task.Delay(wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > nap ? nap : wait, cancel).ConfigureAwait(false);
        }
    }

    private async Task Poll(Source source, Round round, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var url = new Uri(source.Url);
        var fetched = await fetcher.Get(url, source.ETag, source.LastModified, cancel).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
        (FetchEvent Event, Source State) result = fetched switch
        {
            FetchFailed failed => (Event(FetchOutcome.Failed, failed.Status, failed.Reason), Failed(source, now)),
            FetchedNotModified => (Event(FetchOutcome.NotModified, 304, "304 not modified"), Polled(source, now, 0, 0)),
            FetchedBody body when ContentHash.Of(body.Body.AsSpan()) == source.ContentHash =>
                (Event(FetchOutcome.Unchanged, body.Status, "the same content as last time (content hash)"), Polled(source, now, 0, 0) with { ETag = body.ETag, LastModified = body.LastModified }),
            FetchedBody body => await Read(source, body, round, now, clock, cancel).ConfigureAwait(false),
            _ => throw new InvalidOperationException(),
        };

        var fetch = result.Event with { Elapsed = clock.Elapsed, Bytes = fetched is FetchedBody b ? b.Body.LongLength : 0 };
        if (fetch.Outcome == FetchOutcome.Failed)
        {
            Interlocked.Increment(ref round.Failed);
        }

        Locked(() => store.RecordFetch(result.State, fetch));
        log?.Invoke($"{source.Name}: {StoreCode(fetch.Outcome)}, {fetch.Reason}");

        FetchEvent Event(FetchOutcome outcome, int? status, string reason) => new(now, outcome, status, reason, 0, 0, 0, 0, TimeSpan.Zero);
    }

    /// <summary>A changed answer: a feed's entries followed, or the page itself read as an article.</summary>
    private async Task<(FetchEvent, Source)> Read(Source source, FetchedBody body, Round round, DateTimeOffset now, Stopwatch clock, CancellationToken cancel)
    {
        var read = FeedReader.Read(body.Body, source.Kind);
        if (read is FeedFailure failure)
        {
            return (new FetchEvent(now, FetchOutcome.Failed, body.Status, failure.Reason, 0, 0, 0, 0, clock.Elapsed), Failed(source, now));
        }

        var items = read is Feed feed ? [.. feed.Items] : new List<FeedItem> { new(body.Url.ToString(), null, null, null, null) };
        if (read is Feed { Sitemaps.Count: > 0 } index)
        {
            items.AddRange(await SitemapItems(index.Sitemaps, body.Url, cancel).ConfigureAwait(false));
        }

        var pages = new List<PageResult>();
        foreach (var item in items.Take(options.MostItems))
        {
            // A page that is the source itself was fetched already: its body is read, not fetched again.
            pages.Add(await Follow(source, item, read is PageRead ? body : null, round, cancel).ConfigureAwait(false));
        }

        var fresh = pages.Count(p => p != PageResult.Seen);
        var stored = pages.Count(p => p == PageResult.Stored);
        var failedPages = pages.Count(p => p == PageResult.Failed);
        var reason = $"{items.Count} entries, {fresh} new or changed, {stored} stored"
            + (failedPages > 0 ? $", {failedPages} pages failed: {round.LastFailure(source.Id)}" : "");
        // A page that failed is tried again next time: the feed is not marked as read until all its pages were.
        var state = failedPages > 0
            ? Polled(source, now, items.Count, fresh)
            : Polled(source, now, items.Count, fresh) with { ContentHash = ContentHash.Of(body.Body.AsSpan()), ETag = body.ETag, LastModified = body.LastModified };
        return (new FetchEvent(now, FetchOutcome.Changed, body.Status, reason, 0, items.Count, fresh, stored, clock.Elapsed), state);
    }

    /// <summary>The entries of the sitemaps a sitemap index names (one level: an index of indexes is not followed further).</summary>
    private async Task<List<FeedItem>> SitemapItems(IReadOnlyList<string> sitemaps, Uri index, CancellationToken cancel)
    {
        var items = new List<FeedItem>();
        foreach (var sitemap in sitemaps)
        {
            if (CanonicalUrl.Of(sitemap, index) is { } url
                && await fetcher.Get(new Uri(url), cancel: cancel).ConfigureAwait(false) is FetchedBody body
                && FeedReader.Read(body.Body, SourceKind.Sitemap) is Feed feed)
            {
                items.AddRange(feed.Items);
            }
        }

        return items;
    }

    private enum PageResult
    {
        Seen,
        Stored,
        Duplicate,
        Failed,
    }

    /// <summary>One entry: skipped when seen with the same stamp, else fetched (once a round), read, recognised or stored.</summary>
    private async Task<PageResult> Follow(Source source, FeedItem item, FetchedBody? fetched, Round round, CancellationToken cancel)
    {
        if (CanonicalUrl.Of(item.Url, new Uri(source.Url)) is not { } url)
        {
            round.Fail(source.Id, $"{item.Url}: not an http(s) address");
            return PageResult.Failed;
        }

        var seen = Locked(() => store.Article(url));
        if (seen is { Outcome: not ArticleOutcome.Failed } && seen.Stamp == item.Stamp && fetched is null)
        {
            return PageResult.Seen;
        }

        var once = round.Once(url, () => Page(source, item, url, fetched, round, cancel));
        return await once.ConfigureAwait(false);
    }

    private async Task<PageResult> Page(Source source, FeedItem item, string url, FetchedBody? fetched, Round round, CancellationToken cancel)
    {
        Interlocked.Increment(ref round.PageCount);
        var page = fetched;
        if (page is null)
        {
            switch (await fetcher.Get(new Uri(url), cancel: cancel).ConfigureAwait(false))
            {
                case FetchedBody body:
                    page = body;
                    break;
                case FetchFailed failed:
                    return await Failure(failed.Reason).ConfigureAwait(false);
                default:
                    return await Failure("304 not modified to an unconditional request").ConfigureAwait(false);
            }
        }

        var (html, encodingError) = PageDecoder.Decode(page.Body, page.ContentType);
        if (html is null)
        {
            return await Failure(encodingError!).ConfigureAwait(false);
        }

        var article = ArticleExtractor.Extract(html, page.Url, Sites.For(page.Url.IdnHost), item, DateTimeOffset.UtcNow);
        if (article is null)
        {
            return await Failure("no article text in the page").ConfigureAwait(false);
        }

        var canonical = article.Canonical is { } own && CanonicalUrl.Of(own, page.Url) is { } ownUrl ? ownUrl : url;
        var fingerprint = TextFingerprint.Of(article.Text);
        var document = new SourceDocument(
            CanonicalUrl.DocumentId(canonical),
            article.Text,
            new DocumentMetadata(article.Title, source.Name, canonical, Lang(article.Lang), article.Published is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : null));
        return Locked(() => Store(source, item, url, canonical, document, fingerprint, round));

        async Task<PageResult> Failure(string reason)
        {
            round.Fail(source.Id, $"{url}: {reason}");
            Locked(() => store.RecordArticle(new SeenArticle(url, source.Id, null, null, 0, "", item.Stamp, ArticleOutcome.Failed, DateTimeOffset.UtcNow)));
            return PageResult.Failed;
        }
    }

    /// <summary>Under the store's turn: the same text or a near copy recognised, else the document stored (a new text of its id, its next version).</summary>
    private PageResult Store(Source source, FeedItem item, string url, string canonical, SourceDocument document, TextFingerprint fingerprint, Round round)
    {
        var now = DateTimeOffset.UtcNow;
        void Seen(string? docId, ArticleOutcome outcome)
        {
            foreach (var address in new[] { url, canonical }.Distinct(StringComparer.Ordinal))
            {
                store.RecordArticle(new SeenArticle(address, source.Id, docId, document.Hash, fingerprint.SimHash, fingerprint.Figures, item.Stamp, outcome, now));
            }
        }

        if (store.WithText(document.Hash) is { } same)
        {
            Seen(same.Document.Id, ArticleOutcome.Duplicate);
            return PageResult.Duplicate;
        }

        if (store.NearCopyOf(fingerprint, canonical) is { } near && near != document.Id)
        {
            Seen(near, ArticleOutcome.NearDuplicate);
            return PageResult.Duplicate;
        }

        round.Before ??= store.Tally(new TallyFilter()).Tally;
        var earlier = store.Document(document.Id) is null ? null : store.Claims(document.Id);
        var ingested = ReportIngest.Run(store, extractor.Extract, [new ReadDocument(document, url)]).Single();
        if (ingested.Failure is { } failure)
        {
            round.Fail(source.Id, $"{url}: {failure.Reason}");
            Seen(document.Id, ArticleOutcome.Failed);
            return PageResult.Failed;
        }

        var outcome = ingested.Outcome;
        var stored = store.WithText(document.Hash)!;
        foreach (var claim in store.Claims(document.Id))
        {
            round.NewClaims.Add(claim.Id);
        }

        if (outcome == IngestOutcome.NewVersion && earlier is not null
            && RecordChanges.Revision(earlier, store.Claims(document.Id), document.Id, stored.Version, now) is { } revision)
        {
            round.Revisions.Add(revision);
        }

        Seen(document.Id, outcome == IngestOutcome.NewVersion ? ArticleOutcome.NewVersion : ArticleOutcome.Stored);
        Interlocked.Increment(ref round.StoredCount);
        log?.Invoke($"{source.Name}: stored {document.Id} (version {stored.Version}, {ingested.Claims} claims)");
        return PageResult.Stored;
    }

    /// <summary>Two-letter codes the extractor knows; a page's "ar-SY" or "en_GB" is its language, anything else is left to detection.</summary>
    private static string? Lang(string? lang) =>
        lang is { Length: >= 2 } && (lang[2..] is "" || lang[2] is '-' or '_') ? lang[..2].ToLowerInvariant() : null;

    private Source Polled(Source source, DateTimeOffset now, int items, int fresh)
    {
        var interval = options.Policy.After(source.Interval, items, fresh);
        var failures = PollingPolicy.Failures(source.Failures, failed: false);
        return source with { Interval = interval, Failures = failures, LastFetchAt = now, NextFetchAt = options.Policy.Next(now, interval, failures) };
    }

    private Source Failed(Source source, DateTimeOffset now)
    {
        var failures = PollingPolicy.Failures(source.Failures, failed: true);
        return source with { Failures = failures, LastFetchAt = now, NextFetchAt = options.Policy.Next(now, source.Interval, failures) };
    }

    private T Locked<T>(Func<T> work)
    {
        lock (storeTurn)
        {
            return work();
        }
    }

    private void Locked(Action work)
    {
        lock (storeTurn)
        {
            work();
        }
    }

    private static string StoreCode(FetchOutcome outcome) => MarsadStore.Code(outcome);

    /// <summary>What a round shares between its sources.</summary>
    private sealed class Round
    {
        private readonly ConcurrentDictionary<string, Lazy<Task<PageResult>>> pages = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<long, string> failures = new();

        public int Failed;
        public int PageCount;
        public int StoredCount;

        /// <summary>The tally before the round's first new document: the "before" of its alerts.</summary>
        public Tally? Before { get; set; }

        public HashSet<string> NewClaims { get; } = new(StringComparer.Ordinal);

        public List<Alert> Revisions { get; } = [];

        public int Pages => PageCount;

        public int Stored => StoredCount;

        public int Duplicates => pages.Values.Count(p => p.IsValueCreated && p.Value.IsCompletedSuccessfully && p.Value.Result == PageResult.Duplicate);

        /// <summary>The page's work, started by the first source that names it this round and awaited by the others.</summary>
        public Task<PageResult> Once(string url, Func<Task<PageResult>> work) => pages.GetOrAdd(url, _ => new Lazy<Task<PageResult>>(work)).Value;

        public void Fail(long source, string reason) => failures[source] = reason;

        public string? LastFailure(long source) => failures.GetValueOrDefault(source);
    }
}
