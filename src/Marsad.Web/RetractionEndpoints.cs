using System.Globalization;
using System.Text.Json;
using Marsad.Storage;
using Marsad.Web.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marsad.Web;

/// <summary><c>/api/retractions</c>: documents taken out of the record (admins), and the log of it.</summary>
internal static class RetractionEndpoints
{
    public static void Map(RouteGroupBuilder read, RouteGroupBuilder admin)
    {
        read.MapGet("/retractions", (MarsadStore store, string? document) =>
        {
            if (document is not null && store.Document(document) is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No document {document}");
            }

            return new JsonBody(json =>
            {
                json.WriteStartArray();
                foreach (var retraction in store.Retractions().Where(r => document is null || r.DocId == document))
                {
                    Write(json, retraction);
                }

                json.WriteEndArray();
            });
        }).WithSummary("The retraction log, oldest first: which document, who, when and why; of one document with document=ID.")
            .WithTags(DocumentEndpoints.Tag).Documented("listRetractions", "RetractionLog", StatusCodes.Status404NotFound);

        admin.MapPost("/retractions", (MarsadStore store, RetractionRequest request, HttpContext context) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (string.IsNullOrWhiteSpace(request.Document))
            {
                errors["document"] = ["the id of the document to retract is required."];
            }

            if (string.IsNullOrWhiteSpace(request.Reason))
            {
                errors["reason"] = ["a reason is required: every change to the record must be explainable."];
            }

            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "The retraction cannot be recorded");
            }

            return store.Retract(request.Document!, request.Reason!, TokenFilter.Reviewer(context)) is { } retraction
                ? new JsonBody(json => Write(json, retraction), StatusCodes.Status201Created)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No document {request.Document}");
        }).WithSummary("Retract a document (admins): every version of it leaves tallies, checks, claim lists and exports; it stays stored and readable. Logged with who and why.")
            .WithTags(DocumentEndpoints.Tag).WithName("retractDocument")
            .Takes(new Body(ApiContract.Json, "RetractionRequest"))
            .Responds(StatusCodes.Status201Created, "Retraction", ApiContract.Json)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
    }

    public static void Write(Utf8JsonWriter json, Retraction retraction)
    {
        json.WriteStartObject();
        json.WriteString("document", retraction.DocId);
        json.WriteString("reason", retraction.Reason);
        json.WriteString("by", retraction.By);
        json.WriteString("at", retraction.At.ToString("O", CultureInfo.InvariantCulture));
        json.WriteEndObject();
    }
}

/// <summary>The body of a retraction: <c>{"document": "2019/report", "reason": "…"}</c>.</summary>
internal sealed record RetractionRequest(string? Document, string? Reason);
