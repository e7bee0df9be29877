using System.Globalization;
using System.Text.Json;
using System.Xml;

namespace Marsad.Monitoring;

/// <summary>An entry of a feed or a sitemap: the page it links to, and what the feed says of it.</summary>
/// <param name="Stamp">The feed's own mark of this version of the entry — its updated time, else its
/// published time, else its guid — compared on the next round to tell an unchanged entry from an edited one.</param>
public sealed record FeedItem(string Url, string? Title, DateTimeOffset? Published, DateTimeOffset? Updated, string? Stamp);

/// <summary>What reading a source's answer gave.</summary>
public abstract record FeedRead;

/// <summary>A feed or sitemap: its entries, and the sitemaps a sitemap index points to.</summary>
public sealed record Feed(SourceKind Kind, IReadOnlyList<FeedItem> Items, IReadOnlyList<string> Sitemaps) : FeedRead;

/// <summary>The answer is a page, not a feed: the page is the article.</summary>
public sealed record PageRead : FeedRead
{
    public static PageRead Instance { get; } = new();
}

/// <summary>The answer could not be read as the kind it should be; <see cref="Reason"/> says where.</summary>
public sealed record FeedFailure(string Reason) : FeedRead;

/// <summary>
/// Reads RSS 2.0 and 1.0, Atom, JSON Feed 1.x and sitemaps (urlset and sitemap index) in one
/// forward pass of an <see cref="XmlReader"/> (no DTDs, so no entity expansion from a hostile
/// feed). Never throws: bad XML or JSON is a <see cref="FeedFailure"/> with the line.
/// </summary>
public static class FeedReader
{
    public static FeedRead Read(byte[] body, SourceKind kind)
    {
        var start = FirstSignificant(body);
        if (kind == SourceKind.Html || (kind == SourceKind.Auto && !LooksLikeFeed(body, start)))
        {
            return PageRead.Instance;
        }

        return kind == SourceKind.Json || (kind == SourceKind.Auto && start < body.Length && body[start] == '{')
            ? ReadJson(body)
            : ReadXml(body, kind);
    }

