using System.Globalization;
using Marsad.Model;

namespace Marsad.Serialization;

/// <summary>Writes claims as CSV (RFC 4180), one row a claim, the CODEBOOK §2 fields flattened.</summary>
public static class ClaimCsv
{
    private static readonly string[] Header =
    [
        "doc", "id", "span_start", "span_end", "text", "value", "low", "high", "qualifier", "magnitude", "unit",
        "category", "also", "actor", "role", "age", "sex", "nationality", "perpetrator", "cause", "time_kind",
        "since", "start", "end", "as_of", "place_name", "admin1", "gazetteer_id", "lat", "lon", "parent",
        "attribution", "headline", "warnings", "quote",
    ];

    public static void Write(TextWriter writer, IEnumerable<Claim> claims)
    {
        writer.Write(string.Join(',', Header));
        writer.Write("\r\n");
        foreach (var c in claims)
        {
            string?[] row =
            [
                c.Doc, c.Id, Number(c.Span.Start), Number(c.Span.End), c.Text, Number(c.Value), Number(c.Low), Number(c.High),
                ClaimJson.Code(c.Qualifier), Code(c.Magnitude), c.Unit, ClaimJson.Code(c.Category),
                string.Join('|', c.Also.Select(ClaimJson.Code)), c.Group.Actor, Code(c.Group.Role), Code(c.Group.Age),
                Code(c.Group.Sex), c.Group.Nationality, c.Perpetrator, Code(c.Cause), Code(c.Time.Kind), c.Time.Since,
                c.Time.Start, c.Time.End, c.Time.AsOf, c.Place.Name, c.Place.Admin1, c.Place.GazetteerId,
                Number(c.Place.Lat), Number(c.Place.Lon), c.Parent, c.Attribution, c.Headline ? "true" : "false",
                string.Join('|', c.Warnings), c.Quote,
            ];
            writer.Write(string.Join(',', row.Select(Field)));
            writer.Write("\r\n");
        }
    }

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static string? Code<T>(T? value)
        where T : struct, Enum => value is { } v ? ClaimJson.Code(v) : null;
}
