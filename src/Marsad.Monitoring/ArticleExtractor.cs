using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Marsad.Ingest;
using Marsad.Languages;

namespace Marsad.Monitoring;

/// <summary>
/// An article read out of a page: its title, its text (title first, then the body's paragraphs, one
/// a line), when it says it was published and modified and where that was read, the page's own
/// canonical address, and its language.
/// </summary>
public sealed record Article(string Title, string Text, DateTimeOffset? Published, DateTimeOffset? Modified, string PublishedFrom, string? Canonical, string? Lang);

/// <summary>
/// Reads the article out of a news page with AngleSharp's HTML5 parser: furniture dropped by the
/// site's rules (<see cref="SiteRules"/>: navigation, header, footer, comments, teasers, sharing), blocks that
/// open with a furniture phrase of a language pack (<see cref="Furniture"/>: "اقرأ أيضاً", "Read also") dropped
/// with the list after them, then the body taken from the site's selector, else the article body
/// the page marks (<c>itemprop=articleBody</c>, <c>&lt;article&gt;</c>, <c>&lt;main&gt;</c>), else the element
/// holding the most paragraph text; its text made as <see cref="HtmlText"/> makes an HTML report's.
/// Dates: the page's meta tags, then JSON-LD, then a <c>&lt;time&gt;</c>, then the URL, then the feed —
/// a date more than a day after the fetch is no publication date; with none, the pipeline infers it from the text.
/// </summary>
public static partial class ArticleExtractor
{
    /// <summary>A heading or short paragraph opening with a furniture phrase is furniture; a longer one is text.</summary>
    private const int FurnitureBlockChars = 200;

    private static readonly string[] PublishedMeta =
        ["article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date.issued", "dcterms.created", "sailthru.date"];

    private static readonly string[] ModifiedMeta = ["article:modified_time", "og:updated_time", "dateModified", "dcterms.modified"];

    public static Article? Extract(string html, Uri page, SiteRule rule, FeedItem? item, DateTimeOffset fetchedAt)
    {
        var document = new HtmlParser().ParseDocument(html);
        var linked = LinkedData(document);
        var title = Meta(document, "og:title") ?? linked.Headline ?? document.QuerySelector("h1")?.TextContent.Trim() ?? item?.Title ?? document.Title?.Trim() ?? "";
        var (published, from) = PublishedOf(document, linked, page, item, fetchedAt);
        var modified = Believable(Time(ModifiedMeta.Select(n => Meta(document, n)).FirstOrDefault(m => m is not null)) ?? linked.Modified ?? item?.Updated, fetchedAt);
        var canonical = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(document, "og:url");
        var lang = document.DocumentElement.GetAttribute("lang");

        var body = Body(document, rule);
        var text = body is null ? linked.Body ?? "" : HtmlText.Convert(body.InnerHtml).Text;
        if (text.Length == 0)
        {
            return null;
        }

        title = string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var firstLine = text.AsSpan()[..Math.Max(0, text.IndexOf('\n', StringComparison.Ordinal) is var nl and >= 0 ? nl : text.Length)];
        if (title.Length > 0 && !firstLine.SequenceEqual(title))
        {
            text = title + "\n" + text;
        }

        return new Article(title, text, published, modified, from, canonical, string.IsNullOrWhiteSpace(lang) ? null : lang.Trim());
    }

    /// <summary>The element that holds the article, furniture taken out of it.</summary>
    private static IElement? Body(IDocument document, SiteRule rule)
    {
        foreach (var selector in rule.Drop)
        {
            foreach (var furniture in Select(document, selector))
            {
                furniture.Remove();
            }
        }

        DropFurnitureBlocks(document);
        var marked = (rule.Body is { } own ? Select(document, own).FirstOrDefault() : null)
            ?? document.QuerySelector("[itemprop=articleBody]")
            ?? document.QuerySelectorAll("article").OrderByDescending(a => a.TextContent.Length).FirstOrDefault()
            ?? document.QuerySelector("main");
        return marked ?? Densest(document);
    }

