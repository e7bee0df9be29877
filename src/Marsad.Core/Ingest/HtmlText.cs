using System.Net;
using System.Text;

namespace Marsad.Ingest;

/// <summary>
/// Turns an HTML page into the plain text Marsad ingests, in one pass without regular expressions:
/// scripts, styles and comments go, block elements end lines, entities are decoded, runs of
/// spaces fold to one and blank lines to one. The page's &lt;title&gt; is kept apart.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template", "svg" };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "article", "section",
        "header", "footer", "blockquote", "pre", "title", "hr", "dd", "dt", "figcaption", "main", "aside", "nav",
    };

    public static (string Text, string? Title) Convert(string html)
    {
        var text = new StringBuilder(html.Length / 2);
        string? title = null;
        var i = 0;
        while (i < html.Length)
        {
            if (!StartsTag(html, i))
            {
                var next = html.IndexOf('<', i + 1);
                next = next < 0 ? html.Length : next;
                text.Append(WebUtility.HtmlDecode(html[i..next]));
                i = next;
                continue;
            }

            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }

            var end = html.IndexOf('>', i);
            if (end < 0)
            {
                break;
            }

            var name = TagName(html, i + 1, end);
            var closing = i + 1 < html.Length && html[i + 1] == '/';
            i = end + 1;
            if (!closing && Dropped.Contains(name))
            {
                var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : Math.Max(i, html.IndexOf('>', close) + 1);
                continue;
            }

            if (!closing && name.Equals("title", StringComparison.OrdinalIgnoreCase))
            {
                var close = html.IndexOf("</title", i, StringComparison.OrdinalIgnoreCase);
                title ??= WebUtility.HtmlDecode(html[i..(close < 0 ? html.Length : close)]).Trim();
                i = close < 0 ? html.Length : Math.Max(i, html.IndexOf('>', close) + 1);
                continue;
            }

            if (Blocks.Contains(name))
            {
                text.Append('\n');
            }
        }

        return (Tidy(text.ToString()), string.IsNullOrEmpty(title) ? null : title);
    }

    /// <summary>
    /// A "&lt;" opens a tag only before a tag name, "/", "!" or "?", as HTML parsers read it; a
    /// stray one ("5 &lt; 7") is text, and the words after it stay.
    /// </summary>
    private static bool StartsTag(string html, int at) =>
        html[at] == '<' && at + 1 < html.Length && (char.IsAsciiLetter(html[at + 1]) || html[at + 1] is '/' or '!' or '?');

    private static string TagName(string html, int start, int end)
    {
        if (start < end && html[start] == '/')
        {
            start++;
        }

        var stop = start;
        while (stop < end && (char.IsAsciiLetterOrDigit(html[stop]) || html[stop] == '-'))
        {
            stop++;
        }

        return html[start..stop];
    }

    /// <summary>Folds spaces within lines and blank lines between them.</summary>
    private static string Tidy(string text)
    {
        var lines = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = string.Join(' ', raw.Split([' ', '\t', '\r', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        return string.Join('\n', lines);
    }
}
