using Marsad.Exports;
using Marsad.Model;
using Marsad.Rendering;
using Marsad.Serialization;
using Marsad.Storage;
using Marsad.Tallies;
using Marsad.Web.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marsad.Web;

/// <summary><c>/api/tally</c>, <c>/api/series/…</c>, <c>/api/checks</c>, <c>/api/places</c>, <c>/api/export/…</c>: the record as reviewed.</summary>
internal static class TallyEndpoints
{
    internal const string Tag = "tallies";

    /// <summary>The sections of the rendering data the dashboard shows: codes, warnings, months.</summary>
    private static readonly string[] LabelSections = ["label", "warning", "month"];

    public static void Map(RouteGroupBuilder read)
    {
        read.MapGet("/tally", (MarsadStore store, ClaimRenderer renderer, string? category, string? actor, string? since, string? as_of) =>
        {
            if (TallyFilter.Parse(category, actor, since, as_of) is not { } filter)
            {
                return BadFilter();
            }

            return new JsonBody(json =>
            {
                json.WriteStartArray();
                foreach (var series in store.SeriesOf(filter))
                {
                    SeriesJson.WriteSeries(json, series, renderer.Titles(series.Key));
                }

                json.WriteEndArray();
            });
        }).WithSummary("The series (docs/tallies.md) as reviewed, each titled in words (title.ar, title.en); as_of=YYYY-MM-DD gives what the record said that day.")
            .WithTags(Tag).Documented("getTally", "Tally", StatusCodes.Status400BadRequest);

        read.MapGet("/labels/{language}", (ClaimRenderer renderer, string language) =>
            ClaimRenderer.Languages.Contains(language)
                ? new JsonBody(json =>
                {
                    var grammar = RenderingGrammar.For(language);
                    json.WriteStartObject();
                    foreach (var section in LabelSections)
                    {
                        json.WriteStartObject(section);
                        // Actors and divisions are the profile's and the gazetteer's, not the language's: their names join the codes' labels.
                        var texts = section == "label" ? grammar.Section(section).Concat(renderer.CodeNames(language)) : grammar.Section(section);
                        foreach (var (key, text) in texts)
                        {
                            json.WriteString(key, text);
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndObject();
                })
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No labels in '{language}'", detail: string.Join(", ", ClaimRenderer.Languages)))
            .WithSummary("The words for codebook codes, the profile's actors and the first-level divisions (label), what each warning means (warning) and month names (month) in one language (ar, en), from its rendering data and the conflict profile.")
            .WithTags(Tag).Means("language", "A language with rendering data: ar or en.").Documented("getLabels", "Labels", StatusCodes.Status404NotFound).Allows("language", [.. ClaimRenderer.Languages]);

        read.MapGet("/series/{**id}", (MarsadStore store, string id, string? as_of) =>
        {
            if (TallyFilter.Parse(null, null, null, as_of) is not { } filter)
            {
                return BadFilter();
            }

            return store.OneSeries(id, filter).Find(id) is { } series
                ? new JsonBody(json => SeriesJson.WriteSeries(json, series))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No series {id}", detail: "GET /api/tally lists the series and their ids.");
        }).WithSummary("One series with its points and their mentions. The id is URL-safe (killed.IS.fighter.SY-DY.since-2018-09-10); the older form with '/' is accepted.")
            .WithTags(Tag).Means("id", "A series id, as /api/tally lists them (killed.IS.fighter.SY-DY.since-2018-09-10); the older form with '/' is accepted.").Documented("getSeries", "Series", StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        read.MapGet("/checks", (MarsadStore store, string? as_of) =>
        {
            if (TallyFilter.Parse(null, null, null, as_of) is not { } filter)
            {
                return BadFilter();
            }

            var tally = store.TallyWarnings(filter).Tally;
            var claims = store.WarnedClaims().ToList();
            return new JsonBody(json =>
            {
                json.WriteStartArray();
                foreach (var claim in claims)
                {
                    foreach (var code in claim.Warnings)
                    {
                        WriteWarning(json, code, claim.Doc, null, $"{claim.Id} “{claim.Text}”", [claim.Id]);
                    }
                }

                foreach (var warning in tally.Warnings)
                {
                    WriteWarning(json, warning.Code, null, warning.SeriesId, warning.Explanation, warning.ClaimIds);
                }

                json.WriteEndArray();
            });
        }).WithSummary("Every consistency warning (CODEBOOK §6): of single claims, by document, and across claims, by series (as_of=YYYY-MM-DD: of the record as it was that day).")
            .WithTags(Tag).Documented("listChecks", "Checks", StatusCodes.Status400BadRequest);

        read.MapGet("/places", (MarsadStore store, string? category) =>
        {
            if (category is not null && Codes.Parse<Category>(category) is null)
            {
                return BadFilter();
            }

            var places = store.Claims(category: Codes.Parse<Category>(category)).Where(c => c.Place.Name is not null || c.Place.Admin1 is not null)
                .GroupBy(c => (c.Place.Name, c.Place.Admin1, c.Place.GazetteerId, c.Place.Lat, c.Place.Lon))
                .OrderByDescending(g => g.Count());
            return new JsonBody(json =>
            {
                json.WriteStartArray();
                foreach (var place in places)
                {
                    json.WriteStartObject();
                    json.WriteString("name", place.Key.Name);
                    json.WriteString("admin1", place.Key.Admin1);
                    json.WriteString("gazetteer_id", place.Key.GazetteerId);
                    if (place.Key.Lat is { } lat && place.Key.Lon is { } lon)
                    {
                        json.WriteNumber("lat", lat);
                        json.WriteNumber("lon", lon);
                    }

                    json.WriteNumber("claims", place.Count());
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            });
        }).WithSummary("The places claims (of a category, when given) are about; those without a gazetteer id are not in the gazetteer.")
            .WithTags(Tag).Documented("listPlaces", "Places", StatusCodes.Status400BadRequest);

        read.MapGet("/export/{format}", (MarsadStore store, string format, string? category, string? actor, string? since, string? as_of, bool? excel) =>
        {
            if (Codes.Parse<ExportFormat>(format) is not { } chosen)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No export format {format}", detail: "csv, json, geojson, hxl or xlsx.");
            }

            if (TallyFilter.Parse(category, actor, since, as_of) is not { } filter)
            {
                return BadFilter();
            }

            // Written whole before it is sent: the writers are synchronous, the response is not.
            using var buffer = new MemoryStream();
            TallyExports.Write(buffer, store.SeriesOf(filter), chosen, excel ?? false);
            return Results.File(buffer.ToArray(), TallyExports.ContentType(chosen), TallyExports.FileName(chosen));
        }).WithSummary("The tally as a file for data users (docs/exports.md): CSV, JSON or xlsx a row a point, HXL-tagged CSV for HDX tooling, GeoJSON of places; excel=true starts CSV and HXL with a byte-order mark.")
            .WithTags(Tag).WithName("exportTally").Allows("format", "csv", "json", "geojson", "hxl", "xlsx")
            .Responds(
                StatusCodes.Status200OK,
                new Body("text/csv"), new Body(ApiContract.Json, "TallyExport"), new Body("application/geo+json", "GeoJsonExport"),
                new Body(TallyExports.ContentType(ExportFormat.Xlsx)))
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
    }

    /// <summary>The tally with the filters applied; null when a filter is malformed.</summary>
    internal static Tally? Build(MarsadStore store, string? category, string? actor, string? since, string? asOf) =>
        TallyFilter.Parse(category, actor, since, asOf) is { } filter ? store.Tally(filter).Tally : null;

    internal static IResult BadFilter() => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "A filter is malformed", detail: "category is a codebook category; since and as_of are YYYY-MM-DD.");

    private static void WriteWarning(System.Text.Json.Utf8JsonWriter json, string code, string? doc, string? series, string explanation, IReadOnlyList<string> claims)
    {
        json.WriteStartObject();
        json.WriteString("code", code);
        json.WriteString("doc", doc);
        json.WriteString("series", series);
        json.WriteString("explanation", explanation);
        json.WriteStartArray("claims");
        foreach (var claim in claims)
        {
            json.WriteStringValue(claim);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
