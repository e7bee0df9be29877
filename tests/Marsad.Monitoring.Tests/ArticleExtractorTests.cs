using Marsad.Monitoring;

namespace Marsad.Tests;

public sealed class ArticleExtractorTests
{
    private static readonly DateTimeOffset Fetched = new(2024, 3, 6, 12, 0, 0, TimeSpan.Zero);

    private static Article Extract(string html, string url = "https://news.example/world/story") =>
        ArticleExtractor.Extract(html, new Uri(url), SiteRules.Default.For("news.example"), null, Fetched)!;

    [Fact]
    public void The_dates_come_from_JSON_LD_when_the_meta_tags_give_none()
    {
        var article = Extract(
            "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"NewsArticle\",\"headline\":\"H\","
            + "\"datePublished\":\"2024-03-04T09:00:00+02:00\",\"dateModified\":\"2024-03-05T09:00:00Z\"}]}</script></head><body><article><p>Text 5.</p></article></body></html>");
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 7, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("JSON-LD datePublished", article.PublishedFrom);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 9, 0, 0, TimeSpan.Zero), article.Modified);
        Assert.Equal("H\nText 5.", article.Text);
    }

    [Fact]
    public void A_publication_date_after_the_fetch_is_not_believed()
    {
        var article = Extract("<html><head><meta property=\"article:published_time\" content=\"2031-01-01T00:00:00Z\"></head><body><article><h1>T</h1><p>Text.</p></article></body></html>",
            "https://news.example/2024/03/02/story");
        Assert.Equal(new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("URL", article.PublishedFrom);
    }

    [Fact]
    public void Without_any_date_the_text_is_left_to_say_it() =>
        Assert.Equal("text", Extract("<html><body><article><h1>T</h1><p>Text.</p></article></body></html>").PublishedFrom);

    [Fact]
    public void Without_marks_the_element_with_the_most_paragraph_text_is_the_story()
    {
        var article = Extract(
            "<html><body><div><p>Menu</p></div><div id=\"x\"><h1>Floods</h1><p>Floods hit 3 camps on Tuesday, aid groups said.</p><p>About 200 tents were swept away.</p></div>"
            + "<div><p>Short teaser</p></div></body></html>");
        Assert.Equal("Floods hit 3 camps on Tuesday, aid groups said.\nAbout 200 tents were swept away.", article.Text[(article.Text.IndexOf('\n', StringComparison.Ordinal) + 1)..]);
    }

    [Theory]
    [InlineData("اقرأ أيضا")]
    [InlineData("إقرأ أيضاً")]
    [InlineData("READ ALSO:")]
    public void A_teaser_box_inside_the_story_is_left_out(string heading)
    {
        var article = Extract(
            $"<html><body><article><h1>T</h1><p>Shelling killed 9 people.</p><div><h3>{heading}</h3><ul><li>40 killed elsewhere</li></ul></div><p>20 were injured.</p></article></body></html>");
        Assert.Equal("T\nShelling killed 9 people.\n20 were injured.", article.Text);
    }

    [Fact]
    public void The_page_names_its_canonical_address_and_language()
    {
        var article = Extract("<html lang=\"ar-SY\"><head><link rel=\"canonical\" href=\"/world/story-1\"></head><body><article><p>نص</p></article></body></html>");
        Assert.Equal("/world/story-1", article.Canonical);
        Assert.Equal("ar-SY", article.Lang);
    }

    [Fact]
    public void A_page_without_text_is_no_article() =>
        Assert.Null(ArticleExtractor.Extract("<html><body><nav>Home</nav></body></html>", new Uri("https://news.example/"), SiteRules.Default.For("news.example"), null, Fetched));
}
