using System.Globalization;
using Marsad.Model;
using Marsad.Serialization;

namespace Marsad.Exports;

/// <summary>A cell of an export: text, a number, or a list of texts (written joined by <see cref="TallyColumns.ListSeparator"/> where a cell holds one text).</summary>
public readonly record struct Cell(string? Text = null, double? Number = null, IReadOnlyList<string>? Items = null)
{
    public static Cell Of(long? number) => new(Number: number);

    public static Cell Of(double? number) => new(Number: number);

    public static Cell Of(string? text) => new(Text: text);

    public static Cell Of(Day? day) => new(Text: day?.ToString());

    public static Cell Of(IReadOnlyList<string> items) => new(Items: items);

    /// <summary>The cell as one text: numbers in invariant digits, lists joined.</summary>
    public string? AsText() =>
        Number is { } number ? number.ToString("R", CultureInfo.InvariantCulture)
        : Items is { } items ? string.Join(TallyColumns.ListSeparator, items)
        : Text;
}

/// <summary>A column of the tally exports: its name, what it means (docs/exports.md says the same), and its value in a row.</summary>
public sealed record TallyColumn(string Name, string Meaning, Func<TallyRow, Cell> Value);

/// <summary>The columns of the CSV, JSON and xlsx tally exports, in their order.</summary>
public static class TallyColumns
{
    /// <summary>The version of the export columns: it changes when a column changes meaning or goes away.</summary>
    public const string SchemaVersion = "1";

    public const string ListSeparator = " | ";

    public static IReadOnlyList<TallyColumn> All { get; } =
    [
        new("schema_version", "The version of these columns; it changes when a column changes meaning or goes away.", _ => Cell.Of(SchemaVersion)),
        new("series", "The series id: what is counted, its codes joined by '.' (docs/tallies.md); URL-safe.", r => Cell.Of(r.Series.Id)),
        new("label", "The series in words.", r => Cell.Of(r.Key.Label)),
        new("category", "What happened to the people counted (CODEBOOK §3): killed, injured, exited, detained, captured, displaced, missing, …", r => Cell.Of(Codes.Of(r.Key.Category))),
        new("kind", "cumulative: a running total since `since`, as of `as_of`; period: a count over `start`..`end`. Never add running totals to each other or to period counts.", r => Cell.Of(Codes.Of(r.Key.Kind))),
        new("unit", "What is counted: person, family, or a thing (vehicle, …).", r => Cell.Of(r.Key.Unit)),
        new("actor", "The armed group or party the people counted belong to, as a profile code (IS, SDF, …); empty when the report names none.", r => Cell.Of(r.Key.Actor)),
        new("role", "fighter, leader, soldier, civilian, family, detainee or person.", r => Cell.Of(Csv.Code(r.Key.Role))),
        new("age", "child when the count is of children.", r => Cell.Of(Csv.Code(r.Key.Age))),
        new("sex", "female or male when the count is of one sex.", r => Cell.Of(Csv.Code(r.Key.Sex))),
        new("nationality", "ISO 3166-1 alpha-2 code of the people's nationality, when stated.", r => Cell.Of(r.Key.Nationality)),
        new("admin1", "ISO 3166-2 code of the first-level division the figure is about (SY-DY); empty when unknown.", r => Cell.Of(r.Key.Admin1)),
        new("admin1_pcode", "OCHA P-code of that division (SY09), for Syria and Iraq.", r => Cell.Of(r.Admin1?.Pcode)),
        new("admin1_name", "English name of that division.", r => Cell.Of(r.Admin1?.Name)),
        new("since", "Running totals: the day counting began (YYYY-MM-DD, --MM-DD without a year); empty when the report does not say.", r => Cell.Of(r.Key.Since)),
        new("start", "Period counts: the first day of the period.", r => Cell.Of(r.Point.Start)),
        new("end", "Period counts: the last day of the period.", r => Cell.Of(r.End)),
        new("as_of", "The day the figure holds for (YYYY-MM-DD); empty when unknown.", r => Cell.Of(r.Point.AsOf)),
        new("date_precision", "1: the day; 2: a period of up to 8 days; 3: a longer period; 4: no day known.", r => Cell.Of((long)r.DatePrecision)),
        new("low", "The lowest count the statements for this series and day allow (a range's low end, \"more than 260\" → 261, \"less than 50\" → 0, and the lowest of disagreeing sources).", r => Cell.Of(r.Low)),
        new("best", "The figure: the most precise statement of it (exact before about before hedged), moved into its own bounds (\"more than 260\" → 261).", r => Cell.Of(r.Best)),
        new("high", "The highest count any statement for this series and day gives (a range's high end, the highest of disagreeing sources); an open hedge (\"at least\") adds no higher figure.", r => Cell.Of(r.High)),
        new("qualifier", "The hedge of the figure as stated: exact, approx, at_least, more_than, less_than, at_most.", r => Cell.Of(Codes.Of(r.Point.Qualifier))),
        new("figures", "How many different figures sources state for this series and day; above 1 they disagree (a value_conflict), each is a row, and low / high span them.", r => Cell.Of((long)r.Figures)),
        new("place", "The most precise place a statement of the figure names.", r => Cell.Of(r.Place.Name)),
        new("gazetteer_id", "Its gazetteer id (geonames:…, opensyria:…, iso:…, profile:…).", r => Cell.Of(r.Place.GazetteerId)),
        new("lat", "Its latitude (WGS 84).", r => Cell.Of(r.Place.Lat)),
        new("lon", "Its longitude (WGS 84).", r => Cell.Of(r.Place.Lon)),
        new("place_precision", "1: a town, city, village or camp; 2: a district or subdistrict; 3: only the first-level division; 4: no place.", r => Cell.Of((long)r.PlacePrecision)),
        new("first_reported", "The earliest publication day of a report that states the figure.", r => Cell.Of(r.Point.FirstReported?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        new("mentions", "How many claims state the figure: recaps and other outlets repeating it count once in the tally, and here.", r => Cell.Of((long)r.Point.Mentions.Count)),
        new("claims", "Their claim ids (DOC#n; DOC@vK#n in version K of a document).", r => Cell.Of([.. r.Point.Mentions.Select(m => m.Claim.Id)])),
        new("sources", "The outlets that published those reports (the document id where none is recorded).", r => Cell.Of(r.Sources)),
        new("urls", "The reports' URLs, where recorded.", r => Cell.Of(r.Urls)),
        new("review_status", "unreviewed; confirm or correct (every mention reviewed, at least one corrected: correct); partly_reviewed. Rejected claims are not in the tally.", r => Cell.Of(r.ReviewStatus)),
        new("extractor_version", "The version of the extractor that read the mentions.", r => Cell.Of(r.ExtractorVersions)),
    ];
}
