using System.Text;
using System.Text.Json;
using Marsad.Ingest;
using Marsad.Model;
using Microsoft.AspNetCore.Http;

namespace Marsad.Web;

/// <summary>An uploaded report read as the CLI reads files: strict UTF-8, HTML to text, JSON fields as metadata.</summary>
internal sealed record Upload(SourceDocument? Document, string? Error)
{
    public static async Task<Upload> Read(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            return new Upload(null, "The request body is empty.");
        }

        if (!StrictText.TryDecode(bytes, out var text, out var badLine, out var reason))
        {
            return new Upload(null, $"Line {badLine}: {reason}");
        }

        var contentType = request.ContentType ?? "text/plain";
        var id = request.Query["id"].FirstOrDefault();
        if (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return FromJson(text);
        }

        var (body, title) = contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) ? HtmlText.Convert(text) : (text, FirstLine(text));
        return string.IsNullOrWhiteSpace(body)
            ? new Upload(null, "The report has no text.")
            : new Upload(new SourceDocument(id ?? "upload-" + ContentHash.Of(body)[..12], body, new DocumentMetadata(Title: title)), null);
    }

    /// <summary>A plain report's headline is its first line that has text.</summary>
    private static string? FirstLine(string text) =>
        text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) is { } line ? line[..Math.Min(line.Length, 200)] : null;

    private static Upload FromJson(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            string? Field(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            if (Field("text") is not { Length: > 0 } body)
            {
                return new Upload(null, "The JSON has no \"text\".");
            }

            DateOnly? published = null;
            if (Field("published") is { } day)
            {
                if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", out var parsed))
                {
                    return new Upload(null, $"\"published\": '{day}' is not a date of the form YYYY-MM-DD.");
                }

                published = parsed;
            }

            var metadata = new DocumentMetadata(Field("title"), Field("source"), Field("url"), Field("lang"), published);
            return new Upload(new SourceDocument(Field("id") ?? "upload-" + ContentHash.Of(body)[..12], body, metadata), null);
        }
        catch (JsonException e)
        {
            return new Upload(null, $"The body is not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }
    }
}
