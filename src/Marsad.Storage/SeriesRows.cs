using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Model;
using Marsad.Serialization;
using Marsad.Tallies;

namespace Marsad.Storage;

/// <summary>
/// How a stored series (<c>tally_series.points</c>) is written and read back: its key and its
/// points, each point's mentions as the rowids of the claims that state them, so the claims are
/// read — with their reviews as they are now — only when the series is.
/// </summary>
internal static class SeriesRows
{
    public static string Write(Series series, IReadOnlyDictionary<string, long> rowids)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            SeriesJson.WriteKey(json, series.Key);
            json.WriteStartArray("points");
            foreach (var point in series.Points)
            {
                json.WriteStartArray();
                DayJson.WriteValue(json, point.AsOf);
                DayJson.WriteValue(json, point.Start);
                json.WriteNumberValue(point.Value);
                Number(json, point.Low);
                Number(json, point.High);
                json.WriteStringValue(Codes.Of(point.Qualifier));
                json.WriteStringValue(point.FirstReported?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                foreach (var mention in point.Mentions)
                {
                    json.WriteNumberValue(rowids[mention.Claim.Id]);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <param name="mention">The mention of a stored claim, by its rowid.</param>
    public static Series Read(string stored, Func<long, Mention> mention)
    {
        using var document = JsonDocument.Parse(stored);
        var root = document.RootElement;
        string? Text(string name) => root.GetProperty(name).GetString();
        var key = new SeriesKey(
            Codes.Parse<Category>(Text("category"))!.Value, Text("unit")!, Text("actor"), Codes.Parse<Role>(Text("role")),
            Codes.Parse<AgeGroup>(Text("age")), Codes.Parse<Sex>(Text("sex")), Text("nationality"), Text("admin1"),
            Codes.Parse<TimeKind>(Text("kind"))!.Value, Day.TryParse(Text("since")));
        var points = new List<SeriesPoint>();
        foreach (var point in root.GetProperty("points").EnumerateArray())
        {
            var fields = point.EnumerateArray().ToList();
            points.Add(new SeriesPoint(
                Day.TryParse(fields[0].GetString()),
                Day.TryParse(fields[1].GetString()),
                fields[2].GetInt64(),
                fields[3].ValueKind == JsonValueKind.Null ? null : fields[3].GetInt64(),
                fields[4].ValueKind == JsonValueKind.Null ? null : fields[4].GetInt64(),
                Codes.Parse<Qualifier>(fields[5].GetString())!.Value,
                fields[6].GetString() is { } day ? DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                [.. fields.Skip(7).Select(rowid => mention(rowid.GetInt64()))]));
        }

        return new Series(key, points);
    }

    private static void Number(Utf8JsonWriter json, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumberValue(number);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
