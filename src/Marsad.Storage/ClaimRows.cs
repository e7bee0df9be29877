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

    /// <summary>The columns before <see cref="Fields"/> in an insert: which text, which claim of it, read by which extractor.</summary>
    private static readonly string[] RowKey = ["doc_hash", "ordinal", "extractor_version"];

    public static string Columns { get; } = string.Join(", ", Fields);

    public static int Count => Fields.Length;

    /// <summary>
    /// The insert of a claim row with its parameters made once: a statement prepared once and given
    /// new values for each claim, instead of forty parameters made for each.
    /// </summary>
    public static SqliteCommand PrepareInsert(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText =
            $"INSERT INTO claims (doc_hash, ordinal, extractor_version, {Columns}) VALUES ($doc_hash, $ordinal, $extractor_version, {string.Join(", ", Fields.Select(f => "$" + f))})";
        foreach (var name in RowKey.Concat(Fields))
        {
            command.Parameters.Add(new SqliteParameter("$" + name, null));
        }

        return command;
    }

    /// <summary>Gives a command of <see cref="PrepareInsert"/> the values of one claim.</summary>
    public static void Bind(SqliteCommand insert, string docHash, int ordinal, Claim c, string extractorVersion)
    {
        var parameters = insert.Parameters;
        var i = 0;
        void Next(object? value) => parameters[i++].Value = MarsadStore.Db(value);

        Next(docHash);
        Next(ordinal);
        Next(extractorVersion);
        Next(c.Id);
        Next(c.Doc);
        Next(c.Span.Start);
        Next(c.Span.End);
        Next(c.Text);
        Next(c.Quote);
        Next(c.Headline ? 1 : 0);
        Next(c.Value);
        Next(c.Low);
        Next(c.High);
        Next(Model.Codes.Of(c.Qualifier));
        Next(Code(c.Magnitude));
        Next(c.Unit);
        Next(Model.Codes.Of(c.Category));
        Next(c.Also.Count == 0 ? "[]" : JsonSerializer.Serialize(c.Also.Select(Model.Codes.Of)));
        Next(c.Group.Actor);
        Next(Code(c.Group.Role));
        Next(Code(c.Group.Age));
        Next(Code(c.Group.Sex));
        Next(c.Group.Nationality);
        Next(c.Perpetrator);
        Next(Code(c.Cause));
        Next(Code(c.Time.Kind));
        Next(c.Time.Since);
        Next(c.Time.Start);
        Next(c.Time.End);
        Next(c.Time.AsOf);
        Next(c.Place.Name);
        Next(c.Place.Admin1);
        Next(c.Place.GazetteerId);
        Next(c.Place.Lat);
        Next(c.Place.Lon);
        Next(c.Parent);
        Next(c.Attribution);
        Next(c.Warnings.Count == 0 ? "[]" : JsonSerializer.Serialize(c.Warnings));
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
