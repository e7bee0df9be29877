using System.Globalization;
using System.Text.Json;
using Marsad.Model;
using Microsoft.Data.Sqlite;

namespace Marsad.Storage;

/// <summary>How a <see cref="Claim"/> maps to a row of the <c>claims</c> table and back, field for field.</summary>
internal static class ClaimRows
{
    private static readonly string[] Fields =
    [
        "claim_id", "doc_id", "span_start", "span_end", "text", "quote", "headline", "value", "low", "high", "qualifier",
        "magnitude", "unit", "category", "also", "actor", "role", "age", "sex", "nationality", "perpetrator", "cause",
        "time_kind", "since", "period_start", "period_end", "as_of", "place_name", "admin1", "gazetteer_id", "lat", "lon",
        "parent", "attribution", "warnings",
    ];

    public static string Columns { get; } = string.Join(", ", Fields);

    public static int Count => Fields.Length;

    public static string Insert { get; } =
        $"INSERT INTO claims (doc_hash, ordinal, extractor_version, {Columns}) VALUES ($doc_hash, $ordinal, $extractor_version, {string.Join(", ", Fields.Select(f => "$" + f))})";

    public static void Bind(SqliteCommand command, string docHash, int ordinal, Claim c, string extractorVersion)
    {
        object?[] values =
        [
            c.Id, c.Doc, c.Span.Start, c.Span.End, c.Text, c.Quote, c.Headline ? 1 : 0, c.Value, c.Low, c.High,
            Model.Codes.Of(c.Qualifier), Code(c.Magnitude), c.Unit, Model.Codes.Of(c.Category),
            JsonSerializer.Serialize(c.Also.Select(Model.Codes.Of)), c.Group.Actor, Code(c.Group.Role), Code(c.Group.Age),
            Code(c.Group.Sex), c.Group.Nationality, c.Perpetrator, Code(c.Cause), Code(c.Time.Kind), c.Time.Since,
            c.Time.Start, c.Time.End, c.Time.AsOf, c.Place.Name, c.Place.Admin1, c.Place.GazetteerId, c.Place.Lat, c.Place.Lon,
            c.Parent, c.Attribution, JsonSerializer.Serialize(c.Warnings),
        ];
        command.Parameters.AddWithValue("$doc_hash", docHash);
        command.Parameters.AddWithValue("$ordinal", ordinal);
        command.Parameters.AddWithValue("$extractor_version", extractorVersion);
        for (var i = 0; i < Fields.Length; i++)
        {
            command.Parameters.AddWithValue("$" + Fields[i], MarsadStore.Db(values[i]));
        }
    }

    public static Claim Read(SqliteDataReader r)
    {
        var i = 0;
        string? Next() => MarsadStore.Text(r, i++);
        long? NextLong() => r.IsDBNull(i++) ? null : r.GetInt64(i - 1);
        double? NextDouble() => r.IsDBNull(i++) ? null : r.GetDouble(i - 1);

        var id = Next()!;
        var doc = Next()!;
        var span = new TextSpan((int)NextLong()!.Value, (int)NextLong()!.Value);
        var text = Next()!;
        var quote = Next()!;
        var headline = NextLong() == 1;
        var (value, low, high) = (NextLong(), NextLong(), NextLong());
        var qualifier = Model.Codes.Parse<Qualifier>(Next()) ?? Qualifier.Exact;
        var magnitude = Model.Codes.Parse<Magnitude>(Next());
        var unit = Next()!;
        var category = Model.Codes.Parse<Category>(Next()) ?? Category.Other;
        var also = Codes(Next()).Select(a => Model.Codes.Parse<Category>(a)!.Value).ToList();
        var group = new Group(Next(), Model.Codes.Parse<Role>(Next()), Model.Codes.Parse<AgeGroup>(Next()), Model.Codes.Parse<Sex>(Next()), Next());
        var perpetrator = Next();
        var cause = Model.Codes.Parse<Cause>(Next());
        var time = new ClaimTime(Model.Codes.Parse<TimeKind>(Next()), Next(), Next(), Next(), Next());
        var place = new Place(Next(), Next(), Next(), NextDouble(), NextDouble());
        var parent = Next();
        var attribution = Next();
        var warnings = Codes(Next());
        return new Claim
        {
            Id = id, Doc = doc, Span = span, Text = text, Quote = quote, Headline = headline,
            Value = value, Low = low, High = high, Qualifier = qualifier, Magnitude = magnitude, Unit = unit,
            Category = category, Also = also, Group = group, Perpetrator = perpetrator, Cause = cause, Time = time,
            Place = place, Parent = parent, Attribution = attribution, Warnings = warnings,
        };
    }

    /// <summary>A JSON list of codes; most claims have none, read without a parser.</summary>
    private static string[] Codes(string? json) => json is null or "[]" ? [] : JsonSerializer.Deserialize<string[]>(json)!;

    private static string? Code<T>(T? value)
        where T : struct, Enum => value is { } v ? Model.Codes.Of(v) : null;
}
