using System.Globalization;
using Marsad.Ingest;
using Marsad.Model;
using Microsoft.AspNetCore.Http;

namespace Marsad.Web;

/// <summary>
/// Uploaded reports, read by <see cref="ReportReader"/> as files of the kind their content type
/// names: text, HTML, one JSON object, or JSON lines (<c>application/x-ndjson</c>), each bad line
/// named by its number while the others are read.
/// </summary>
internal static class Upload
{
    private static readonly string[] JsonLinesTypes = ["application/x-ndjson", "application/jsonl", "application/x-jsonlines"];

    /// <summary>The reports of the request body; an upload is named by when it came, so its failures stay apart from others'.</summary>
    public static async Task<IReadOnlyList<ReadResult>> Read(HttpRequest request)
    {
        var name = "upload " + DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length == 0)
        {
            return [new ReadError(name, null, "The request body is empty.")];
        }

        return [.. ReportReader.Read(buffer.ToArray(), KindOf(request.ContentType ?? "text/plain"), request.Query["id"].FirstOrDefault(), DocumentMetadata.None, name)];
    }

    private static ReportKind KindOf(string contentType) =>
        JsonLinesTypes.Any(t => contentType.StartsWith(t, StringComparison.OrdinalIgnoreCase)) ? ReportKind.JsonLines
        : contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ? ReportKind.Json
        : contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) ? ReportKind.Html
        : ReportKind.Text;
}
