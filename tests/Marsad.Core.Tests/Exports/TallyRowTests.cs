using System.Globalization;
using Marsad.Exports;
using Marsad.Model;
using Marsad.Tallies;
using Marsad.Tests.Support;

namespace Marsad.Tests.Exports;

/// <summary>What a row of the tally exports says about its point: bounds, precision, codes and provenance.</summary>
public sealed class TallyRowTests
{
    internal static Mention Mention(
        string id, long value, string? asOf, Qualifier qualifier = Qualifier.Exact, long? low = null, long? high = null,
        TimeKind kind = TimeKind.Cumulative, string? start = null, Place? place = null, string? actor = null,
        ReviewAction? review = null, string? source = "SOHR", string? url = null, Category category = Category.Killed) =>
        new(
            new Claim
            {
                Doc = id.Split('#')[0],
                Id = id,
                Span = new TextSpan(0, 1),
                Text = value.ToString(CultureInfo.InvariantCulture),
                Quote = "",
                Value = value,
                Low = low ?? (qualifier == Qualifier.Exact ? value : qualifier == Qualifier.MoreThan ? value + 1 : qualifier == Qualifier.AtLeast ? value : null),
                High = high ?? (qualifier == Qualifier.Exact ? value : qualifier == Qualifier.LessThan ? value - 1 : qualifier == Qualifier.AtMost ? value : null),
                Qualifier = qualifier,
                Category = category,
                Group = new Group(Actor: actor, Role: Role.Civilian),
                Time = new ClaimTime(kind, Since: Days.Of(kind == TimeKind.Cumulative ? "2019-01-01" : null), Start: Days.Of(kind == TimeKind.Period ? start ?? asOf : null), End: Days.Of(kind == TimeKind.Period ? asOf : null), AsOf: Days.Of(asOf)),
                Place = place ?? new Place(Admin1: "SY-DY"),
            },
            new DateOnly(2019, 2, 1),
            source,
            new Provenance(source, url, new DateOnly(2019, 2, 1), 1, "hash-" + id, "0.1.0", review));

    private static List<TallyRow> Rows(params Mention[] mentions) => [.. TallyRow.Of(TallyBuilder.Build(mentions).Series)];

    [Theory]
    [InlineData(Qualifier.Exact, null, null, 388L, 388L, 388L)]
    [InlineData(Qualifier.MoreThan, null, null, 261L, 261L, 261L)]
    [InlineData(Qualifier.AtLeast, null, null, 260L, 260L, 260L)]
    [InlineData(Qualifier.LessThan, null, null, 0L, 259L, 259L)]
    [InlineData(Qualifier.Approx, 200L, 300L, 200L, 260L, 300L)]
    public void Low_best_and_high_come_from_the_hedge(Qualifier qualifier, long? low, long? high, long expectedLow, long best, long expectedHigh)
    {
        var row = Assert.Single(Rows(Mention("a#1", qualifier == Qualifier.Exact ? 388 : 260, "2019-01-24", qualifier, low, high)));
        Assert.Equal((expectedLow, best, expectedHigh), (row.Low, row.Best, row.High));
    }

    [Fact]
    public void Disagreeing_sources_for_one_day_are_two_rows_whose_low_and_high_span_both()
    {
        var rows = Rows(Mention("a#1", 388, "2019-01-24"), Mention("b#1", 400, "2019-01-24", source: "Reuters"));
        Assert.Equal([(388L, 388L, 400L, 2), (388L, 400L, 400L, 2)], rows.Select(r => (r.Low, r.Best, r.High, r.Figures)));
        Assert.Equal(["SOHR"], rows[0].Sources);
        Assert.Equal(["Reuters"], rows[1].Sources);
    }

    [Theory]
    [InlineData(TimeKind.Cumulative, "2019-01-24", null, DatePrecision.Day)]
    [InlineData(TimeKind.Period, "2019-01-24", "2019-01-24", DatePrecision.Day)]
    [InlineData(TimeKind.Period, "2019-01-24", "2019-01-20", DatePrecision.Week)]
    [InlineData(TimeKind.Period, "2019-01-24", "2018-12-01", DatePrecision.LongerPeriod)]
    [InlineData(TimeKind.Cumulative, null, null, DatePrecision.Unknown)]
    public void The_date_precision_says_how_exactly_the_day_is_known(TimeKind kind, string? asOf, string? start, DatePrecision precision)
    {
        var row = Assert.Single(Rows(Mention("a#1", 5, asOf, kind: kind, start: start)));
        Assert.Equal(precision, row.DatePrecision);
        Assert.Equal(kind == TimeKind.Period ? asOf : null, row.End?.ToString());
    }

    [Theory]
    [InlineData("geonames:170794", PlacePrecision.Exact)]
    [InlineData("opensyria:sy-deir-ez-zor", PlacePrecision.Admin1)]
    [InlineData(null, PlacePrecision.Admin1)]
    public void The_place_precision_follows_the_gazetteer_level(string? gazetteerId, PlacePrecision precision)
    {
        var row = Assert.Single(Rows(Mention("a#1", 5, "2019-01-24", place: new Place("x", "SY-DY", gazetteerId))));
        Assert.Equal(precision, row.PlacePrecision);
    }

    [Fact]
    public void The_most_precise_place_of_the_mentions_is_the_rows_place()
    {
        var town = new Place("مدينة دير الزور", "SY-DY", "geonames:170794", 35.33, 40.14);
        var row = Assert.Single(Rows(
            Mention("a#1", 5, "2019-01-24", place: new Place("دير الزور", "SY-DY", "opensyria:sy-deir-ez-zor")),
            Mention("b#1", 5, "2019-01-24", place: town)));
        Assert.Equal((town, PlacePrecision.Exact), (row.Place, row.PlacePrecision));
    }

    [Theory]
    [InlineData("SY-DY", "SY09", "Deir-ez-Zor")]
    [InlineData("IQ-NI", "IQG15", "Ninewa")]
    public void A_division_carries_its_ISO_code_and_its_OCHA_P_code(string iso, string pcode, string name)
    {
        var row = Assert.Single(Rows(Mention("a#1", 5, "2019-01-24", place: new Place(Admin1: iso))));
        Assert.Equal((iso, pcode, name), (row.Key.Admin1, row.Admin1!.Pcode, row.Admin1.Name));
    }

    [Fact]
    public void A_division_outside_the_crosswalk_has_a_name_and_no_P_code()
    {
        var row = Assert.Single(Rows(Mention("a#1", 5, "2019-01-24", place: new Place(Admin1: "YE-AD"))));
        Assert.Null(row.Admin1!.Pcode);
        Assert.False(string.IsNullOrEmpty(row.Admin1.Name));
    }

    [Theory]
    [InlineData(null, null, "unreviewed")]
    [InlineData(ReviewAction.Confirm, ReviewAction.Confirm, "confirm")]
    [InlineData(ReviewAction.Confirm, ReviewAction.Correct, "correct")]
    [InlineData(ReviewAction.Confirm, null, "partly_reviewed")]
    public void The_review_status_of_a_point_sums_up_its_mentions(ReviewAction? first, ReviewAction? second, string status)
    {
        var row = Assert.Single(Rows(Mention("a#1", 5, "2019-01-24", review: first), Mention("b#1", 5, "2019-01-24", review: second, url: "https://example.org/b")));
        Assert.Equal(status, row.ReviewStatus);
        Assert.Equal(["https://example.org/b"], row.Urls);
        Assert.Equal(["0.1.0"], row.ExtractorVersions);
    }
}
