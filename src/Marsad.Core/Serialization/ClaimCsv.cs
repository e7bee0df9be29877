using Marsad.Model;

namespace Marsad.Serialization;

/// <summary>Writes claims as CSV (RFC 4180), one row a claim, the CODEBOOK §2 fields flattened.</summary>
public static class ClaimCsv
{
    internal static readonly string[] Header =
    [
        "doc", "id", "span_start", "span_end", "text", "value", "low", "high", "qualifier", "magnitude", "unit",
        "category", "also", "actor", "role", "age", "sex", "nationality", "perpetrator", "cause", "time_kind",
        "since", "start", "end", "as_of", "place_name", "admin1", "gazetteer_id", "lat", "lon", "parent",
        "attribution", "headline", "warnings", "quote",
    ];

    public static void Write(TextWriter writer, IEnumerable<Claim> claims)
    {
        Csv.WriteRow(writer, Header);
        foreach (var claim in claims)
        {
            Csv.WriteRow(writer, Row(claim));
        }
    }

    /// <summary>The fields of one claim, in the order of <see cref="Header"/>.</summary>
    internal static string?[] Row(Claim c) =>
    [
        c.Doc, c.Id, Csv.Number(c.Span.Start), Csv.Number(c.Span.End), c.Text, Csv.Number(c.Value), Csv.Number(c.Low), Csv.Number(c.High),
        Codes.Of(c.Qualifier), Csv.Code(c.Magnitude), c.Unit, Codes.Of(c.Category),
        string.Join('|', c.Also.Select(Codes.Of)), c.Group.Actor, Csv.Code(c.Group.Role), Csv.Code(c.Group.Age),
        Csv.Code(c.Group.Sex), c.Group.Nationality, c.Perpetrator, Csv.Code(c.Cause), Csv.Code(c.Time.Kind), c.Time.Since?.ToString(),
        c.Time.Start?.ToString(), c.Time.End?.ToString(), c.Time.AsOf?.ToString(), c.Place.Name, c.Place.Admin1, c.Place.GazetteerId,
        Csv.Number(c.Place.Lat), Csv.Number(c.Place.Lon), c.Parent, c.Attribution, c.Headline ? "true" : "false",
        string.Join('|', c.Warnings), c.Quote,
    ];
}
