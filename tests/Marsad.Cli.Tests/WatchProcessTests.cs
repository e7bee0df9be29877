using System.Text.Json;
using Marsad.Tests.Support;
using static Marsad.Tests.Support.MarsadProcess;

namespace Marsad.Tests;

/// <summary>
/// Monitoring as a user runs it: <c>marsad sources add</c>, <c>marsad watch --once</c> and
/// <c>marsad alerts</c> as processes, against a news site on loopback whose feed links to seed
/// reports (read from ../shared at test time) wrapped in site furniture.
/// </summary>
public sealed class WatchProcessTests : IAsyncLifetime, IDisposable
{
    private const string First = "000_056f64d75c95e8c1";
    private const string Second = "001_a1ff52ee2d0b606e";
    private const string Later = "004_ae0935a9256ad8c4";

    private readonly TempFolder temp = new();
    private FixtureServer site = null!;

    private string Database => temp.Combine("watched.db");

    public async Task InitializeAsync() => site = await FixtureServer.Start();

    public async Task DisposeAsync() => await site.DisposeAsync();

    public void Dispose() => temp.Dispose();

    private string Page(string path) => site.Url(path).ToString();

    [Fact]
    public void Watching_a_feed_of_two_seed_reports_stores_them_once_and_a_falling_total_raises_an_alert()
    {
        site.Serve("/news/first", "text/html; charset=utf-8", NewsPages.Article(NewsPages.Seed(First), "ar", "2019-01-25T12:00:00+03:00"));
        site.Serve("/news/second", "text/html; charset=utf-8", NewsPages.Article(NewsPages.Seed(Second), "ar", "2019-01-31T12:00:00+03:00"));
        var items = new List<(string, string, string)>
        {
            (Page("/news/first?utm_source=rss"), "first", "Fri, 25 Jan 2019 09:00:00 GMT"),
            (Page("/news/second?utm_source=rss"), "second", "Thu, 31 Jan 2019 09:00:00 GMT"),
        };
        site.Serve("/rss.xml", "application/rss+xml", NewsPages.Rss([.. items]));

        Assert.Equal(0, Run("sources", "add", Page("/rss.xml"), "--name", "The Observer", "--db", Database).ExitCode);
        var first = Run("watch", "--once", "--per-host-delay", "0", "--db", Database);
        Assert.True(first.ExitCode == 0, first.Output + first.Errors);
        Assert.Contains("2 reports stored", first.Output, StringComparison.Ordinal);

        // The same claims as the plain-text files give.
        var plain = temp.Combine("plain.db");
        Run("ingest", SharedData.PathTo("corpus", "seeds", First + ".txt"), SharedData.PathTo("corpus", "seeds", Second + ".txt"), "--db", plain);
        var host = site.Root.Authority;
        Assert.Equal(Claims(plain, First), Claims(Database, $"{host}/news/first"));
        Assert.Equal(Claims(plain, Second), Claims(Database, $"{host}/news/second"));

        // Nothing new: no page fetched again, nothing added.
        var second = Run("watch", "--once", "--per-host-delay", "0", "--db", Database);
        Assert.Contains("0 pages read, 0 reports stored", second.Output, StringComparison.Ordinal);
        Assert.Equal(1, site.Hits("/news/first"));
        Assert.Equal(1, site.Hits("/news/second"));
        Assert.Equal(2, Run("documents", "--db", Database).Output.Split('\n').Count(l => l.StartsWith(host, StringComparison.Ordinal)));

        // A later report whose running total of detainees falls below the last one.
        var falling = NewsPages.Seed(Later).Replace("5972", "1972", StringComparison.Ordinal);
        Assert.NotEqual(NewsPages.Seed(Later), falling);
        site.Serve("/news/third", "text/html; charset=utf-8", NewsPages.Article(falling, "ar", "2019-03-05T12:00:00+03:00"));
        items.Add((Page("/news/third"), "third", "Tue, 05 Mar 2019 09:00:00 GMT"));
        site.Serve("/rss.xml", "application/rss+xml", NewsPages.Rss([.. items]));
        var third = Run("watch", "--once", "--per-host-delay", "0", "--db", Database);
        Assert.Contains("1 reports stored", third.Output, StringComparison.Ordinal);

        var alerts = Run("alerts", "--format", "json", "--db", Database);
        Assert.Equal(0, alerts.ExitCode);
        using var json = JsonDocument.Parse(alerts.Output);
        var falls = json.RootElement.EnumerateArray()
            .Where(a => a.GetProperty("kind").GetString() is "series_decrease" or "value_conflict"
                && a.GetProperty("document").GetString() == $"{host}/news/third"
                && a.GetProperty("claims").EnumerateArray().Any(c => c.GetProperty("figure").GetString()!.EndsWith("1,972", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(falls);
        var series = falls[0].GetProperty("series").GetString()!;
        Assert.StartsWith("detained.", series, StringComparison.Ordinal);
        Assert.Contains(series, Run("tally", "--db", Database).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sources_are_listed_with_their_last_poll_paused_and_removed()
    {
        site.Serve("/down", context =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        Assert.Equal(0, Run("sources", "add", Page("/down"), "--kind", "rss", "--db", Database).ExitCode);
        Assert.Equal(2, Run("sources", "add", Page("/down"), "--db", Database).ExitCode);
        Assert.Equal(2, Run("sources", "add", "ftp://example.org/x", "--db", Database).ExitCode);

        var watch = Run("watch", "--once", "--per-host-delay", "0", "--db", Database);
        Assert.Equal(1, watch.ExitCode);
        Assert.Contains("failed: HTTP 503", Run("sources", "list", "--db", Database).Output, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", Run("sources", "events", "1", "--db", Database).Output, StringComparison.Ordinal);

        Assert.Equal(0, Run("sources", "pause", "1", "--db", Database).ExitCode);
        Assert.Contains("paused", Run("sources", "list", "--db", Database).Output, StringComparison.Ordinal);
        Assert.Equal(0, Run("sources", "remove", Page("/down"), "--db", Database).ExitCode);
        Assert.Equal(2, Run("sources", "remove", "1", "--db", Database).ExitCode);
    }

    /// <summary>A document's claims as value, category and the words of the figure, in text order.</summary>
    private static List<string> Claims(string database, string document)
    {
        var result = Run("claims", "--db", database, "--doc", document, "--format", "jsonl");
        return [.. result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var claim = json.RootElement;
            return $"{claim.GetProperty("value")} {claim.GetProperty("category").GetString()} {claim.GetProperty("text").GetString()}";
        })];
    }
}
