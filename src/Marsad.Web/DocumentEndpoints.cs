using System.Globalization;
using System.Text.Json;
using Marsad.Model;
using Marsad.Rendering;
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

        read.MapGet("/documents/{id}", (MarsadStore store, ClaimRenderer renderer, string id) =>
        {
            if (store.Documents(id: id).FirstOrDefault() is not { } document)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No document {id}");
            }

            var claims = store.Claims(id);
            var parts = ClaimRenderer.PartsByWhole(claims);
            return new JsonBody(json =>
            {
                json.WriteStartObject();
                WriteFields(json, document, claims.Count);
                json.WriteString("text", document.Document.Text);
                json.WriteStartArray("claims");
                foreach (var claim in claims)
                {
                    ClaimJson.Write(json, claim, renderer.Sentences(claim, [.. parts[claim.Id]]));
                }

                json.WriteEndArray();
                json.WriteEndObject();
            });
        }).WithSummary("One report: its text as ingested and its claims (CODEBOOK §2), spans pointing into the text, each read back as a sentence (rendered.ar, rendered.en).");

        write.MapPost("/documents", async (HttpRequest request, MarsadStore store) =>
        {
            var upload = await Upload.Read(request);
            if (upload.Documents.Count == 0)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "The report could not be read",
                    detail: string.Join("; ", upload.Errors.Select(e => e.Line is { } line ? $"Line {line}: {e.Reason}" : e.Reason)));
            }

            var stored = new List<(StoredDocument Document, int Claims, bool Added)>();
            foreach (var document in upload.Documents)
            {
                var extraction = options.Extractor.Extract(document);
                var outcome = store.AddDocument(document, extraction, Extraction.ClaimExtractor.Version);
                stored.Add((store.Documents(id: document.Id).First(d => d.Document.Hash == document.Hash), extraction.Claims.Count, outcome == IngestOutcome.Added));
            }

            return new JsonBody(
                json =>
                {
                    json.WriteStartObject();
                    json.WriteStartArray("documents");
                    foreach (var (document, claims, added) in stored)
                    {
                        json.WriteStartObject();
                        WriteFields(json, document, claims);
                        json.WriteBoolean("added", added);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteStartArray("errors");
                    foreach (var error in upload.Errors)
                    {
                        json.WriteStringValue(error.Line is { } line ? $"line {line}: {error.Reason}" : error.Reason);
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                },
                stored.Any(s => s.Added) ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        }).WithSummary("Upload reports: text/plain, text/html, a JSON object {id, text, title, source, url, published}, or JSON lines (application/x-ndjson), one report a line. Each is extracted and stored; bad lines are listed in errors.");
    }

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
