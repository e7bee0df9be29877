using System.Globalization;
using System.Text.Json;
using Marsad.Exports;
using Marsad.Model;
using Marsad.Rendering;
using Marsad.Reviews;
using Marsad.Serialization;
using Marsad.Storage;
using Marsad.Web.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marsad.Web;

/// <summary><c>/api/claims</c>: query claims with their reviews; review one; read its audit log.</summary>
internal static class ClaimEndpoints
{
    private const string Tag = "claims";
    private const string ClaimId = "A claim id: DOC#n, or DOC@vK#n in version K of a document ('#' sent as %23).";

    public static void Map(RouteGroupBuilder read, RouteGroupBuilder write)
    {
        read.MapGet("/claims", (MarsadStore store, ClaimRenderer renderer, string? doc, int? version, string? category, string? actor, string? admin1, string? date, string? status, int? page, int? size) =>
        {
            if (category is not null && ClaimJson.Parse<Category>(category) is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"'{category}' is not a category of the codebook");
            }

            var paging = Paging.Of(page, size);
            var claims = store.ClaimsWithReviews(doc, ClaimJson.Parse<Category>(category), version)
                .Where(c => (actor is null || string.Equals(c.Claim.Group.Actor, actor, StringComparison.OrdinalIgnoreCase))
                    && (admin1 is null || c.Claim.Place.Admin1 == admin1)
                    && (date is null || c.Claim.Time.AsOf == date)
                    && (status is null || c.Provenance.ReviewStatus == status))
                .ToList();
            var shown = paging.Of(claims).ToList();
            var sentences = Sentences(store, renderer, shown.Select(c => c.Claim));
            return new JsonBody(json => paging.Write(json, claims.Count, shown, (j, c) => WriteReviewed(j, c, sentences)));
        }).WithSummary("Claims of the record (the latest version of each document not retracted), or of one document (doc, and version for an earlier one), filtered by category, actor, admin1, as-of day and review status (unreviewed, confirm, reject, correct); each read back as a sentence (rendered.ar, rendered.en), as extracted and as reviewed.")
            .WithTags(Tag).Documented("listClaims", "ClaimPage", StatusCodes.Status400BadRequest);

        read.MapGet("/claims/{id}/reviews", (MarsadStore store, string id) =>
        {
            id = RouteIds.Decode(id);
            if (!store.HasClaim(id))
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No claim {id}");
            }

            return new JsonBody(json =>
            {
                json.WriteStartArray();
                foreach (var review in store.Reviews(id))
                {
                    WriteReview(json, review);
                }

                json.WriteEndArray();
            });
        }).WithSummary("The audit log of one claim: every review, oldest first.")
            .WithTags(Tag).Means("id", ClaimId).Documented("listReviews", "ReviewLog", StatusCodes.Status404NotFound);

        write.MapPost("/claims/{id}/reviews", (MarsadStore store, string id, ReviewRequest request, HttpContext context) =>
        {
            id = RouteIds.Decode(id);
            var (action, correction, problem) = request.Read();
            if (problem is not null)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The review cannot be recorded", detail: problem);
            }

            var review = store.AddReview(id, action, correction, request.Reason!, TokenFilter.Reviewer(context));
            return review is null
                ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No claim {id}")
                : new JsonBody(json => WriteReview(json, review), StatusCodes.Status201Created);
        }).WithSummary("Confirm, reject or correct a claim, with a reason. The extracted claim is kept; tallies use the reviewed values.")
            .WithTags(Tag).WithName("reviewClaim").Means("id", ClaimId)
            .Takes(new Body(ApiContract.Json, "ReviewRequest"))
            .Responds(StatusCodes.Status201Created, "Review", ApiContract.Json)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
    }

    /// <summary>Renders a claim with the parts its report gives it (all of them, whatever the filter).</summary>
    internal static Func<Claim, IReadOnlyDictionary<string, string>> Sentences(MarsadStore store, ClaimRenderer renderer, IEnumerable<Claim> claims)
    {
        var parts = ClaimRenderer.PartsByWhole(claims.Select(c => c.Doc).Distinct(StringComparer.Ordinal).SelectMany(doc => store.Claims(doc)));
        return claim => renderer.Sentences(claim, [.. parts[claim.Id]]);
    }

    /// <summary>Writes a claim's sentences inside its object: <c>"rendered": {"ar": …, "en": …}</c>.</summary>
    internal static Action<Utf8JsonWriter> Rendered(IReadOnlyDictionary<string, string> sentences) => json =>
    {
        json.WriteStartObject("rendered");
        foreach (var (language, sentence) in sentences)
        {
            json.WriteString(language, sentence);
        }

        json.WriteEndObject();
    };

    /// <param name="more">Writes fields of its own into the item (the queue's score and reasons).</param>
    internal static void WriteReviewed(Utf8JsonWriter json, ClaimRecord item, Func<Claim, IReadOnlyDictionary<string, string>> sentences, Action<Utf8JsonWriter>? more = null)
    {
        json.WriteStartObject();
        json.WritePropertyName("claim");
        ClaimJson.Write(json, item.Claim, Rendered(sentences(item.Claim)));
        json.WriteString("status", item.Provenance.ReviewStatus);
        json.WritePropertyName("provenance");
        ClaimExport.WriteProvenance(json, item.Provenance);
        if (item.Review is { } review)
        {
            json.WritePropertyName("review");
            WriteReview(json, review);
            if (review.Apply(item.Claim) is { } reviewed && review.Action == ReviewAction.Correct)
            {
                json.WritePropertyName("reviewed");
                ClaimJson.Write(json, reviewed, Rendered(sentences(reviewed)));
            }
        }

        more?.Invoke(json);
        json.WriteEndObject();
    }

    private static void WriteReview(Utf8JsonWriter json, Review review)
    {
        json.WriteStartObject();
        json.WriteNumber("id", review.Id);
        json.WriteString("claim", review.ClaimId);
        json.WriteString("action", ClaimJson.Code(review.Action));
        json.WriteString("reason", review.Reason);
        json.WriteString("reviewer", review.Reviewer);
        json.WriteString("at", review.At.ToString("O", CultureInfo.InvariantCulture));
        if (review.Correction is { } correction)
        {
            json.WritePropertyName("correction");
            JsonSerializer.Serialize(json, correction, ClaimCorrection.Json);
        }

        json.WriteEndObject();
    }
}

/// <summary>The body of a review: <c>{"action": "correct", "reason": "…", "correction": {"value": 663}}</c>.</summary>
internal sealed record ReviewRequest(string? Action, string? Reason, JsonElement? Correction)
{
    /// <summary>The action and correction asked for, or what is wrong with the request.</summary>
    public (ReviewAction Action, ClaimCorrection? Correction, string? Problem) Read()
    {
        if (ClaimJson.Parse<ReviewAction>(Action) is not { } action)
        {
            return (default, null, "\"action\" must be confirm, reject or correct.");
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            return (action, null, "\"reason\" is required: every change to the record must be explainable.");
        }

        if (action != ReviewAction.Correct)
        {
            return (action, null, null);
        }

        if (Correction is not { ValueKind: JsonValueKind.Object } fields)
        {
            return (action, null, "\"correction\" is required with \"correct\": an object of the fields to set.");
        }

        try
        {
            var correction = fields.Deserialize<ClaimCorrection>(ClaimCorrection.Json)!;
            return correction.IsEmpty ? (action, null, "\"correction\" sets no field.") : (action, correction, null);
        }
        catch (JsonException e)
        {
            return (action, null, "\"correction\": " + e.Message);
        }
    }
}