    /// <summary>A heading or short block that opens with "Read also" and the like goes, and the list a heading introduces goes with it.</summary>
    private static void DropFurnitureBlocks(IDocument document)
    {
        foreach (var block in document.QuerySelectorAll("h2, h3, h4, h5, h6, p, div, section, li, strong").ToList())
        {
            if (block.Parent is null)
            {
                continue;
            }

            var text = block.TextContent.Trim();
            if (text.Length == 0 || text.Length > FurnitureBlockChars || !Furniture.OpensWith(text))
            {
                continue;
            }

            if (block.LocalName is "h2" or "h3" or "h4" or "h5" or "h6" && block.NextElementSibling is { LocalName: "ul" or "ol" or "div" } teasers)
            {
                teasers.Remove();
            }

            block.Remove();
        }
    }

    /// <summary>The element whose own paragraphs hold the most text: where a page without marks keeps its story.</summary>
    private static IElement? Densest(IDocument document) =>
        document.QuerySelectorAll("p")
            .Where(p => p.ParentElement is not null)
            .GroupBy(p => p.ParentElement!)
            .Select(g => (Element: g.Key, Chars: g.Sum(p => p.TextContent.Trim().Length)))
            .OrderByDescending(g => g.Chars)
            .Select(g => g.Element)
            .FirstOrDefault()
        ?? document.Body;

    private static IEnumerable<IElement> Select(IDocument document, string selector)
    {
        try
        {
            return [.. document.QuerySelectorAll(selector)];
        }
        catch (DomException)
        {
            // A bad selector in a user's site file selects nothing rather than stopping the watcher.
            return [];
        }
    }

    private static (DateTimeOffset? Published, string From) PublishedOf(IDocument document, LinkedArticle linked, Uri page, FeedItem? item, DateTimeOffset fetchedAt)
    {
        foreach (var name in PublishedMeta)
        {
            if (Believable(Time(Meta(document, name)), fetchedAt) is { } meta)
            {
                return (meta, "meta " + name);
            }
        }

        if (Believable(linked.Published, fetchedAt) is { } ld)
        {
            return (ld, "JSON-LD datePublished");
        }

        if (Believable(Time(document.QuerySelector("time[datetime]")?.GetAttribute("datetime")), fetchedAt) is { } time)
        {
            return (time, "<time datetime>");
        }

        if (UrlDate().Match(page.AbsolutePath) is { Success: true } m
            && DateTimeOffset.TryParseExact($"{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var day)
            && Believable(day, fetchedAt) is { } url)
        {
            return (url, "URL");
        }

        return Believable(item?.Published, fetchedAt) is { } feed ? (feed, "feed") : (null, "text");
    }

    /// <summary>A publication time later than a day after the page was fetched is a template's or a clock's error, not a date.</summary>
    private static DateTimeOffset? Believable(DateTimeOffset? time, DateTimeOffset fetchedAt) =>
        time is { } t && t <= fetchedAt.AddDays(1) ? t : null;

    private static string? Meta(IDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (key is not null && key.Equals(name, StringComparison.OrdinalIgnoreCase) && meta.GetAttribute("content") is { Length: > 0 } content)
            {
                return content.Trim();
            }
        }

        return null;
    }

    private static DateTimeOffset? Time(string? text) => FeedReader.Time(text);

    private sealed record LinkedArticle(string? Headline, DateTimeOffset? Published, DateTimeOffset? Modified, string? Body);

    /// <summary>The first schema.org article in the page's JSON-LD (also inside <c>@graph</c>); bad JSON is skipped.</summary>
    private static LinkedArticle LinkedData(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent);
                if (FindArticle(json.RootElement) is { } article)
                {
                    return new LinkedArticle(
                        Text(article, "headline"), Time(Text(article, "datePublished")), Time(Text(article, "dateModified")), Text(article, "articleBody"));
                }
            }
            catch (JsonException)
            {
            }
        }

        return new LinkedArticle(null, null, null, null);
    }

    private static JsonElement? FindArticle(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var child in element.EnumerateArray())
                {
                    if (FindArticle(child) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                if (element.TryGetProperty("datePublished", out _) || element.TryGetProperty("articleBody", out _))
                {
                    return element;
                }

                return element.TryGetProperty("@graph", out var graph) ? FindArticle(graph) : null;
            default:
                return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"/(20\d\d|19\d\d)[/-](\d\d)[/-](\d\d)(?:/|$|-)")]
    private static partial Regex UrlDate();
}
