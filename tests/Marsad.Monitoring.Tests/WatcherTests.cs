using System.Text;
using Marsad.Extraction;
using Marsad.Monitoring;
using Marsad.Storage;
using Marsad.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Marsad.Tests;

/// <summary>The watcher against a loopback news site: what it stores, what it recognises, what it refuses and why.</summary>
public sealed class WatcherTests : IAsyncLifetime, IDisposable
{
    private const string English =
        "Shelling kills 14 civilians in Idlib\nAt least 14 civilians were killed on Monday in shelling on the town of Maarat al-Numan, the observatory said.\nThe dead include 5 children.";

    private const string Arabic =
        "مقتل 9 مدنيين في قصف على ريف حماة\nقتل 9 مدنيين بينهم 3 أطفال جراء قصف على بلدة كفرزيتا في ريف حماة الشمالي.\nوأصيب 20 آخرون بجروح.";

    private readonly TempFolder temp = new();
    private FixtureServer site = null!;
    private MarsadStore store = null!;

    public async Task InitializeAsync()
    {
        site = await FixtureServer.Start();
        store = MarsadStore.Open(temp.Combine("marsad.db"));
    }

    public async Task DisposeAsync() => await site.DisposeAsync();

    public void Dispose()
    {
        store.Dispose();
        temp.Dispose();
    }

    /// <summary>
    /// The fixture on loopback answers at once, but on a loaded machine a fetch has taken over a
    /// second (a page timed out in a first round, then went in beside its copy in the second): the
    /// timeout is generous; the test of timing out sets its own.
    /// </summary>
    private static FetchLimits Limits => new(TimeSpan.FromSeconds(10), 1024 * 1024, 5, TimeSpan.Zero);

    private async Task<WatchRound> Round(FetchLimits? limits = null, SiteRules? sites = null)
    {
        using var fetcher = new HttpFetcher(limits ?? Limits);
        var watcher = new Watcher(store, ClaimExtractor.Default, fetcher, WatchOptions.Default with { Limits = limits ?? Limits, Sites = sites });
        return await watcher.RunOnce(all: true);
    }

    private Source Add(string path, SourceKind kind = SourceKind.Auto) =>
        store.AddSource(site.Url(path).ToString(), path.Trim('/'), kind, TimeSpan.FromMinutes(30))!;

    private FetchEvent LastFetch(Source source) => store.FetchEvents(source.Id)[0];

    private string Page(string path) => site.Url(path).ToString();

    [Fact]
    public async Task Feed_entries_are_followed_and_their_articles_stored_without_the_furniture()
    {
        site.Serve("/news/en-1", "text/html; charset=utf-8", NewsPages.Article(English, "en", "2024-03-04T10:00:00Z"));
        site.Serve("/news/ar-1", "text/html; charset=utf-8", NewsPages.Article(Arabic, "ar", "2024-03-05T08:00:00+03:00"));
        site.Serve("/feed.xml", "application/rss+xml", NewsPages.Rss(
            (Page("/news/en-1?utm_source=rss&utm_medium=feed"), "Shelling", "Mon, 04 Mar 2024 10:00:00 GMT"),
            (Page("/news/ar-1"), "قصف", "Tue, 05 Mar 2024 05:00:00 GMT")));
        var source = Add("/feed.xml");

        var round = await Round();

        Assert.Equal(2, round.Stored);
        Assert.Equal(FetchOutcome.Changed, LastFetch(source).Outcome);
        var english = store.Document(CanonicalUrl.DocumentId(CanonicalUrl.Of(Page("/news/en-1"))!))!;
        Assert.Equal(English, english.Document.Text);
        Assert.Equal(new DateOnly(2024, 3, 4), english.Document.Metadata.Published);
        Assert.Equal("feed.xml", english.Document.Metadata.Source);
        Assert.Equal(Page("/news/en-1"), english.Document.Metadata.Url);
        var arabic = store.Document(CanonicalUrl.DocumentId(Page("/news/ar-1")))!;
        Assert.Equal(Arabic, arabic.Document.Text);
        Assert.DoesNotContain(store.Claims(), c => c.Value is 40 or 900 or 12 or 300 or 45);
    }

