using Marsad.Model;
using Marsad.Serialization;

namespace Marsad.Exports;

/// <summary>
/// The tally as HXL-tagged CSV (HXL 1.1, hxlstandard.org): a header row, a row of hashtags, then a
/// row a point. Each figure stands in the column of its category and kind — <c>+total</c> for a
/// running total, <c>+period</c> for a count over a period — so no column mixes the two, and people
/// (<c>#affected</c>) never share a column with families or things (<c>#indicator+value</c>).
/// </summary>
public static class HxlExport
{
    private static readonly (string Header, string Tag, Func<TallyRow, Cell> Value)[] Descriptive =
    [
        ("Schema version", "#meta+schema", _ => Cell.Of(TallyColumns.SchemaVersion)),
        ("Series", "#meta+series", r => Cell.Of(r.Series.Id)),
        ("Label", "#description", r => Cell.Of(r.Key.Label)),
        ("Category", "#indicator+category", r => Cell.Of(Codes.Of(r.Key.Category))),
        ("Kind", "#indicator+kind", r => Cell.Of(Codes.Of(r.Key.Kind))),
        ("Unit", "#indicator+unit", r => Cell.Of(r.Key.Unit)),
        ("Actor", "#group+code", r => Cell.Of(r.Key.Actor)),
        ("Role", "#group+role", r => Cell.Of(Csv.Code(r.Key.Role))),
        ("Age", "#group+age", r => Cell.Of(Csv.Code(r.Key.Age))),
        ("Sex", "#group+sex", r => Cell.Of(Csv.Code(r.Key.Sex))),
        ("Nationality", "#group+nationality", r => Cell.Of(r.Key.Nationality)),
        ("Admin1 ISO 3166-2", "#adm1+iso", r => Cell.Of(r.Key.Admin1)),
        ("Admin1 P-code", "#adm1+code", r => Cell.Of(r.Admin1?.Pcode)),
        ("Admin1", "#adm1+name", r => Cell.Of(r.Admin1?.Name)),
        ("Place", "#loc+name", r => Cell.Of(r.Place.Name)),
        ("Gazetteer id", "#loc+code", r => Cell.Of(r.Place.GazetteerId)),
        ("Latitude", "#geo+lat", r => Cell.Of(r.Place.Lat)),
        ("Longitude", "#geo+lon", r => Cell.Of(r.Place.Lon)),
        ("Place precision", "#geo+precision", r => Cell.Of((long)r.PlacePrecision)),
        ("Counted since", "#date+since", r => Cell.Of(r.Key.Since)),
        ("Period start", "#date+start", r => Cell.Of(r.Point.Start)),
        ("Period end", "#date+end", r => Cell.Of(r.End)),
        ("As of", "#date", r => Cell.Of(r.Point.AsOf)),
        ("Date precision", "#date+precision", r => Cell.Of((long)r.DatePrecision)),
        ("First reported", "#date+reported", r => Cell.Of(r.Point.FirstReported?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))),
        ("Qualifier", "#indicator+qualifier", r => Cell.Of(Codes.Of(r.Point.Qualifier))),
        ("Figures that day", "#meta+figures", r => Cell.Of((long)r.Figures)),
    ];

    /// <summary>The columns a figure of people can go to, by category; the HXL attribute after #affected.</summary>
    private static readonly (string Header, string Attribute, Category[] Categories)[] PeopleColumns =
    [
        ("Killed", "killed", [Category.Killed, Category.Executed]),
        ("Injured", "injured", [Category.Injured]),
        ("Displaced", "idps", [Category.Displaced]),
        ("Exited", "exited", [Category.Exited, Category.Escaped]),
        ("Detained", "detained", [Category.Detained, Category.Surrendered]),
        ("Captured", "captured", [Category.Captured]),
        ("Missing", "missing", [Category.Missing]),
        ("Other", "other", []),
    ];

    private static readonly (string Name, string Attribute, TimeKind Kind)[] Kinds =
    [
        ("running total", "total", TimeKind.Cumulative), ("period count", "period", TimeKind.Period),
    ];

    private static readonly (string Header, string Tag, Func<TallyRow, Cell> Value)[] Provenance =
    [
        ("Mentions", "#meta+mentions", r => Cell.Of((long)r.Point.Mentions.Count)),
        ("Claims", "#meta+claims", r => Cell.Of([.. r.Point.Mentions.Select(m => m.Claim.Id)])),
        ("Sources", "#meta+source", r => Cell.Of(r.Sources)),
        ("URLs", "#meta+url", r => Cell.Of(r.Urls)),
        ("Review status", "#status+review", r => Cell.Of(r.ReviewStatus)),
        ("Extractor version", "#meta+extractor", r => Cell.Of(r.ExtractorVersions)),
    ];

    public static void Write(TextWriter writer, IEnumerable<TallyRow> rows)
    {
        var columns = Columns();
        Csv.WriteRow(writer, columns.Select(c => c.Header));
        Csv.WriteRow(writer, columns.Select(c => c.Tag));
        foreach (var row in rows)
        {
            Csv.WriteRow(writer, columns.Select(c => c.Value(row).AsText()));
        }
    }

    /// <summary>The descriptive columns, then per kind the figure of each category and the low and high, then provenance.</summary>
    private static List<(string Header, string Tag, Func<TallyRow, Cell> Value)> Columns()
    {
        var columns = new List<(string Header, string Tag, Func<TallyRow, Cell> Value)>(Descriptive);
        foreach (var (name, attribute, kind) in Kinds)
        {
            foreach (var people in PeopleColumns)
            {
                columns.Add(($"{people.Header}, {name}", $"#affected+{people.Attribute}+{attribute}", r => Cell.Of(Column(r) == people.Attribute && r.Key.Kind == kind ? r.Best : null)));
            }

            columns.Add(($"Families or things, {name} (see Unit)", $"#indicator+value+{attribute}", r => Cell.Of(Column(r) is null && r.Key.Kind == kind ? r.Best : null)));
            columns.Add(($"Low, {name}", $"#indicator+low+{attribute}", r => Cell.Of(r.Key.Kind == kind ? r.Low : null)));
            columns.Add(($"High, {name}", $"#indicator+high+{attribute}", r => Cell.Of(r.Key.Kind == kind ? r.High : null)));
        }

        columns.AddRange(Provenance);
        return columns;
    }

    /// <summary>The #affected attribute of a row's figure; null for families and things.</summary>
    private static string? Column(TallyRow row) =>
        row.Key.Unit != Units.Person ? null
        : PeopleColumns.FirstOrDefault(c => c.Categories.Contains(row.Key.Category)).Attribute ?? "other";
}
