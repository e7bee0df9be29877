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
            if (category is not null && Codes.Parse<Category>(category) is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"'{category}' is not a category of the codebook");
            }

            var paging = Paging.Of(page, size);
            var day = Day.TryParse(date);
            var (shown, total) = paging.Of(store.ClaimsWithReviews(doc, Codes.Parse<Category>(category), version)
                .Where(c => (actor is null || string.Equals(c.Claim.Group.Actor, actor, StringComparison.OrdinalIgnoreCase))
                    && (admin1 is null || c.Claim.Place.Admin1 == admin1)
                    && (date is null || (day is not null && c.Claim.Time.AsOf == day))
                    && (status is null || c.Provenance.ReviewStatus == status)));
            var sentences = Sentences(store, renderer, shown.Select(c => c.Claim));
            return new JsonBody(json => paging.Write(json, total, shown, (j, c) => WriteReviewed(j, c, sentences)));
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
            var form = ReviewForm.Read(request.Action, request.Reason, request.Correction);
            if (!form.IsValid)
            {
                return Results.ValidationProblem(form.Errors, title: "The review cannot be recorded");
            }

            return store.AddReview(id, form.Action, form.Correction, form.Reason, TokenFilter.Reviewer(context)) switch
            {
                ReviewOutcome.Recorded recorded => new JsonBody(json => WriteReview(json, recorded.Review), StatusCodes.Status201Created),
                ReviewOutcome.Refused refused => Results.ValidationProblem(refused.Errors, title: "The correction would make the claim inconsistent"),
                _ => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No claim {id}"),
            };
        }).WithSummary("Confirm, reject or correct a claim, with a reason. A correction sets any of value, low, high, qualifier, category, actor, role, age, sex, nationality, place, admin1, kind, since, start, end, as_of, parent (null clears one); each is checked against the codebook and refused field by field (400, errors by field). Corrections of a claim compose; the extracted claim is kept; tallies use the reviewed values.")
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
        if (item.Review is { } state)
        {
            json.WritePropertyName("review");
            WriteReview(json, state.Latest);
            if (state.Corrections is not null && state.Apply(item.Claim) is { } reviewed)
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
        json.WriteString("action", Codes.Of(review.Action));
        json.WriteString("reason", review.Reason);
        json.WriteString("reviewer", review.Reviewer);
        json.WriteString("at", review.At.ToString("O", CultureInfo.InvariantCulture));
        if (review.Correction is { } correction)
        {
            json.WritePropertyName("correction");
            correction.Write(json);
        }

        json.WriteEndObject();
    }
}

/// <summary>The body of a review: <c>{"action": "correct", "reason": "…", "correction": {"value": 663, "category": "injured"}}</c>; read by <see cref="ReviewForm"/>.</summary>
internal sealed record ReviewRequest(string? Action, string? Reason, JsonElement? Correction);
