using Marsad.Gazetteer;
using Marsad.Model;
using Marsad.Tallies;

namespace Marsad.Exports;

/// <summary>
/// One point of a tally as a data user reads it (docs/exports.md): what the series counts, the
/// point's day and its precision, low / best / high, the place and its precision, and where the
/// figure comes from. Every tally export (CSV, JSON, xlsx, HXL, GeoJSON) is written from these rows.
/// </summary>
public sealed record TallyRow(
    Series Series,
    SeriesPoint Point,
    long Low,
    long Best,
    long High,
    int Figures,
    Day? End,
    DatePrecision DatePrecision,
    Place Place,
    PlacePrecision PlacePrecision,
    Admin1Division? Admin1,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Urls,
    string ReviewStatus,
    IReadOnlyList<string> ExtractorVersions)
{
    /// <summary>Some mentions reviewed, others not.</summary>
    public const string PartlyReviewed = "partly_reviewed";

    public SeriesKey Key => Series.Key;

    /// <summary>A row a point, series in the order given (a tally's: id order) and points in day order.</summary>
    public static IEnumerable<TallyRow> Of(IEnumerable<Series> tally)
    {
        foreach (var series in tally)
        {
            // The points stated for one day: their statements bound that day's count together.
            var days = series.Points.Where(p => p.AsOf is not null).ToLookup(p => (p.AsOf, p.Start));
            foreach (var point in series.Points)
            {
                var sameDay = point.AsOf is null ? [point] : days[(point.AsOf, point.Start)].ToList();
                var statements = sameDay.SelectMany(p => p.Mentions).Select(m => Bounds(m.Claim)).ToList();
                var (low, high) = Bounds(point.Mentions[0].Claim);
                var place = point.Mentions.Select(m => m.Claim.Place).MinBy(p => (int)PrecisionOf(p, series.Key.Admin1))!;
                yield return new TallyRow(
                    series,
                    point,
                    statements.Min(s => s.Low),
                    Math.Clamp(point.Value, low, high),
                    statements.Max(s => s.High),
                    sameDay.Count,
                    series.Key.Kind == TimeKind.Period && point.AsOf is not null ? point.Mentions[0].Claim.Time.End ?? point.AsOf : null,
                    DatePrecisionOf(series.Key.Kind, point),
                    place,
                    PrecisionOf(place, series.Key.Admin1),
                    Admin1Divisions.Of(series.Key.Admin1),
                    Distinct(point.Mentions.Select(m => m.Source ?? m.Claim.Doc)),
                    Distinct(point.Mentions.Select(m => m.Provenance?.Url)),
                    ReviewStatusOf(point.Mentions),
                    Distinct(point.Mentions.Select(m => m.Provenance?.ExtractorVersion)));
            }
        }
    }

    /// <summary>
    /// The counts one statement allows, CODEBOOK §2 bounds first: a range's ends; "at least N" and
    /// "more than N" from N (N + 1) up to no higher figure than stated; "less than N" and "at most
    /// N" from 0; an unhedged or "about" figure, itself.
    /// </summary>
    private static (long Low, long High) Bounds(Claim claim)
    {
        var value = claim.Value!.Value;
        var low = claim.Low ?? (claim.Qualifier is Qualifier.LessThan or Qualifier.AtMost ? 0 : value);
        var high = claim.High ?? Math.Max(value, low);
        return (Math.Min(low, high), high);
    }

    private static DatePrecision DatePrecisionOf(TimeKind kind, SeriesPoint point)
    {
        if (point.AsOf?.Date is not { } asOf)
        {
            return DatePrecision.Unknown;
        }

        var days = kind == TimeKind.Period && point.Start?.Date is { } start ? asOf.DayNumber - start.DayNumber : 0;
        return days switch
        {
            <= 0 => DatePrecision.Day,
            <= 7 => DatePrecision.Week,
            _ => DatePrecision.LongerPeriod,
        };
    }

    private static PlacePrecision PrecisionOf(Place place, string? admin1)
    {
        if (place.GazetteerId is { } id)
        {
            return GazetteerData.Levels.GetValueOrDefault(id) switch
            {
                "subdistrict" or "district" => PlacePrecision.District,
                "governorate" => PlacePrecision.Admin1,
                // Towns, cities, and the villages and camps a profile names.
                _ => PlacePrecision.Exact,
            };
        }

        return admin1 is not null || place.Admin1 is not null ? PlacePrecision.Admin1 : PlacePrecision.Unknown;
    }

    private static string ReviewStatusOf(IReadOnlyList<Mention> mentions)
    {
        var reviews = mentions.Select(m => m.Provenance?.Review).ToList();
        return reviews.All(r => r is null) ? Provenance.Unreviewed
            : reviews.Any(r => r is null) ? PartlyReviewed
            : reviews.Contains(ReviewAction.Correct) ? "correct"
            : "confirm";
    }

    private static List<string> Distinct(IEnumerable<string?> values) => [.. values.OfType<string>().Distinct(StringComparer.Ordinal)];
}

/// <summary>How exactly a point's day is known, after ACLED's time precision (docs/exports.md).</summary>
public enum DatePrecision
{
    /// <summary>1: the day (a running total as of that day, or a count for that one day).</summary>
    Day = 1,

    /// <summary>2: a count over a period of two to eight days.</summary>
    Week = 2,

    /// <summary>3: a count over a longer period.</summary>
    LongerPeriod = 3,

    /// <summary>4: no day is known (the report gives none, or a day without a year).</summary>
    Unknown = 4,
}

/// <summary>How exactly a point's place is known, after ACLED's geo precision (docs/exports.md).</summary>
public enum PlacePrecision
{
    /// <summary>1: a town, city, village or camp of the gazetteer.</summary>
    Exact = 1,

    /// <summary>2: a district or subdistrict.</summary>
    District = 2,

    /// <summary>3: only the first-level division (governorate, province).</summary>
    Admin1 = 3,

    /// <summary>4: no place.</summary>
    Unknown = 4,
}