    [Fact]
    public async Task A_second_round_with_nothing_new_fetches_no_page_and_adds_nothing()
    {
        site.Serve("/news/1", "text/html", NewsPages.Article(English, "en"));
        site.Serve("/feed", "application/atom+xml", NewsPages.Atom((Page("/news/1"), "Shelling", "2024-03-04T10:00:00Z")));
        var source = Add("/feed");
        await Round();

        var second = await Round();

        Assert.Equal(0, second.Stored);
        Assert.Equal(0, second.Pages);
        Assert.Equal(1, site.Hits("/news/1"));
        Assert.Equal(FetchOutcome.Unchanged, LastFetch(source).Outcome);
        Assert.Equal(1, store.DocumentCount);
    }

    [Fact]
    public async Task A_conditional_GET_answered_304_is_recorded_as_not_modified()
    {
        site.Serve("/news/1", "text/html", NewsPages.Article(English, "en"));
        var feed = Encoding.UTF8.GetBytes(NewsPages.Rss((Page("/news/1"), "Shelling", "Mon, 04 Mar 2024 10:00:00 GMT")));
        site.Serve("/feed", context =>
        {
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }

            context.Response.Headers.ETag = "\"v1\"";
            context.Response.ContentType = "application/rss+xml";
            return context.Response.Body.WriteAsync(feed).AsTask();
        });
        var source = Add("/feed");
        await Round();

        await Round();

