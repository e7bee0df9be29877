using System.Text;
using Marsad.Monitoring;

namespace Marsad.Tests.Monitoring;

public sealed class FeedReaderTests
{
    private static FeedRead Read(string body, SourceKind kind = SourceKind.Auto) => FeedReader.Read(Encoding.UTF8.GetBytes(body), kind);

    [Fact]
    public void RSS_items_give_their_links_titles_and_times()
    {
        var feed = Assert.IsType<Feed>(Read(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title><link>https://s.org/</link>"
            + "<item><title>A</title><link>https://s.org/a</link><pubDate>Tue, 05 Mar 2019 10:00:00 GMT</pubDate></item>"
            + "<item><title>B</title><guid>https://s.org/b</guid></item></channel></rss>"));
        Assert.Equal(SourceKind.Rss, feed.Kind);
        Assert.Equal(["https://s.org/a", "https://s.org/b"], feed.Items.Select(i => i.Url));
        Assert.Equal(new DateTimeOffset(2019, 3, 5, 10, 0, 0, TimeSpan.Zero), feed.Items[0].Published);
        Assert.Equal("https://s.org/b", feed.Items[1].Stamp);
    }

    [Fact]
    public void Atom_entries_give_their_alternate_link_and_updated_time()
    {
        var feed = Assert.IsType<Feed>(Read(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>urn:1</id><link rel=\"self\" href=\"https://s.org/api/1\"/>"
            + "<link href=\"https://s.org/1\"/><updated>2019-03-05T10:00:00+03:00</updated></entry></feed>"));
        var entry = Assert.Single(feed.Items);
        Assert.Equal("https://s.org/1", entry.Url);
        Assert.Equal(new DateTimeOffset(2019, 3, 5, 7, 0, 0, TimeSpan.Zero), entry.Updated);
    }

    [Fact]
    public void Sitemaps_and_sitemap_indexes_are_read()
    {
        var urls = Assert.IsType<Feed>(Read("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc> https://s.org/1 </loc><lastmod>2019-03-05</lastmod></url></urlset>"));
        Assert.Equal("https://s.org/1", Assert.Single(urls.Items).Url);
        var index = Assert.IsType<Feed>(Read("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>https://s.org/s1.xml</loc></sitemap></sitemapindex>"));
        Assert.Empty(index.Items);
        Assert.Equal(["https://s.org/s1.xml"], index.Sitemaps);
    }

    [Fact]
    public void A_JSON_Feed_is_read()
    {
        var feed = Assert.IsType<Feed>(Read("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":\"1\",\"url\":\"https://s.org/1\",\"date_modified\":\"2019-03-05T10:00:00Z\"}]}"));
        Assert.Equal(SourceKind.Json, feed.Kind);
        Assert.Equal("https://s.org/1", Assert.Single(feed.Items).Url);
    }

    [Fact]
    public void An_HTML_page_is_a_page_not_a_feed()
    {
        Assert.IsType<PageRead>(Read("<!DOCTYPE html><html><body><p>x</p></body></html>"));
        Assert.IsType<PageRead>(Read("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>"));
    }

    [Theory]
    [InlineData("<rss><channel><item></channel></rss>", "invalid XML at line 1")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaa\">]><rss>&a;</rss>", "invalid XML: For security reasons DTD is prohibited")]
    [InlineData("<?xml version=\"1.0\"?><catalog><book/></catalog>", "not a feed: the root element is <catalog>")]
    [InlineData("{\"items\": [", "invalid JSON at line 1")]
    [InlineData("{\"title\": \"x\"}", "not a JSON Feed")]
    public void A_bad_feed_is_a_failure_with_its_reason(string body, string reason)
    {
        var failure = Assert.IsType<FeedFailure>(Read(body));
        Assert.StartsWith(reason, failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feed_of_another_kind_than_the_source_says_is_refused() =>
        Assert.StartsWith("expected atom", Assert.IsType<FeedFailure>(Read("<rss><channel/></rss>", SourceKind.Atom)).Reason, StringComparison.Ordinal);
}
