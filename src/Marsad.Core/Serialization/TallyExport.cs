using System.Text.Encodings.Web;
using System.Text.Json;
using Marsad.Model;
using Marsad.Tallies;

namespace Marsad.Serialization;

/// <summary>
/// A tally written out (docs/tallies.md): JSON (a list of series with their points), CSV (a row a
/// point), HXL-tagged CSV for humanitarian tooling, and GeoJSON (a feature a place with its latest
/// figures).
/// </summary>
public static class TallyExport
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] PointColumns =
    [
        "series", "category", "unit", "actor", "role", "age", "sex", "nationality", "admin1", "kind", "since",
        "as_of", "start", "value", "low", "high", "qualifier", "first_reported", "mentions", "sources",
    ];

    /// <summary>HXL hashtags (hxlstandard.org) for each column of the HXL export, after the conventions of HDX data sets.</summary>
    private static readonly (string Header, string Tag)[] HxlColumns =
    [
        ("Series", "#meta+series"), ("Category", "#indicator+category"), ("Actor", "#group+code"), ("Role", "#group+role"),
        ("Age", "#group+age"), ("Sex", "#group+sex"), ("Nationality", "#group+nationality"), ("Admin1 code", "#adm1+code"),
        ("Place", "#loc+name"), ("Latitude", "#geo+lat"), ("Longitude", "#geo+lon"), ("As of", "#date"),
        ("Period start", "#date+start"), ("Reported", "#date+reported"), ("Qualifier", "#indicator+qualifier"),
        ("Killed", "#affected+killed"), ("Injured", "#affected+injured"), ("Displaced", "#affected+idps"),
        ("Exited", "#affected+exited"), ("Detained", "#affected+detained"), ("Captured", "#affected+captured"),
        ("Missing", "#affected+missing"), ("Other figure", "#affected+other"), ("Source", "#meta+source"),
        ("Claims", "#meta+claims"),
    ];

    public static void WriteJson(Stream output, Tally tally)
    {
        using var json = new Utf8JsonWriter(output, Indented);
        json.WriteStartArray();
        foreach (var series in tally.Series)
        {
            WriteSeries(json, series);
        }

        json.WriteEndArray();
    }

    /// <param name="titles">What the series counts in words, by language (<c>title.ar</c>, <c>title.en</c>), when given.</param>
    public static void WriteSeries(Utf8JsonWriter json, Series series, IReadOnlyDictionary<string, string>? titles = null)
    {
        var key = series.Key;
        json.WriteStartObject();
        json.WriteString("id", series.Id);
        json.WriteString("label", key.Label);
        if (titles is not null)
        {
            json.WriteStartObject("title");
            foreach (var (language, title) in titles)
            {
                json.WriteString(language, title);
            }

            json.WriteEndObject();
        }

        json.WriteString("category", ClaimJson.Code(key.Category));
        json.WriteString("unit", key.Unit);
        json.WriteString("actor", key.Actor);
        json.WriteString("role", Csv.Code(key.Role));
        json.WriteString("age", Csv.Code(key.Age));
        json.WriteString("sex", Csv.Code(key.Sex));
        json.WriteString("nationality", key.Nationality);
        json.WriteString("admin1", key.Admin1);
        json.WriteString("kind", ClaimJson.Code(key.Kind));
        json.WriteString("since", key.Since);
        json.WriteStartArray("points");
        foreach (var point in series.Points)
        {
            json.WriteStartObject();
            json.WriteString("as_of", point.AsOf);
            if (key.Kind == TimeKind.Period)
            {
                json.WriteString("start", point.Start);
            }

            json.WriteNumber("value", point.Value);
            WriteNumberOrNull(json, "low", point.Low);
            WriteNumberOrNull(json, "high", point.High);
            json.WriteString("qualifier", ClaimJson.Code(point.Qualifier));
            json.WriteString("first_reported", point.FirstReported?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteStartArray("mentions");
            foreach (var mention in point.Mentions)
            {
                json.WriteStringValue(mention.Claim.Id);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void WriteCsv(TextWriter writer, Tally tally)
    {
        Csv.WriteRow(writer, PointColumns);
        foreach (var (series, point) in Points(tally))
        {
            var key = series.Key;
            Csv.WriteRow(writer,
            [
                series.Id, ClaimJson.Code(key.Category), key.Unit, key.Actor, Csv.Code(key.Role), Csv.Code(key.Age), Csv.Code(key.Sex),
                key.Nationality, key.Admin1, ClaimJson.Code(key.Kind), key.Since, point.AsOf, point.Start, Csv.Number(point.Value),
                Csv.Number(point.Low), Csv.Number(point.High), ClaimJson.Code(point.Qualifier), Day(point.FirstReported),
                string.Join(' ', point.Mentions.Select(m => m.Claim.Id)), Sources(point),
            ]);
        }
    }

    /// <summary>A header row, a row of HXL hashtags, then a row a point, its figure in the column of its category.</summary>
    public static void WriteHxl(TextWriter writer, Tally tally)
    {
        Csv.WriteRow(writer, HxlColumns.Select(c => c.Header));
        Csv.WriteRow(writer, HxlColumns.Select(c => c.Tag));
        foreach (var (series, point) in Points(tally))
        {
            var key = series.Key;
            var place = point.Mentions[0].Claim.Place;
            var figure = Csv.Number(point.Value);
            var column = key.Unit is not Units.Person and not Units.Family ? "Other figure" : key.Category switch
            {
                Category.Killed or Category.Executed => "Killed",
                Category.Injured => "Injured",
                Category.Displaced => "Displaced",
                Category.Exited or Category.Escaped => "Exited",
                Category.Detained or Category.Surrendered => "Detained",
                Category.Captured => "Captured",
                Category.Missing => "Missing",
                _ => "Other figure",
            };
            Csv.WriteRow(writer, HxlColumns.Select(c => c.Header switch
            {
                "Series" => series.Id,
                "Category" => ClaimJson.Code(key.Category),
                "Actor" => key.Actor,
                "Role" => Csv.Code(key.Role),
                "Age" => Csv.Code(key.Age),
                "Sex" => Csv.Code(key.Sex),
                "Nationality" => key.Nationality,
                "Admin1 code" => key.Admin1,
                "Place" => place.Name,
                "Latitude" => Csv.Number(place.Lat),
                "Longitude" => Csv.Number(place.Lon),
                "As of" => point.AsOf,
                "Period start" => point.Start,
                "Reported" => Day(point.FirstReported),
                "Qualifier" => ClaimJson.Code(point.Qualifier),
                "Source" => Sources(point),
                "Claims" => string.Join(' ', point.Mentions.Select(m => m.Claim.Id)),
                var header when header == column => figure,
                _ => null,
            }));
        }
    }

    /// <summary>
    /// A feature a place (by gazetteer id) with its latest figures: for every series with points
    /// there, the latest dated point stated for that place.
    /// </summary>
    public static void WriteGeoJson(Stream output, Tally tally)
    {
        var byPlace = Points(tally)
            .SelectMany(sp => sp.Point.Mentions.Select(m => (sp.Series, sp.Point, m.Claim.Place)))
            .Where(x => x.Place is { GazetteerId: not null, Lat: not null, Lon: not null })
            .GroupBy(x => x.Place.GazetteerId!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        using var json = new Utf8JsonWriter(output, Indented);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        foreach (var place in byPlace)
        {
            var first = place.First().Place;
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(Math.Round(first.Lon!.Value, 5));
            json.WriteNumberValue(Math.Round(first.Lat!.Value, 5));
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("gazetteer_id", place.Key);
            json.WriteString("name", first.Name);
            json.WriteString("admin1", first.Admin1);
            json.WriteStartArray("figures");
            // The latest dated point, else the undated one.
            foreach (var latest in place
                .GroupBy(x => x.Series.Id, StringComparer.Ordinal)
                .Select(g => g.MaxBy(x => x.Point.AsOf ?? "", StringComparer.Ordinal)))
            {
                json.WriteStartObject();
                json.WriteString("series", latest.Series.Id);
                json.WriteString("label", latest.Series.Key.Label);
                json.WriteString("category", ClaimJson.Code(latest.Series.Key.Category));
                json.WriteString("as_of", latest.Point.AsOf);
                json.WriteNumber("value", latest.Point.Value);
                json.WriteString("qualifier", ClaimJson.Code(latest.Point.Qualifier));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static IEnumerable<(Series Series, SeriesPoint Point)> Points(Tally tally) =>
        tally.Series.SelectMany(s => s.Points.Select(p => (s, p)));

    private static string Sources(SeriesPoint point) =>
        string.Join("; ", point.Mentions.Select(m => m.Source ?? m.Claim.Doc).Distinct(StringComparer.Ordinal));

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
