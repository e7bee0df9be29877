using Marsad.Rendering;
using Marsad.Storage;
using Marsad.Web.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marsad.Web;

/// <summary>
/// The dashboard: its files and map polygons embedded in this assembly (<c>Dashboard/</c>; the
/// polygons' licences and credit lines beside them in <c>Dashboard/map/</c>), served by the same
/// process with a content policy that lets the page load nothing but them and the API; and the
/// series charts it shows, drawn here as SVG.
/// </summary>
internal static class DashboardEndpoints
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["common.js"] = "text/javascript; charset=utf-8",
        ["reports.js"] = "text/javascript; charset=utf-8",
        ["review.js"] = "text/javascript; charset=utf-8",
        ["tallies.js"] = "text/javascript; charset=utf-8",
        ["map.js"] = "text/javascript; charset=utf-8",
        ["app.js"] = "text/javascript; charset=utf-8",
        ["app.css"] = "text/css; charset=utf-8",
        ["i18n.json"] = "application/json; charset=utf-8",
        ["map.syria_adm1.geojson"] = "application/geo+json",
        ["map.iraq_adm1.geojson"] = "application/geo+json",
        ["map.countries_context.geojson"] = "application/geo+json",
        ["map.region_adm1.geojson"] = "application/geo+json",
    };

    public static void Map(WebApplication app, RouteGroupBuilder read)
    {
        app.MapGet("/", (HttpContext context) => File(context, "index.html")).ExcludeFromDescription();
        app.MapGet("/dashboard/{file}", (HttpContext context, string file) => File(context, file)).ExcludeFromDescription();
        app.MapGet("/dashboard/map/{file}", (HttpContext context, string file) => File(context, "map." + file)).ExcludeFromDescription();
        read.MapGet("/chart", (MarsadStore store, ClaimRenderer renderer, string series, string? as_of, string? lang) =>
        {
            var language = lang ?? "en";
            if (!ClaimRenderer.Languages.Contains(language))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"No chart in '{language}'", detail: string.Join(", ", ClaimRenderer.Languages));
            }

            if (TallyFilter.Parse(null, null, null, as_of) is not { } filter)
            {
                return TallyEndpoints.BadFilter();
            }

            if (store.OneSeries(series, filter).Find(series) is not { } found)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No series {series}", detail: "GET /api/tally lists the series and their ids.");
            }

            var title = renderer.Title(found.Key, language);
            return Results.Text(SeriesChart.Svg([found], [title], title, language), "image/svg+xml; charset=utf-8");
        }).WithSummary("One series drawn as SVG, each point marked by its hedge, its words in one language (lang: ar or en, en by default).")
            .WithTags(TallyEndpoints.Tag).WithName("drawSeries")
            .Means("lang", "The language of the chart's words: ar or en (en by default).").Allows("lang", [.. ClaimRenderer.Languages])
            .Responds(StatusCodes.Status200OK, null, "image/svg+xml")
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
    }

    private static IResult File(HttpContext context, string name)
    {
        if (!ContentTypes.TryGetValue(name, out var contentType)
            || typeof(DashboardEndpoints).Assembly.GetManifestResourceStream("Marsad.Web.Dashboard." + name) is not { } stream)
        {
            return Results.NotFound();
        }

        context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(stream, contentType);
    }
}
