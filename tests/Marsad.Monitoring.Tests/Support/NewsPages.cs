using System.Globalization;
using System.Net;
using System.Text;

namespace Marsad.Tests.Support;

/// <summary>
/// Pages and feeds as news sites serve them, around report texts read at test time: a header with
/// navigation, the article, a "read also" box of teasers, sharing buttons, comments and a footer —
/// the furniture the article extractor must leave out. The furniture's own figures ("12 comments",
/// "2024") would be claims if it leaked into a report.
/// </summary>
public static class NewsPages
{
    /// <summary>A page whose article is <paramref name="text"/>: its first line the headline, each other line a paragraph.</summary>
    public static string Article(string text, string lang, string? published = null, string? canonical = null, string? teaserHeading = null)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var html = new StringBuilder();
        var rtl = lang == "ar" ? " dir=\"rtl\"" : "";
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{lang}\"{rtl}><head><meta charset=\"utf-8\"><title>{Encode(lines[0])} | The Observer</title>");
        if (published is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<meta property=\"article:published_time\" content=\"{published}\">");
        }

        if (canonical is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<link rel=\"canonical\" href=\"{canonical}\">");
        }

        html.Append("<script>var views = 3500; track(17);</script><style>body{margin:0}</style></head><body>");
        html.Append("<header><nav class=\"main-menu\"><a href=\"/\">Home</a> <a href=\"/world\">World 24</a> <a href=\"/live\">Live: 7 updates</a></nav></header>");
        html.Append("<div class=\"layout\"><article><h1>").Append(Encode(lines[0])).Append("</h1>");
        html.Append("<div class=\"share-bar\"><button>Share 45</button> <span>12 comments</span></div>");
        var paragraph = 0;
        foreach (var line in lines.Skip(1))
        {
            html.Append("<p>").Append(Encode(line)).Append("</p>");
            if (++paragraph == 1)
            {
                // Inside the story, as Arabic news templates put it: a box of teasers with their own tolls.
                html.Append(CultureInfo.InvariantCulture, $"<div class=\"box\"><h3>{Encode(teaserHeading ?? (lang == "ar" ? "اقرأ أيضاً" : "Read also"))}</h3><ul>");
                html.Append(lang == "ar"
                    ? "<li><a href=\"/x\">مقتل 40 شخصا في قصف على ريف إدلب</a></li><li><a href=\"/y\">نزوح 900 عائلة من الرقة</a></li>"
                    : "<li><a href=\"/x\">40 people killed in shelling near Idlib</a></li><li><a href=\"/y\">900 families displaced from Raqqa</a></li>");
                html.Append("</ul></div>");
            }
        }

        html.Append("</article>");
        html.Append("<aside class=\"sidebar\"><h4>Most read</h4><ol><li>Storm kills 3 fishermen</li></ol></aside></div>");
        html.Append("<div id=\"comments\"><h3>Comments (12)</h3><div class=\"comment\">I counted 300 too</div></div>");
        html.Append("<footer><p>© 2024 The Observer. All rights reserved. 10 Main Street</p></footer></body></html>");
        return html.ToString();
    }

    public static string Rss(params (string Link, string Title, string PubDate)[] items)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>The Observer</title><link>http://127.0.0.1/</link>");
        foreach (var (link, title, pubDate) in items)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<item><title>{Encode(title)}</title><link>{Encode(link)}</link><guid>{Encode(link)}</guid><pubDate>{pubDate}</pubDate></item>");
        }

        return xml.Append("</channel></rss>").ToString();
    }

    public static string Atom(params (string Link, string Title, string Updated)[] entries)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>The Observer</title><id>urn:observer</id><updated>2024-01-01T00:00:00Z</updated>");
        foreach (var (link, title, updated) in entries)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<entry><title>{Encode(title)}</title><id>{Encode(link)}</id><link rel=\"alternate\" href=\"{Encode(link)}\"/><updated>{updated}</updated></entry>");
        }

        return xml.Append("</feed>").ToString();
    }

    public static string Sitemap(params (string Loc, string LastMod)[] urls)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        foreach (var (loc, lastMod) in urls)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<url><loc>{Encode(loc)}</loc><lastmod>{lastMod}</lastmod></url>");
        }

        return xml.Append("</urlset>").ToString();
    }

    public static string Seed(string name) => File.ReadAllText(SharedData.PathTo("corpus", "seeds", name + ".txt"));

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
