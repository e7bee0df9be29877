using System.Globalization;
using System.Text.Json;
using Marsad.Model;
using Microsoft.Data.Sqlite;

namespace Marsad.Storage;

/// <summary>
/// How a <see cref="Claim"/> maps to a row of the <c>claims</c> table and back, field for field
/// (<c>008_compact.sql</c>): the claim's text and quote are read from its document's text, its id
/// and document id from the document and its ordinal; each is stored only when it is not that.
/// </summary>
internal static class ClaimRows
{
    /// <summary>The columns a claim is stored in, each a field of it (or NULL for the default).</summary>
    private static readonly string[] Fields =
    [
        "span_start", "span_end", "quote_start", "quote_end", "headline", "value", "low", "high", "qualifier",
        "magnitude", "unit", "category", "also", "actor", "role", "age", "sex", "nationality", "perpetrator", "cause",
        "time_kind", "since", "period_start", "period_end", "as_of", "place_name", "admin1", "gazetteer_id", "lat", "lon",
        "parent", "attribution", "warnings", "claim_id", "doc_id", "text", "quote",
    ];

    /// <summary>
    /// The columns of a claim read from <see cref="From"/>: its fields, then what it follows from
    /// (ordinal, document, version), then <see cref="Count"/>: the text's hash, the extractor's version, the rowid.
    /// </summary>
    public static string Columns { get; } =
        string.Join(", ", Fields.Select(f => "c." + f)) + ", c.ordinal, d.id, d.version, d.seq, d.hash, d.extractor_version, c.seq";

    /// <summary>Claims with their document: <c>c</c> and <c>d</c> in <see cref="Columns"/>.</summary>
    public const string From = "claims c JOIN documents d ON d.seq = c.doc";

    /// <summary>Where the claim's ordinal comes in <see cref="Columns"/>.</summary>
    public static int Ordinal { get; } = Fields.Length;

    /// <summary>Where the hash, extractor version and rowid come in <see cref="Columns"/>, one after the other.</summary>
    public static int Count { get; } = Fields.Length + 4;

    /// <summary>
    /// The insert of a claim row with its parameters made once: a statement prepared once and given
    /// new values for each claim, instead of forty parameters made for each. It answers the row's rowid.
    /// </summary>
    public static SqliteCommand PrepareInsert(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText =
            $"INSERT INTO claims (doc, ordinal, {string.Join(", ", Fields)}) VALUES ($doc, $ordinal, {string.Join(", ", Fields.Select(f => "$" + f))}) RETURNING seq";
        foreach (var name in Fields.Prepend("ordinal").Prepend("doc"))
        {
            command.Parameters.Add(new SqliteParameter("$" + name, null));
        }

        return command;
    }

    /// <summary>Gives a command of <see cref="PrepareInsert"/> the values of one claim of a stored text.</summary>
    public static void Bind(SqliteCommand insert, StoredText stored, int ordinal, Claim c)
    {
        var parameters = insert.Parameters;
        var i = 0;
        void Next(object? value) => parameters[i++].Value = MarsadStore.Db(value);

        // A claim without its text or quote is refused as the NOT NULL columns refused it before they became offsets.
        if (c.Text is null || c.Quote is null)
        {
            throw new ArgumentException($"Claim {c.Id} of {stored.Id} has no text or no quote: it is not stored.", nameof(c));
        }

        var text = stored.Text;
        var quote = QuoteIn(text, c.Quote, c.Span);
        Next(stored.Seq);
        Next(ordinal);
        Next(c.Span.Start);
        Next(c.Span.End);
        Next(quote?.Start);
        Next(quote?.End);
        Next(c.Headline ? 1 : 0);
        Next(c.Value);
        Next(c.Low);
        Next(c.High);
        Next(Model.Codes.Of(c.Qualifier));
        Next(Code(c.Magnitude));
        Next(c.Unit);
        Next(Model.Codes.Of(c.Category));
        Next(c.Also.Count == 0 ? null : JsonSerializer.Serialize(c.Also.Select(Model.Codes.Of)));
        Next(c.Group.Actor);
        Next(Code(c.Group.Role));
        Next(Code(c.Group.Age));
        Next(Code(c.Group.Sex));
        Next(c.Group.Nationality);
        Next(c.Perpetrator);
        Next(Code(c.Cause));
        Next(Code(c.Time.Kind));
        Next(c.Time.Since?.ToString());
        Next(c.Time.Start?.ToString());
        Next(c.Time.End?.ToString());
        Next(c.Time.AsOf?.ToString());
        Next(c.Place.Name);
        Next(c.Place.Admin1);
        Next(c.Place.GazetteerId);
        Next(c.Place.Lat);
        Next(c.Place.Lon);
        Next(c.Parent);
        Next(c.Attribution);
        Next(c.Warnings.Count == 0 ? null : JsonSerializer.Serialize(c.Warnings));
        Next(c.Id == ClaimId(stored.Id, stored.Version, ordinal) ? null : c.Id);
        Next(c.Doc == stored.Id ? null : c.Doc);
        Next(IsSpanOf(text, c.Text, c.Span) ? null : c.Text);
        Next(quote is null ? c.Quote : null);
    }

