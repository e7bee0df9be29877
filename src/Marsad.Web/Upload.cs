using Marsad.Ingest;
using Marsad.Model;
using Microsoft.AspNetCore.Http;

namespace Marsad.Web;

/// <summary>
/// Uploaded reports, read by <see cref="ReportReader"/> as files of the kind their content type
/// names: text, HTML, one JSON object, or JSON lines (<c>application/x-ndjson</c>), each bad line
/// named by its number while the others are read.
/// </summary>
internal sealed record Upload(IReadOnlyList<SourceDocument> Documents, IReadOnlyList<ReadError> Errors)
{
    private static readonly string[] JsonLinesTypes = ["application/x-ndjson", "application/jsonl", "application/x-jsonlines"];

    public static async Task<Upload> Read(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length == 0)
        {
            return new Upload([], [new ReadError("upload", null, "The request body is empty.")]);
        }

        var read = ReportReader.Read(buffer.ToArray(), KindOf(request.ContentType ?? "text/plain"), request.Query["id"].FirstOrDefault(), DocumentMetadata.None).ToList();
        return new Upload(
            [.. read.OfType<ReadDocument>().Select(r => r.Document)],
            [.. read.OfType<ReadError>()]);
    }

    private static ReportKind KindOf(string contentType) =>
        JsonLinesTypes.Any(t => contentType.StartsWith(t, StringComparison.OrdinalIgnoreCase)) ? ReportKind.JsonLines
        : contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ? ReportKind.Json
        : contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) ? ReportKind.Html
        : ReportKind.Text;
}
