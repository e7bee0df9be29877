using System.Text;
using System.Text.Json;
using Marsad.Ingest;
using Marsad.Model;
using Microsoft.AspNetCore.Http;

namespace Marsad.Web;

/// <summary>
/// Uploaded reports read as the CLI reads files: strict UTF-8, HTML to text, a JSON object's
/// fields as metadata, JSON lines (<c>application/x-ndjson</c>) one report a line, each bad line
/// named by its number while the others are read.
/// </summary>
internal sealed record Upload(IReadOnlyList<SourceDocument> Documents, IReadOnlyList<string> Errors)
{
    private static readonly string[] JsonLinesTypes = ["application/x-ndjson", "application/jsonl", "application/x-jsonlines"];

    public static async Task<Upload> Read(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            return Failed("The request body is empty.");
        }

        var contentType = request.ContentType ?? "text/plain";
        if (JsonLinesTypes.Any(t => contentType.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
        {
            var read = JsonLinesReader.Read(new MemoryStream(bytes), "upload", DocumentMetadata.None).ToList();
            return new Upload(
                [.. read.OfType<ReadDocument>().Select(r => r.Document)],
                [.. read.OfType<ReadError>().Select(e => e.Line is { } line ? $"line {line}: {e.Reason}" : e.Reason)]);
        }

        if (!StrictText.TryDecode(bytes, out var text, out var badLine, out var reason))
        {
            return Failed($"Line {badLine}: {reason}");
        }

        if (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return FromJson(text);
        }

        var id = request.Query["id"].FirstOrDefault();
        var (body, title) = contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) ? HtmlText.Convert(text) : (text, FirstLine(text));
        return string.IsNullOrWhiteSpace(body)
            ? Failed("The report has no text.")
            : new Upload([new SourceDocument(id ?? "upload-" + ContentHash.Of(body)[..12], body, new DocumentMetadata(Title: title))], []);
    }

    private static Upload Failed(string error) => new([], [error]);

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
                return Failed("The JSON has no \"text\".");
            }

            DateOnly? published = null;
            if (Field("published") is { } day)
            {
                if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", out var parsed))
                {
                    return Failed($"\"published\": '{day}' is not a date of the form YYYY-MM-DD.");
                }

                published = parsed;
            }

            var metadata = new DocumentMetadata(Field("title"), Field("source"), Field("url"), Field("lang"), published);
            return new Upload([new SourceDocument(Field("id") ?? "upload-" + ContentHash.Of(body)[..12], body, metadata)], []);
        }
        catch (JsonException e)
        {
            return Failed($"The body is not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }
    }
}
