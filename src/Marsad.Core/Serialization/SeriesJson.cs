using System.Text.Encodings.Web;
using System.Text.Json;
using Marsad.Model;
using Marsad.Tallies;

namespace Marsad.Serialization;

/// <summary>
/// The series of a tally as JSON (docs/tallies.md): a list of series with their points and the
/// claims that state them — what <c>marsad tally --format json</c> and <c>/api/tally</c> answer. The
/// files for data users are written by <see cref="Exports.TallyExports"/>.
/// </summary>
public static class SeriesJson
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="tally">The series, written as they are read.</param>
    public static void WriteJson(Stream output, IEnumerable<Series> tally)
    {
        using var json = new Utf8JsonWriter(output, Indented);
        json.WriteStartArray();
        foreach (var series in tally)
        {
            WriteSeries(json, series);
        }

        json.WriteEndArray();
    }

    /// <summary>What a series counts, its key's members by their codebook names (also how the store keeps a series).</summary>
    public static void WriteKey(Utf8JsonWriter json, SeriesKey key)
    {
        json.WriteString("category", Codes.Of(key.Category));
        json.WriteString("unit", key.Unit);
        json.WriteString("actor", key.Actor);
        json.WriteString("role", Csv.Code(key.Role));
        json.WriteString("age", Csv.Code(key.Age));
        json.WriteString("sex", Csv.Code(key.Sex));
        json.WriteString("nationality", key.Nationality);
        json.WriteString("admin1", key.Admin1);
        json.WriteString("kind", Codes.Of(key.Kind));
        DayJson.Write(json, "since", key.Since);
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

        WriteKey(json, key);
        json.WriteStartArray("points");
        foreach (var point in series.Points)
        {
            json.WriteStartObject();
            DayJson.Write(json, "as_of", point.AsOf);
            if (key.Kind == TimeKind.Period)
            {
                DayJson.Write(json, "start", point.Start);
            }

            json.WriteNumber("value", point.Value);
            WriteNumberOrNull(json, "low", point.Low);
            WriteNumberOrNull(json, "high", point.High);
            json.WriteString("qualifier", Codes.Of(point.Qualifier));
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