    /// <summary>
    /// A claim of a row of <see cref="Columns"/>, its text and quote cut from its document's text;
    /// with no <paramref name="texts"/>, a claim read only for its figures (tallying it), its text and
    /// quote empty unless stored in the row: unpacking the document for each would cost more than the rest.
    /// </summary>
    public static Claim Read(SqliteDataReader r, DocumentTexts? texts)
    {
        var i = 0;
        string? Next() => MarsadStore.Text(r, i++);
        long? NextLong() => r.IsDBNull(i++) ? null : r.GetInt64(i - 1);
        double? NextDouble() => r.IsDBNull(i++) ? null : r.GetDouble(i - 1);

        var span = new TextSpan((int)NextLong()!.Value, (int)NextLong()!.Value);
        var (quoteStart, quoteEnd) = (NextLong(), NextLong());
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
        var time = new ClaimTime(Model.Codes.Parse<TimeKind>(Next()), Day.TryParse(Next()), Day.TryParse(Next()), Day.TryParse(Next()), Day.TryParse(Next()));
        var place = new Place(Next(), Next(), Next(), NextDouble(), NextDouble());
        var parent = Next();
        var attribution = Next();
        var warnings = Codes(Next());
        var (id, doc, text, quote) = (Next(), Next(), Next(), Next());
        var ordinal = (int)NextLong()!.Value;
        var docId = Next()!;
        var version = (int)NextLong()!.Value;
        var seq = NextLong()!.Value;
        var original = (text is null || quote is null) && texts is not null ? texts.Of(seq) : null;
        return new Claim
        {
            Id = id ?? ClaimId(docId, version, ordinal), Doc = doc ?? docId, Span = span,
            Text = text ?? original?[span.Start..span.End] ?? "",
            Quote = quote ?? original?[(int)quoteStart!.Value..(int)quoteEnd!.Value] ?? "", Headline = headline,
            Value = value, Low = low, High = high, Qualifier = qualifier, Magnitude = magnitude, Unit = unit,
            Category = category, Also = also, Group = group, Perpetrator = perpetrator, Cause = cause, Time = time,
            Place = place, Parent = parent, Attribution = attribution, Warnings = warnings,
        };
    }

    /// <summary>The id the extractor gives the claim at this ordinal of a document's version (<see cref="DocumentVersions"/>).</summary>
    public static string ClaimId(string doc, int version, int ordinal) =>
        DocumentVersions.ClaimPrefix(doc, version) + "#" + (ordinal + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Where the quote stands in the text: near the claim's span, which it holds (any place it stands
    /// gives the same quote back); null when it is no part of the text.
    /// </summary>
    public static (int Start, int End)? QuoteIn(string text, string quote, TextSpan span)
    {
        if (quote.Length == 0 || quote.Length > text.Length)
        {
            return null;
        }

        var from = Math.Clamp(span.End - quote.Length, 0, text.Length - quote.Length);
        var at = text.IndexOf(quote, from, StringComparison.Ordinal);
        if (at < 0)
        {
            at = text.IndexOf(quote, StringComparison.Ordinal);
        }

        return at < 0 ? null : (at, at + quote.Length);
    }

    /// <summary>Whether a claim's text is its span of the document's text, as the extractor makes it.</summary>
    public static bool IsSpanOf(string text, string claimText, TextSpan span) =>
        span.Start >= 0 && span.End <= text.Length && span.Start <= span.End
        && text.AsSpan(span.Start, span.End - span.Start).SequenceEqual(claimText);

    /// <summary>A JSON list of codes; most claims have none (NULL), read without a parser.</summary>
    private static string[] Codes(string? json) => json is null or "[]" ? [] : JsonSerializer.Deserialize<string[]>(json)!;

    private static string? Code<T>(T? value)
        where T : struct, Enum => value is { } v ? Model.Codes.Of(v) : null;
}

/// <summary>A stored text a claim row points into: its number, document id, version and text.</summary>
internal sealed record StoredText(long Seq, string Id, int Version, string Text);