    private static int FirstSignificant(byte[] body)
    {
        var i = body.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        while (i < body.Length && body[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }

    /// <summary>JSON, or XML that is not an HTML page.</summary>
    private static bool LooksLikeFeed(byte[] body, int start)
    {
        if (start >= body.Length)
        {
            return false;
        }

        if (body[start] == '{')
        {
            return true;
        }

        var head = System.Text.Encoding.ASCII.GetString(body, start, Math.Min(512, body.Length - start));
        return head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase)
            ? !head.Contains("<html", StringComparison.OrdinalIgnoreCase)
            : head.StartsWith("<rss", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<feed", StringComparison.OrdinalIgnoreCase)
                || head.StartsWith("<urlset", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<sitemapindex", StringComparison.OrdinalIgnoreCase)
                || head.StartsWith("<rdf:RDF", StringComparison.OrdinalIgnoreCase);
    }

    private static FeedRead ReadXml(byte[] body, SourceKind kind)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), settings);
            reader.MoveToContent();
            var found = reader.LocalName switch
            {
                "rss" or "RDF" => SourceKind.Rss,
                "feed" => SourceKind.Atom,
                "urlset" or "sitemapindex" => SourceKind.Sitemap,
                _ => SourceKind.Auto,
            };
            if (found == SourceKind.Auto)
            {
                return new FeedFailure($"not a feed: the root element is <{reader.LocalName}>");
            }

            if (kind is not SourceKind.Auto && kind != found)
            {
                return new FeedFailure($"expected {kind.ToString().ToLowerInvariant()}, found <{reader.LocalName}>");
            }

            return ReadEntries(reader, found);
        }
        catch (XmlException e)
        {
            return new FeedFailure((e.LineNumber > 0 ? $"invalid XML at line {e.LineNumber}, column {e.LinePosition}: " : "invalid XML: ") + FirstSentence(e.Message));
        }
    }

    /// <summary>The items of a feed, or the child sitemaps of a sitemap index, from its root element on.</summary>
    private static Feed ReadEntries(XmlReader reader, SourceKind found)
    {
        var items = new List<FeedItem>();
        var sitemaps = new List<string>();
        var index = reader.LocalName == "sitemapindex";
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "item" when found == SourceKind.Rss:
                case "entry" when found == SourceKind.Atom:
                case "url" when found == SourceKind.Sitemap && !index:
                    if (Entry(reader.ReadSubtree(), reader.GetAttribute("about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")) is { } item)
                    {
                        items.Add(item);
                    }

                    break;
                case "sitemap" when index:
                    if (Entry(reader.ReadSubtree(), null) is { } child)
                    {
                        sitemaps.Add(child.Url);
                    }

                    break;
            }
        }

        return new Feed(found, items, sitemaps);
    }

    /// <summary>One item, entry or url element: its link, title and times.</summary>
    private static FeedItem? Entry(XmlReader entry, string? about)
    {
        string? link = about, title = null, guid = null;
        DateTimeOffset? published = null, updated = null;
        using (entry)
        {
            entry.Read();
            var depth = entry.Depth;
            entry.Read();
            while (!entry.EOF && entry.Depth > depth)
            {
                if (entry.NodeType != XmlNodeType.Element || entry.Depth != depth + 1)
                {
                    entry.Read();
                    continue;
                }

                // Reading an element's content moves past it; any other element is skipped whole.
                switch (entry.LocalName)
                {
                    case "link" when entry.GetAttribute("href") is { } href:
                        // Atom: the alternate link (no rel means alternate) is the page.
                        if (entry.GetAttribute("rel") is null or "alternate")
                        {
                            link = href;
                        }

                        entry.Skip();
                        break;
                    case "link" or "loc":
                        link = entry.ReadElementContentAsString().Trim();
                        break;
                    case "guid" or "id":
                        guid = entry.ReadElementContentAsString().Trim();
                        break;
                    case "title":
                        title = entry.ReadElementContentAsString().Trim();
                        break;
                    case "pubDate" or "published" or "date" or "issued":
                        published ??= Time(entry.ReadElementContentAsString());
                        break;
                    case "updated" or "lastmod" or "modified":
                        updated = Time(entry.ReadElementContentAsString());
                        break;
                    default:
                        entry.Skip();
                        break;
                }
            }
        }

        link ??= guid is not null && Uri.IsWellFormedUriString(guid, UriKind.Absolute) ? guid : null;
        return string.IsNullOrEmpty(link) ? null : new FeedItem(link, title, published, updated, Stamp(updated, published, guid));
    }

    private static FeedRead ReadJson(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("items", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                return new FeedFailure("not a JSON Feed: no \"items\" array");
            }

            var items = new List<FeedItem>();
            foreach (var entry in entries.EnumerateArray())
            {
                var url = Text(entry, "url") ?? Text(entry, "external_url");
                if (url is null)
                {
                    continue;
                }

                var published = Time(Text(entry, "date_published"));
                var updated = Time(Text(entry, "date_modified"));
                items.Add(new FeedItem(url, Text(entry, "title"), published, updated, Stamp(updated, published, Text(entry, "id"))));
            }

            return new Feed(SourceKind.Json, items, []);
        }
        catch (JsonException e)
        {
            return new FeedFailure($"invalid JSON at line {(e.LineNumber ?? 0) + 1}: {FirstSentence(e.Message)}");
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Stamp(DateTimeOffset? updated, DateTimeOffset? published, string? guid) =>
        (updated ?? published)?.ToString("O", CultureInfo.InvariantCulture) ?? guid;

    /// <summary>RFC 822 (RSS) or ISO 8601 (Atom, sitemaps, JSON Feed); null when it is neither.</summary>
    public static DateTimeOffset? Time(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        // RFC 822 zones DateTimeOffset does not know ("GMT" it does, "EST", "+0300" without a colon not always).
        var space = text.LastIndexOf(' ');
        return space > 0 && DateTimeOffset.TryParseExact(text[..space], "ddd, d MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time)
            ? time
            : null;
    }

    private static string FirstSentence(string message)
    {
        var stop = message.IndexOf(". ", StringComparison.Ordinal);
        return (stop < 0 ? message : message[..stop]).TrimEnd('.');
    }
}
