using System.Text;

namespace Marsad.Monitoring;

/// <summary>
/// A page's bytes as text, in the charset it declares — the Content-Type header, else a byte-order
/// mark, else a <c>&lt;meta charset&gt;</c> in its first kilobytes, else UTF-8 — decoded strictly:
/// bytes that are not valid in that charset are a failure with a reason, never silently replaced,
/// because a mis-decoded Arabic report would be stored as noise.
/// </summary>
public static class PageDecoder
{
    private const int SniffBytes = 2048;

    static PageDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The text, or null with the reason.</summary>
    public static (string? Text, string? Error) Decode(byte[] body, string? contentType)
    {
        var declared = Charset(contentType) ?? Bom(body) ?? MetaCharset(body) ?? "utf-8";
        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(declared, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return (null, $"unknown charset '{declared}'");
        }

        try
        {
            var preamble = encoding.GetPreamble();
            var skip = preamble.Length > 0 && body.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
            return (encoding.GetString(body, skip, body.Length - skip).Normalize(NormalizationForm.FormC), null);
        }
        catch (DecoderFallbackException e)
        {
            return (null, $"bytes that are not {encoding.WebName} at byte {e.Index} (the page declares {declared})");
        }
    }

    private static string? Charset(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        foreach (var part in contentType.Split(';', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
            {
                return part["charset=".Length..].Trim('"', '\'', ' ');
            }
        }

        return null;
    }

    private static string? Bom(byte[] body) =>
        body.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? "utf-8"
        : body.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? "utf-16"
        : body.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? "utf-16BE"
        : null;

    /// <summary><c>&lt;meta charset="x"&gt;</c> or <c>&lt;meta http-equiv content="…; charset=x"&gt;</c>, read as ASCII.</summary>
    private static string? MetaCharset(byte[] body)
    {
        var head = Encoding.ASCII.GetString(body, 0, Math.Min(SniffBytes, body.Length));
        var at = head.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var start = at + "charset=".Length;
        while (start < head.Length && head[start] is '"' or '\'')
        {
            start++;
        }

        var end = start;
        while (end < head.Length && (char.IsAsciiLetterOrDigit(head[end]) || head[end] is '-' or '_'))
        {
            end++;
        }

        return end > start ? head[start..end] : null;
    }
}
