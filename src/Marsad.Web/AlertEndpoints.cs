using System.Globalization;
using Marsad.Monitoring;
using Marsad.Storage;
using Marsad.Web.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marsad.Web;

/// <summary><c>/api/alerts</c> and <c>/api/alerts.atom</c>: what new reports changed in the record, as JSON and as a feed a reader subscribes to.</summary>
internal static class AlertEndpoints
{
    public const string Tag = "alerts";

    private const int FeedEntries = 100;

    public static void Map(RouteGroupBuilder read)
    {
        read.MapGet("/alerts", (MarsadStore store, string? since, string? kind, string? series, int? limit) =>
            Filter(since, limit) is not var (from, most) ? BadSince(since)
            : new JsonBody(json => AlertWriter.Json(json, store.Alerts(from, kind, series, most))))
            .WithSummary("Alerts, the latest first: conflicts, decreases, increment mismatches, spikes, new series and revisions new reports raised; narrowed by since (ISO 8601), kind, series and limit.")
            .WithTags(Tag).Filters().Means("limit", "At most this many alerts, the latest.")
            .Documented("listAlerts", "AlertList", StatusCodes.Status400BadRequest);

        read.MapGet("/alerts.atom", (HttpContext context, MarsadStore store, string? since, string? kind, string? series) =>
        {
            if (Filter(since, FeedEntries) is not var (from, most))
            {
                return BadSince(since);
            }

            var request = context.Request;
            var self = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");
            var title = "Marsad alerts" + (kind is null ? "" : " — " + kind) + (series is null ? "" : " — " + series);
            var body = new MemoryStream();
            AlertWriter.Atom(body, store.Alerts(from, kind, series, most), self, title);
            body.Position = 0;
            return Results.Stream(body, "application/atom+xml; charset=utf-8");
        }).WithSummary("The alerts as an Atom feed (the latest 100) to subscribe to in any feed reader; a saved filter is the same query (kind, series, since) in the feed's URL.")
            .WithTags(Tag).WithName("alertFeed").Filters()
            .Responds(StatusCodes.Status200OK, null, "application/atom+xml")
            .Refuses(StatusCodes.Status400BadRequest);
    }

    /// <summary>The meanings of the filters both forms take: a saved filter is the same query.</summary>
    private static RouteHandlerBuilder Filters(this RouteHandlerBuilder endpoint) => endpoint
        .Means("since", "Only alerts raised since this day or time (ISO 8601).")
        .Means("kind", "Only alerts of this kind: value_conflict, series_decrease, increment_mismatch, parts_exceed_whole, sum_mismatch, spike, new_series, revision.")
        .Means("series", "Only alerts of this series id, as /api/tally lists them.");

    private static (DateTimeOffset? Since, int Limit)? Filter(string? since, int? limit)
    {
        DateTimeOffset? from = null;
        if (since is not null)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return null;
            }

            from = parsed;
        }

        return (from, limit is > 0 ? limit.Value : -1);
    }

    private static IResult BadSince(string? since) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad filter", detail: $"since: '{since}' is not a date or time (ISO 8601).");
}
