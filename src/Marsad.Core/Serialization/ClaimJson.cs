using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Marsad.Model;

namespace Marsad.Serialization;

/// <summary>
/// Writes claims as the JSON object of CODEBOOK §2, field for field and in its order:
/// the contract other tools read, so it is written by hand rather than left to a serializer's defaults.
/// </summary>
public static class ClaimJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Arabic stays readable in the output instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = false,
    };

    public static string ToJson(Claim claim)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(writer, claim);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes one claim a line.</summary>
    public static void WriteLines(Stream output, IEnumerable<Claim> claims)
    {
        using var writer = new Utf8JsonWriter(output, Options);
        foreach (var claim in claims)
        {
            Write(writer, claim);
            writer.Flush();
            output.WriteByte((byte)'\n');
            writer.Reset();
        }
    }

    /// <param name="more">Writes members after the claim's own, inside its object (an export's provenance).</param>
    public static void Write(Utf8JsonWriter writer, Claim claim, Action<Utf8JsonWriter>? more = null)
    {
        writer.WriteStartObject();
        writer.WriteString("doc", claim.Doc);
        writer.WriteString("id", claim.Id);
        writer.WriteStartArray("span");
        writer.WriteNumberValue(claim.Span.Start);
        writer.WriteNumberValue(claim.Span.End);
        writer.WriteEndArray();
        writer.WriteString("text", claim.Text);
        writer.WriteString("quote", claim.Quote);
        writer.WriteBoolean("headline", claim.Headline);
        WriteNumber(writer, "value", claim.Value);
        WriteNumber(writer, "low", claim.Low);
        WriteNumber(writer, "high", claim.High);
        writer.WriteString("qualifier", Codes.Of(claim.Qualifier));
        WriteCode(writer, "magnitude", claim.Magnitude);
        writer.WriteString("unit", claim.Unit);
        writer.WriteString("category", Codes.Of(claim.Category));
        if (claim.Also.Count > 0)
        {
            writer.WriteStartArray("also");
            foreach (var also in claim.Also)
            {
                writer.WriteStringValue(Codes.Of(also));
            }

            writer.WriteEndArray();
        }

        WriteGroup(writer, claim.Group);
        writer.WriteString("perpetrator", claim.Perpetrator);
        WriteCode(writer, "cause", claim.Cause);
        WriteTime(writer, claim.Time);
        WritePlace(writer, claim.Place);
        writer.WriteString("parent", claim.Parent);
        writer.WriteString("attribution", claim.Attribution);
        writer.WriteStartArray("warnings");
        foreach (var warning in claim.Warnings)
        {
            writer.WriteStringValue(warning);
        }

        writer.WriteEndArray();
        more?.Invoke(writer);
        writer.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter writer, Group group)
    {
        writer.WriteStartObject("group");
        writer.WriteString("actor", group.Actor);
        WriteCode(writer, "role", group.Role);
        WriteCode(writer, "age", group.Age);
        WriteCode(writer, "sex", group.Sex);
        writer.WriteString("nationality", group.Nationality);
        writer.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter writer, ClaimTime time)
    {
        writer.WriteStartObject("time");
        WriteCode(writer, "kind", time.Kind);
        DayJson.Write(writer, "since", time.Since);
        DayJson.Write(writer, "start", time.Start);
        DayJson.Write(writer, "end", time.End);
        DayJson.Write(writer, "as_of", time.AsOf);
        writer.WriteEndObject();
    }

    private static void WritePlace(Utf8JsonWriter writer, Place place)
    {
        writer.WriteStartObject("place");
        writer.WriteString("name", place.Name);
        writer.WriteString("admin1", place.Admin1);
        writer.WriteString("gazetteer_id", place.GazetteerId);
        WriteNumber(writer, "lat", place.Lat);
        WriteNumber(writer, "lon", place.Lon);
        writer.WriteEndObject();
    }

    private static void WriteCode<T>(Utf8JsonWriter writer, string name, T? value)
        where T : struct, Enum
    {
        if (value is { } v)
        {
            writer.WriteString(name, Codes.Of(v));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
