using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Marsad.Model;
using Marsad.Serialization;
using Marsad.Tallies;

namespace Marsad.Exports;

/// <summary>The formats a tally is exported in (docs/exports.md).</summary>
public enum ExportFormat { Csv, Json, Geojson, Hxl, Xlsx }

/// <summary>
/// The tally as files a data user loads without a codebook, a row a point (<see cref="TallyRow"/>):
/// CSV, JSON and xlsx with the columns of <see cref="TallyColumns"/>, HXL-tagged CSV
/// (<see cref="HxlExport"/>), GeoJSON of places. The CLI's <c>marsad export</c> and the API's
/// <c>/api/export/{format}</c> both write through <see cref="Write(Stream, IEnumerable{Series}, ExportFormat, bool)"/>.
/// </summary>
public static class TallyExports
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The columns a feature gives of each series' latest row.</summary>
    private static readonly TallyColumn[] FigureColumns =
    [
        .. new[] { "series", "label", "category", "kind", "unit", "as_of", "date_precision", "low", "best", "high", "qualifier", "figures", "mentions", "sources", "review_status" }
            .Select(name => TallyColumns.All.Single(c => c.Name == name)),
    ];

    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Json => "application/json",
        ExportFormat.Geojson => "application/geo+json",
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "text/csv; charset=utf-8",
    };

    public static string FileName(ExportFormat format) => format switch
    {
        ExportFormat.Hxl => "marsad-tally-hxl.csv",
        _ => "marsad-tally." + Codes.Of(format),
    };

    /// <param name="excel">CSV and HXL begin with a byte-order mark, so Excel reads them as UTF-8 (Arabic intact).</param>
    /// <param name="tally">The series, read as they are written: only the xlsx workbook is held whole.</param>
    public static void Write(Stream output, IEnumerable<Series> tally, ExportFormat format, bool excel = false)
    {
        var rows = TallyRow.Of(tally);
        switch (format)
        {
            case ExportFormat.Json:
                WriteJson(output, rows);
                break;
            case ExportFormat.Geojson:
                WriteGeoJson(output, rows);
                break;
            case ExportFormat.Xlsx:
                Xlsx.Write(output, [
                    new Sheet("tally", [TallyColumns.All.Select(c => Cell.Of(c.Name)).ToList(), .. rows.Select(r => TallyColumns.All.Select(c => c.Value(r)).ToList())]),
                    new Sheet("columns", [[Cell.Of("column"), Cell.Of("meaning")], .. TallyColumns.All.Select(c => new[] { Cell.Of(c.Name), Cell.Of(c.Meaning) })]),
                ]);
                break;
            default:
                using (var writer = new StreamWriter(output, new UTF8Encoding(excel), leaveOpen: true))
                {
                    if (format == ExportFormat.Hxl)
                    {
                        HxlExport.Write(writer, rows);
                    }
                    else
                    {
                        WriteCsv(writer, rows);
                    }
                }

                break;
        }
    }

    public static void WriteCsv(TextWriter writer, IEnumerable<TallyRow> rows)
    {
        Csv.WriteRow(writer, TallyColumns.All.Select(c => c.Name));
        foreach (var row in rows)
        {
            Csv.WriteRow(writer, TallyColumns.All.Select(c => c.Value(row).AsText()));
        }
    }

    /// <summary><c>{schema_version, columns: [{name, meaning}], rows: [{column: value}]}</c>: numbers as numbers, lists as arrays.</summary>
    private static void WriteJson(Stream output, IEnumerable<TallyRow> rows)
    {
        using var json = new Utf8JsonWriter(output, Indented);
        json.WriteStartObject();
        json.WriteString("schema_version", TallyColumns.SchemaVersion);
        json.WriteStartArray("columns");
        foreach (var column in TallyColumns.All)
        {
            json.WriteStartObject();
            json.WriteString("name", column.Name);
            json.WriteString("meaning", column.Meaning);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("rows");
        foreach (var row in rows)
        {
            json.WriteStartObject();
            foreach (var column in TallyColumns.All)
            {
                json.WritePropertyName(column.Name);
                Write(json, column.Value(row));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// A feature a place with coordinates (the place of each row), its properties the latest row of
    /// every series there; <c>schema_version</c> on the collection.
    /// </summary>
    private static void WriteGeoJson(Stream output, IEnumerable<TallyRow> rows)
    {
        var places = LatestByPlace(rows);
        using var json = new Utf8JsonWriter(output, Indented);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteString("schema_version", TallyColumns.SchemaVersion);
        json.WriteStartArray("features");
        foreach (var (id, place) in places.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(Math.Round(place.Lon, 5));
            json.WriteNumberValue(Math.Round(place.Lat, 5));
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("gazetteer_id", id);
            json.WriteString("name", place.Name);
            json.WriteNumber("place_precision", place.Precision);
            json.WriteString("admin1", place.Admin1);
            json.WriteString("admin1_pcode", place.Admin1Pcode);
            json.WriteStartArray("figures");
            foreach (var latest in place.Latest.Values)
            {
                json.WriteStartObject();
                for (var i = 0; i < FigureColumns.Length; i++)
                {
                    json.WritePropertyName(FigureColumns[i].Name);
                    Write(json, latest.Cells[i]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// A place as its first row gives it, and the latest row of each series there, in the order the
    /// series come. Rows are kept as the values a feature writes, not as rows: a row holds its
    /// whole series, and the export holds no series past its own rows.
    /// </summary>
    private sealed record PlaceFeature(double Lon, double Lat, string? Name, int Precision, string? Admin1, string? Admin1Pcode)
    {
        public OrderedDictionary<string, (Day? AsOf, Cell[] Cells)> Latest { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// The places with coordinates, keeping of each series at a place only its latest dated point
    /// (else its undated one; the first of equals): what a feature shows, read in one pass.
    /// </summary>
    private static Dictionary<string, PlaceFeature> LatestByPlace(IEnumerable<TallyRow> rows)
    {
        var places = new Dictionary<string, PlaceFeature>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Place is { GazetteerId: not null, Lat: not null, Lon: not null }))
        {
            if (!places.TryGetValue(row.Place.GazetteerId!, out var place))
            {
                place = new PlaceFeature(
                    row.Place.Lon!.Value, row.Place.Lat!.Value, row.Place.Name, (int)row.PlacePrecision, row.Place.Admin1 ?? row.Key.Admin1, row.Admin1?.Pcode);
                places.Add(row.Place.GazetteerId!, place);
            }

            if (!place.Latest.TryGetValue(row.Series.Id, out var latest) || Nullable.Compare(row.Point.AsOf, latest.AsOf) > 0)
            {
                place.Latest[row.Series.Id] = (row.Point.AsOf, [.. FigureColumns.Select(c => c.Value(row))]);
            }
        }

        return places;
    }

    private static void Write(Utf8JsonWriter json, Cell cell)
    {
        if (cell.Number is { } number)
        {
            json.WriteNumberValue(number);
        }
        else if (cell.Items is { } items)
        {
            json.WriteStartArray();
            foreach (var item in items)
            {
                json.WriteStringValue(item);
            }

            json.WriteEndArray();
        }
        else if (cell.Text is { } text)
        {
            json.WriteStringValue(text);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
