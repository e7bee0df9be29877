using Marsad.Monitoring;

namespace Marsad.Tests.Monitoring;

public sealed class CanonicalUrlTests
{
    [Theory]
    [InlineData("HTTP://Example.ORG:80/News/Story/", "http://example.org/News/Story")]
    [InlineData("https://example.org/story?utm_source=rss&utm_medium=feed&id=7#comments", "https://example.org/story?id=7")]
    [InlineData("https://example.org/story?b=2&a=1&fbclid=XYZ", "https://example.org/story?a=1&b=2")]
    [InlineData("https://example.org:8443/", "https://example.org:8443/")]
    [InlineData("https://example.org", "https://example.org/")]
    public void Tracking_fragments_case_ports_and_trailing_slashes_go(string url, string canonical) =>
        Assert.Equal(canonical, CanonicalUrl.Of(url));

    [Theory]
    [InlineData("ftp://example.org/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("not a url")]
    public void Anything_but_an_http_address_is_refused(string url) => Assert.Null(CanonicalUrl.Of(url));

    [Fact]
    public void A_relative_link_is_read_against_its_page() =>
        Assert.Equal("https://example.org/news/2", CanonicalUrl.Of("../news/2/", new Uri("https://example.org/feeds/all.xml")));

    [Fact]
    public void A_document_id_is_the_canonical_address_without_its_scheme() =>
        Assert.Equal("example.org/news/2?id=7", CanonicalUrl.DocumentId("https://example.org/news/2?id=7"));
}