        Assert.Equal(FetchOutcome.NotModified, LastFetch(source).Outcome);
        Assert.Equal("\"v1\"", store.FindSource(source.Url)!.ETag);
    }

    [Fact]
    public async Task A_feed_that_keeps_its_ETag_after_changing_is_read_by_its_content()
    {
        site.Serve("/news/1", "text/html", NewsPages.Article(English, "en"));
        site.Serve("/news/2", "text/html", NewsPages.Article(Arabic, "ar"));
        var items = new List<(string, string, string)> { (Page("/news/1"), "Shelling", "Mon, 04 Mar 2024 10:00:00 GMT") };
        site.Serve("/feed", context =>
        {
            // A server that sends the same ETag whatever it serves and ignores If-None-Match.
            context.Response.Headers.ETag = "\"same\"";
            context.Response.ContentType = "application/rss+xml";
            return context.Response.WriteAsync(NewsPages.Rss([.. items]));
        });
        Add("/feed");
        await Round();
        items.Add((Page("/news/2"), "قصف", "Tue, 05 Mar 2024 10:00:00 GMT"));

        var second = await Round();

        Assert.Equal(1, second.Stored);
        Assert.Equal(2, store.DocumentCount);
    }

    [Fact]
    public async Task The_same_text_from_an_aggregator_is_recognised_not_stored_again()
    {
        site.Serve("/news/1", "text/html", NewsPages.Article(English, "en"));
        site.Serve("/aggregator/story-991", "text/html", NewsPages.Article(English, "en", teaserHeading: "Related stories"));
        site.Serve("/feed", "application/rss+xml", NewsPages.Rss((Page("/news/1"), "Shelling", "Mon, 04 Mar 2024 10:00:00 GMT")));
        site.Serve("/agg", "application/rss+xml", NewsPages.Rss((Page("/aggregator/story-991"), "Shelling", "Mon, 04 Mar 2024 11:00:00 GMT")));
        Add("/feed");
        await Round();
        Add("/agg");

        var round = await Round();

        Assert.Equal(0, round.Stored);
        Assert.Equal(1, store.DocumentCount);
        Assert.Equal(ArticleOutcome.Duplicate, store.Article(Page("/aggregator/story-991"))!.Outcome);
    }

    [Fact]
    public async Task A_copy_with_a_credit_line_is_a_near_duplicate_but_a_copy_with_another_figure_is_a_report()
    {
        var report = English + "\nRescue teams searched the rubble of the houses hit in the early hours of the morning for survivors, "
            + "and the wounded were taken to field hospitals in the countryside, some of them in a critical condition, local medics said.";
        site.Serve("/news/1", "text/html", NewsPages.Article(report, "en"));
        site.Serve("/copy", "text/html", NewsPages.Article(report + "\nSource: the observatory.", "en"));
        site.Serve("/changed", "text/html", NewsPages.Article(report.Replace("14 civilians were", "17 civilians were", StringComparison.Ordinal), "en"));
        site.Serve("/feed", "application/rss+xml", NewsPages.Rss((Page("/news/1"), "Shelling", "Mon, 04 Mar 2024 10:00:00 GMT")));
        Add("/feed");
        await Round();
        site.Serve("/feed", "application/rss+xml", NewsPages.Rss(
            (Page("/news/1"), "Shelling", "Mon, 04 Mar 2024 10:00:00 GMT"),
            (Page("/copy"), "Shelling", "Mon, 04 Mar 2024 12:00:00 GMT"),
            (Page("/changed"), "Shelling", "Mon, 04 Mar 2024 13:00:00 GMT")));

        var round = await Round();

        Assert.Equal(ArticleOutcome.NearDuplicate, store.Article(Page("/copy"))!.Outcome);
        Assert.Equal(ArticleOutcome.Stored, store.Article(Page("/changed"))!.Outcome);
        Assert.Equal(1, round.Stored);
    }

    [Fact]
    public async Task An_edited_article_becomes_the_next_version_of_its_document_and_raises_a_revision()
    {
        site.Serve("/news/1", "text/html", NewsPages.Article(English, "en", "2024-03-04T10:00:00Z"));
        site.Serve("/feed", "application/atom+xml", NewsPages.Atom((Page("/news/1"), "Shelling", "2024-03-04T10:00:00Z")));
        Add("/feed");
        await Round();
        site.Serve("/news/1", "text/html", NewsPages.Article(English.Replace("14", "19", StringComparison.Ordinal), "en", "2024-03-04T10:00:00Z"));
        site.Serve("/feed", "application/atom+xml", NewsPages.Atom((Page("/news/1"), "Shelling", "2024-03-04T16:30:00Z")));

        var round = await Round();

        var id = CanonicalUrl.DocumentId(Page("/news/1"));
        Assert.Equal(2, store.Versions(id).Count);
        Assert.Equal(ArticleOutcome.NewVersion, store.Article(Page("/news/1"))!.Outcome);
        var revision = Assert.Single(round.Alerts, a => a.Kind == AlertKinds.Revision);
        Assert.Equal(id, revision.DocId);
        Assert.Contains(revision.Claims, c => c.Figure.Contains("19", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_the_site_names_canonical_is_stored_under_that_address()
    {
        site.Serve("/amp/story", "text/html", NewsPages.Article(English, "en", canonical: Page("/news/story/")));
        site.Serve("/feed", "application/rss+xml", NewsPages.Rss((Page("/amp/story#top"), "Shelling", "Mon, 04 Mar 2024 10:00:00 GMT")));
        Add("/feed");

        await Round();

        Assert.NotNull(store.Document(CanonicalUrl.DocumentId(Page("/news/story"))));
    }

    [Fact]
    public async Task Sitemap_entries_are_followed()
    {
        site.Serve("/2024/03/04/shelling", "text/html", NewsPages.Article(English, "en"));
        site.Serve("/sitemap.xml", "application/xml", NewsPages.Sitemap((Page("/2024/03/04/shelling"), "2024-03-04")));
        Add("/sitemap.xml");

        await Round();

        var stored = store.Document(CanonicalUrl.DocumentId(Page("/2024/03/04/shelling")))!;
        Assert.Equal(new DateOnly(2024, 3, 4), stored.Document.Metadata.Published);
    }

    [Fact]
    public async Task A_page_in_its_declared_legacy_encoding_is_read()
    {
        site.Serve("/legacy", "text/html; charset=windows-1256", Encoding.GetEncoding(1256).GetBytes(NewsPages.Article(Arabic, "ar")));
        Add("/legacy", SourceKind.Html);

        await Round();

        Assert.Equal(Arabic, store.Document(CanonicalUrl.DocumentId(Page("/legacy")))!.Document.Text);
    }

    [Fact]
    public async Task A_page_whose_bytes_are_not_its_declared_charset_is_refused_with_the_reason()
    {
        site.Serve("/news/1", "text/html; charset=utf-8", Encoding.GetEncoding(1256).GetBytes(NewsPages.Article(Arabic, "ar")));
        site.Serve("/feed", "application/rss+xml", NewsPages.Rss((Page("/news/1"), "قصف", "Mon, 04 Mar 2024 10:00:00 GMT")));
        var source = Add("/feed");

        await Round();

        Assert.Equal(0, store.DocumentCount);
        Assert.Contains("bytes that are not utf-8", LastFetch(source).Reason, StringComparison.Ordinal);
        Assert.Equal(ArticleOutcome.Failed, store.Article(Page("/news/1"))!.Outcome);
    }

    [Fact]
    public async Task A_page_that_failed_is_tried_again_though_its_feed_did_not_change()
    {
        var down = true;
        var page = NewsPages.Article(English, "en");
        site.Serve("/news/1", context =>
        {
            context.Response.StatusCode = down ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            context.Response.ContentType = "text/html";
            return down ? Task.CompletedTask : context.Response.WriteAsync(page);
        });
        site.Serve("/feed", "application/rss+xml", NewsPages.Rss((Page("/news/1"), "Shelling", "Mon, 04 Mar 2024 10:00:00 GMT")));
        var source = Add("/feed");
        await Round();
        Assert.Contains("1 pages failed", LastFetch(source).Reason, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", LastFetch(source).Reason, StringComparison.Ordinal);
        down = false;

        var second = await Round();

        Assert.Equal(1, second.Stored);
        Assert.Equal(2, site.Hits("/news/1"));
    }

    [Fact]
    public async Task A_server_error_is_recorded_and_backs_the_source_off()
    {
        site.Serve("/feed", context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        });
        var source = Add("/feed");

        await Round();

        var fetch = LastFetch(source);
        Assert.Equal(FetchOutcome.Failed, fetch.Outcome);
        Assert.Equal(500, fetch.Status);
        Assert.StartsWith("HTTP 500", fetch.Reason, StringComparison.Ordinal);
        var after = store.FindSource(source.Url)!;
        Assert.Equal(1, after.Failures);
        Assert.True(after.NextFetchAt - after.LastFetchAt >= 2 * source.Interval - TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_slow_source_times_out_with_its_reason_and_does_not_hold_up_the_others()
    {
        site.Serve("/slow", async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        site.Serve("/news/1", "text/html", NewsPages.Article(English, "en"));
        site.Serve("/feed", "application/rss+xml", NewsPages.Rss((Page("/news/1"), "Shelling", "Mon, 04 Mar 2024 10:00:00 GMT")));
        var slow = Add("/slow");
        var good = Add("/feed");

        await Round(Limits with { Timeout = TimeSpan.FromMilliseconds(500) });

        Assert.Equal("timed out after 0.5 s", LastFetch(slow).Reason);
        Assert.Equal(FetchOutcome.Changed, LastFetch(good).Outcome);
        Assert.Equal(1, store.DocumentCount);
    }

    [Fact]
    public async Task A_50_MB_body_is_refused_at_the_size_limit_without_reading_it_all()
    {
        site.Serve("/huge", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)' ');
            try
            {
                for (var i = 0; i < 50; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        var source = Add("/huge");

        await Round();

        Assert.Equal("too large: more than 1,048,576 bytes", LastFetch(source).Reason);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_the_body()
    {
        site.Serve("/huge", context =>
        {
            context.Response.ContentLength = 50L * 1024 * 1024;
            return context.Response.Body.FlushAsync();
        });
        var source = Add("/huge");

        await Round();

        Assert.StartsWith("too large: Content-Length 52,428,800 bytes", LastFetch(source).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_loop_is_named_as_one()
    {
        site.Serve("/a", context =>
        {
            context.Response.Redirect("/b");
            return Task.CompletedTask;
        });
        site.Serve("/b", context =>
        {
            context.Response.Redirect("/a");
            return Task.CompletedTask;
        });
        var source = Add("/a");

        await Round();

        Assert.Equal("redirect loop: /a → /b → /a", LastFetch(source).Reason);
    }

    [Fact]
    public async Task Too_many_redirects_are_refused()
    {
        for (var i = 0; i < 10; i++)
        {
            var next = $"/r{i + 1}";
            site.Serve($"/r{i}", context =>
            {
                context.Response.Redirect(next);
                return Task.CompletedTask;
            });
        }

        var source = Add("/r0");

        await Round(Limits with { MaxRedirects = 3 });

        Assert.StartsWith("more than 3 redirects", LastFetch(source).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_XML_is_recorded_with_its_line()
    {
        site.Serve("/feed", "application/rss+xml", "<?xml version=\"1.0\"?>\n<rss><channel>\n<item><link>http://127.0.0.1/x</link></channel></rss>");
        var source = Add("/feed", SourceKind.Rss);

        await Round();

        Assert.StartsWith("invalid XML at line 3", LastFetch(source).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Robots_txt_is_obeyed_and_named_in_the_reason()
    {
        site.Serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        site.Serve("/private/feed", "application/rss+xml", NewsPages.Rss());
        var source = Add("/private/feed");

        await Round();

        Assert.Equal(0, site.Hits("/private/feed"));
        Assert.Contains("robots.txt of 127.0.0.1:", LastFetch(source).Reason, StringComparison.Ordinal);
        Assert.EndsWith("disallows /private/feed", LastFetch(source).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_to_one_host_are_spaced_by_the_politeness_delay()
    {
        for (var i = 0; i < 4; i++)
        {
            site.Serve($"/news/{i}", "text/html", NewsPages.Article(English.Replace("14", (20 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), "en"));
        }

        site.Serve("/feed", "application/rss+xml", NewsPages.Rss([.. Enumerable.Range(0, 4).Select(i => (Page($"/news/{i}"), "x", "Mon, 04 Mar 2024 10:00:00 GMT"))]));
        Add("/feed");

        await Round(Limits with { PerHostDelay = TimeSpan.FromMilliseconds(150) });

        var times = Enumerable.Range(0, 4).SelectMany(i => site.TimesOf($"/news/{i}")).Concat(site.TimesOf("/feed")).Order().ToList();
        Assert.Equal(5, times.Count);
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(140), $"{pair.First:O} then {pair.Second:O}"));
    }

    [Fact]
    public async Task A_page_two_feeds_name_is_fetched_once_a_round()
    {
        site.Serve("/news/1", "text/html", NewsPages.Article(English, "en"));
        site.Serve("/feed-a", "application/rss+xml", NewsPages.Rss((Page("/news/1"), "Shelling", "Mon, 04 Mar 2024 10:00:00 GMT")));
        site.Serve("/feed-b", "application/atom+xml", NewsPages.Atom((Page("/news/1?utm_campaign=b"), "Shelling", "2024-03-04T10:00:00Z")));
        Add("/feed-a");
        Add("/feed-b");

        await Round();

        Assert.Equal(1, site.Hits("/news/1"));
        Assert.Equal(1, store.DocumentCount);
    }

    [Fact]
    public async Task A_site_rule_picks_the_body_a_generic_reading_would_miss()
    {
        // No <article>, and more paragraph text in the sidebar than in the story.
        var html = "<html><body><div class=\"story-x\"><h1>Shelling kills 14 civilians in Idlib</h1><p>At least 14 civilians were killed on Monday.</p></div>"
            + "<div class=\"rail\"><p>Weather: 30 degrees and sunny across the region for the whole of the coming week, with 12 hours of sun a day.</p>"
            + "<p>Markets: 250 points up on the day, the best week in a year for the exchange and its 75 listed firms.</p></div></body></html>";
        site.Serve("/page", "text/html", html);
        Add("/page", SourceKind.Html);
        var rules = temp.File("sites.json", $"{{\"127.0.0.1\": {{\"body\": \".story-x\"}}}}");

        await Round(sites: SiteRules.Read(rules).Rules);

        var text = store.Document(CanonicalUrl.DocumentId(Page("/page")))!.Document.Text;
        Assert.Equal("Shelling kills 14 civilians in Idlib\nAt least 14 civilians were killed on Monday.", text);
    }
}
