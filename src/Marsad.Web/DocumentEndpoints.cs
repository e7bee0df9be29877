using System.Globalization;
using System.Text.Json;
using Marsad.Ingest;
using Marsad.Rendering;
using Marsad.Serialization;
using Marsad.Storage;
using Marsad.Web.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marsad.Web;

/// <summary><c>/api/documents</c>: list, search, read with claims, upload.</summary>
internal static class DocumentEndpoints
{
    internal const string Tag = "documents";

    public static void Map(RouteGroupBuilder read, RouteGroupBuilder write, WebOptions options)
    {
        read.MapGet("/documents", (MarsadStore store, string? q, int? page, int? size) =>
        {
            var paging = Paging.Of(page, size);
            var documents = store.Documents(search: q, offset: paging.Offset, limit: paging.Size).ToList();
            var claims = store.ClaimCounts();
            return new JsonBody(json => paging.Write(json, store.CountDocuments(q), documents, (j, d) => WriteSummary(j, d, claims.GetValueOrDefault(d.Document.Hash))));
        }).WithSummary("Stored reports in their latest versions, a page at a time; q searches id, title, source and text. Retracted ones are listed, marked.")
            .WithTags(Tag).Documented("listDocuments", "DocumentPage", StatusCodes.Status400BadRequest);

        // A catch-all: a document id may hold "/" (a report in a subfolder), sent as is or as %2F.
        read.MapGet("/documents/{**id}", (MarsadStore store, ClaimRenderer renderer, string id, int? version) =>
        {
            id = RouteIds.Decode(id);
            if (store.Document(id, version) is not { } document)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    title: version is null ? $"No document {id}" : $"No version {version} of document {id}");
            }

            var claims = store.Claims(id, version: document.Version);
            var parts = ClaimRenderer.PartsByWhole(claims);
            var counts = store.ClaimCounts();
            var versions = store.Versions(id);
            return new JsonBody(json =>
            {
                json.WriteStartObject();
                WriteFields(json, document);
                json.WriteString("text", document.Document.Text);
                json.WriteStartArray("claims");
                foreach (var claim in claims)
                {
                    ClaimJson.Write(json, claim, ClaimEndpoints.Rendered(renderer.Sentences(claim, [.. parts[claim.Id]])));
                }

                json.WriteEndArray();
                json.WriteStartArray("all_versions");
                foreach (var other in versions)
                {
                    json.WriteStartObject();
                    json.WriteNumber("version", other.Version);
                    json.WriteString("hash", other.Document.Hash);
                    json.WriteString("published", Iso(other.Publication.Date));
                    json.WriteString("ingested_at", other.IngestedAt.ToString("O", CultureInfo.InvariantCulture));
                    json.WriteNumber("claims", counts.GetValueOrDefault(other.Document.Hash));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            });
        }).WithSummary("One report — its latest version, or ?version=N — with its text as ingested, its claims (CODEBOOK §2, spans into the text) each read back as a sentence (rendered.ar, rendered.en), and the list of its versions. The id may contain / (sent as is or as %2F).")
            .WithTags(Tag).Means("id", "A document id; the id of a report in a subfolder holds '/', sent as is or as %2F.").Documented("getDocument", "Document", StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

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
                    extensions: new Dictionary<string, object?> { ["failures"] = failures.Select(Error).ToList() });
            }

            var documents = stored.Select(s => (
                Stored: store.WithText(s.Document.Document.Hash)!,
                s.Report.Claims,
                Added: s.Report.Outcome != IngestOutcome.AlreadyPresent)).ToList();
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
                        WriteFields(json, document);
                        json.WriteNumber("claims", claims);
                        json.WriteBoolean("added", added);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WritePropertyName("errors");
                    JsonSerializer.Serialize(json, failures.Select(Error).ToList());
                    json.WriteEndObject();
                },
                status);
        }).WithSummary("Upload reports: text/plain, text/html, a JSON object {id, text, title, source, url, published}, or JSON lines (application/x-ndjson), one report a line. Each is extracted and stored on its own; a new text under a stored id is that document's next version. 201 when all are stored, 207 when some failed (listed in errors with their line, stage and reason), 400 when none could be.")
            .WithTags(Tag).WithName("uploadDocuments")
            .Takes(new Body("text/plain"), new Body("text/html"), new Body(ApiContract.Json, "UploadedReport"), new Body("application/x-ndjson"))
            .Responds(StatusCodes.Status201Created, "UploadResult", ApiContract.Json)
            .Responds(StatusCodes.Status207MultiStatus, "UploadResult", ApiContract.Json)
            .Responds(StatusCodes.Status200OK, "UploadResult", ApiContract.Json)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge);
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
        WriteFields(json, document);
        json.WriteNumber("claims", claims);
        json.WriteEndObject();
    }

    private static void WriteFields(Utf8JsonWriter json, StoredDocument stored)
    {
        var metadata = stored.Document.Metadata;
        json.WriteString("id", stored.Document.Id);
        json.WriteString("hash", stored.Document.Hash);
        json.WriteString("title", metadata.Title);
        json.WriteString("source", metadata.Source);
        json.WriteString("url", metadata.Url);
        json.WriteString("lang", metadata.Lang);
        json.WriteNumber("version", stored.Version);
        json.WriteNumber("versions", stored.Versions);
        json.WriteString("published", Iso(stored.Publication.Date));
        json.WriteString("published_how", stored.Publication.How);
        json.WriteString("ingested_at", stored.IngestedAt.ToString("O", CultureInfo.InvariantCulture));
        if (stored.Retraction is { } retraction)
        {
            json.WritePropertyName("retracted");
            RetractionEndpoints.Write(json, retraction);
        }
        else
        {
            json.WriteNull("retracted");
        }
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
