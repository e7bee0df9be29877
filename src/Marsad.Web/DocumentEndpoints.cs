using System.Globalization;
using System.Text.Json;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Serialization;
using Marsad.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marsad.Web;

/// <summary><c>/api/documents</c>: list, search, read with claims, upload.</summary>
internal static class DocumentEndpoints
{
    public static void Map(RouteGroupBuilder read, RouteGroupBuilder write, WebOptions options)
    {
        read.MapGet("/documents", (MarsadStore store, string? q, int? page, int? size) =>
        {
            var paging = Paging.Of(page, size);
            var documents = store.Documents(search: q, offset: paging.Offset, limit: paging.Size).ToList();
            var claims = store.ClaimCounts();
            return new JsonBody(json => paging.Write(json, store.CountDocuments(q), documents, (j, d) => WriteSummary(j, d, claims.GetValueOrDefault(d.Document.Id))));
        }).WithSummary("Stored reports, a page at a time; q searches id, title, source and text.");

        read.MapGet("/documents/{id}", (MarsadStore store, string id) =>
        {
            if (store.Documents(id: id).FirstOrDefault() is not { } document)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No document {id}");
            }

            var claims = store.Claims(id);
            return new JsonBody(json =>
            {
                json.WriteStartObject();
                WriteFields(json, document, claims.Count);
                json.WriteString("text", document.Document.Text);
                json.WriteStartArray("claims");
                foreach (var claim in claims)
                {
                    ClaimJson.Write(json, claim);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            });
        }).WithSummary("One report: its text as ingested and its claims (CODEBOOK §2), spans pointing into the text.");

        write.MapPost("/documents", async (HttpRequest request, MarsadStore store) =>
        {
            var reports = ReportIngest.Run(store, options.Extractor.Extract, await Upload.Read(request)).ToList();
            var failures = reports.Select(r => r.Failure).OfType<IngestFailure>().ToList();
            var stored = reports.Where(r => r.Failure is null).Select(r => (Report: r, Document: (ReadDocument)r.Read)).ToList();
            if (stored.Count == 0)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "The report could not be stored",
                    detail: string.Join("; ", failures.Select(f => f.Line is { } line ? $"Line {line}: {f.Reason}" : f.Reason)),
                    extensions: new Dictionary<string, object?> { ["errors"] = failures.Select(Error).ToList() });
            }

            var documents = stored.Select(s => (
                Stored: store.Documents(id: s.Document.Document.Id).First(d => d.Document.Hash == s.Document.Document.Hash),
                s.Report.Claims,
                Added: s.Report.Outcome == IngestOutcome.Added)).ToList();
            // Some stored, some not: 207, each part with its own outcome.
            var status = failures.Count > 0 ? StatusCodes.Status207MultiStatus
                : documents.Any(d => d.Added) ? StatusCodes.Status201Created
                : StatusCodes.Status200OK;
            return new JsonBody(
                json =>
                {
                    json.WriteStartObject();
                    json.WriteStartArray("documents");
                    foreach (var (document, claims, added) in documents)
                    {
                        json.WriteStartObject();
                        WriteFields(json, document, claims);
                        json.WriteBoolean("added", added);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WritePropertyName("errors");
                    JsonSerializer.Serialize(json, failures.Select(Error).ToList());
                    json.WriteEndObject();
                },
                status);
        }).WithSummary("Upload reports: text/plain, text/html, a JSON object {id, text, title, source, url, published}, or JSON lines (application/x-ndjson), one report a line. Each is extracted and stored on its own: 201 when all are stored, 207 when some failed (listed in errors with their line, stage and reason), 400 when none could be.");
    }

    /// <summary>A failed report of an upload as the API names it.</summary>
    private static Dictionary<string, object?> Error(IngestFailure failure) => new()
    {
        ["line"] = failure.Line,
        ["doc"] = failure.DocId,
        ["stage"] = IngestFailure.StageName(failure.Stage),
        ["reason"] = failure.Reason,
    };

    private static void WriteSummary(Utf8JsonWriter json, StoredDocument document, int claims)
    {
        json.WriteStartObject();
        WriteFields(json, document, claims);
        json.WriteEndObject();
    }

    private static void WriteFields(Utf8JsonWriter json, StoredDocument stored, int claims)
    {
        var metadata = stored.Document.Metadata;
        json.WriteString("id", stored.Document.Id);
        json.WriteString("hash", stored.Document.Hash);
        json.WriteString("title", metadata.Title);
        json.WriteString("source", metadata.Source);
        json.WriteString("url", metadata.Url);
        json.WriteString("lang", metadata.Lang);
        json.WriteString("published", stored.Publication.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("published_how", stored.Publication.How);
        json.WriteString("ingested_at", stored.IngestedAt.ToString("O", CultureInfo.InvariantCulture));
        json.WriteNumber("claims", claims);
    }
}
