using System.Text;

namespace Marsad.Monitoring;

/// <summary>
/// One spelling of a page's address, so the same page reached through a feed, a sitemap, a share
/// link or another letter case is one page: lower-case scheme and host, no default port, no
/// fragment, no tracking parameters (<c>utm_*</c>, click ids), the other parameters sorted, no
/// trailing slash on a path. Anything that is not an absolute http(s) URL is refused (null).
/// </summary>
public static class CanonicalUrl
{
    /// <summary>Parameters that say who sent a reader, never which page: from the campaign and click-id conventions of the large ad platforms.</summary>
    private static readonly HashSet<string> Tracking = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "ref_src", "cmpid", "ocid", "at_medium", "at_campaign",
    };

    public static string? Of(string url, Uri? relativeTo = null)
    {
        if (!(relativeTo is null ? Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) : Uri.TryCreate(relativeTo, url.Trim(), out uri))
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var canonical = new StringBuilder(url.Length);
        canonical.Append(uri.Scheme).Append("://").Append(uri.IdnHost.ToLowerInvariant());
        if (!uri.IsDefaultPort)
        {
            canonical.Append(':').Append(uri.Port);
        }

        var path = uri.AbsolutePath;
        canonical.Append(path.Length > 1 ? path.TrimEnd('/') : "/");
        var parameters = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTracking(p[..(p.IndexOf('=', StringComparison.Ordinal) is var eq and >= 0 ? eq : p.Length)]))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (parameters.Count > 0)
        {
            canonical.Append('?').AppendJoin('&', parameters);
        }

        return canonical.ToString();
    }

    /// <summary>The document id a watched page is stored under: its canonical URL without the scheme.</summary>
    public static string DocumentId(string canonicalUrl) =>
        canonicalUrl[(canonicalUrl.IndexOf("://", StringComparison.Ordinal) + 3)..];

    /// <summary>The host and port a request goes to: the unit of politeness and of robots.txt.</summary>
    public static string Authority(Uri uri) => uri.IsDefaultPort ? uri.IdnHost.ToLowerInvariant() : $"{uri.IdnHost.ToLowerInvariant()}:{uri.Port}";

    private static bool IsTracking(string name) => name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || Tracking.Contains(name);
}
