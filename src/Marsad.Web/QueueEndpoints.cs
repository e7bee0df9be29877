using Marsad.Model;
using Marsad.Rendering;
using Marsad.Reviews;
using Marsad.Storage;
using Marsad.Web.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marsad.Web;

/// <summary><c>/api/queue</c>: the claims of the record in the order a reviewer should see them (<see cref="ReviewOrder"/>).</summary>
internal static class QueueEndpoints
{
    public static void Map(RouteGroupBuilder read)
    {
        read.MapGet("/queue", (MarsadStore store, ClaimRenderer renderer, string? category, bool? reviewed, int? page, int? size) =>
        {
            if (category is not null && Codes.Parse<Category>(category) is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"'{category}' is not a category of the codebook");
            }

            var paging = Paging.Of(page, size);
            var records = store.ClaimsWithReviews(category: Codes.Parse<Category>(category)).ToDictionary(r => r.Claim.Id, StringComparer.Ordinal);
            var queue = ReviewOrder.Order(records.Values.Select(r => (r.Claim, r.Review?.Latest)), store.Tally(new TallyFilter()).Tally.Warnings)
                .Where(q => reviewed == true || q.Review is null);
            var (shown, total) = paging.Of(queue);
            var sentences = ClaimEndpoints.Sentences(store, renderer, shown.Select(q => q.Claim));
            return new JsonBody(json => paging.Write(json, total, shown, (j, q) => ClaimEndpoints.WriteReviewed(j, records[q.Claim.Id], sentences, more =>
            {
                more.WriteNumber("score", q.Score);
                more.WriteStartArray("reasons");
                foreach (var reason in q.Reasons)
                {
                    more.WriteStringValue(reason);
                }

                more.WriteEndArray();
            })));
        }).WithSummary("Claims ordered by how likely they are wrong: warnings of their own and across claims, then the extractor's doubts (unknown event, no figure, no date, no place, a large figure, things not people), each a reason; category narrows it; unreviewed only unless reviewed=true, which puts reviewed ones after.")
            .WithTags("claims").Documented("getQueue", "QueuePage", StatusCodes.Status400BadRequest);
    }
}
