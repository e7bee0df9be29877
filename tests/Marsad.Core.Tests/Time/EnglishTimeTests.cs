using Marsad.Extraction;
using Marsad.Model;
using Marsad.Tests.Support;

namespace Marsad.Tests.Time;

/// <summary>English dates through the same time stage as Arabic ones.</summary>
public sealed class EnglishTimeTests
{
    private static readonly DateOnly Thursday = new(2019, 3, 14);

    private static ClaimTime TimeOf(string text, DateOnly? published = null) =>
        ClaimExtractor.Default.Extract(new SourceDocument("en", text, new DocumentMetadata(Published: published ?? Thursday)))
            .Claims.First(c => c.Category != Category.Other).Time;

    [Fact]
    public void A_weekday_is_the_last_such_day_before_the_report() =>
        Assert.Equal(new ClaimTime(TimeKind.Period, Start: Days.Of("2019-03-12"), End: Days.Of("2019-03-12"), AsOf: Days.Of("2019-03-12")), TimeOf("Air strikes killed 19 civilians on Tuesday, a war monitor said."));

    [Fact]
    public void Last_night_is_the_day_before() =>
        Assert.Equal("2019-03-13", TimeOf("Around 4,000 civilians arrived at the camp last night.").AsOf?.ToString());

    [Fact]
    public void Since_the_beginning_of_a_month_is_a_running_total_from_its_first_day() =>
        Assert.Equal(new ClaimTime(TimeKind.Cumulative, Since: Days.Of("2018-12-01"), AsOf: Days.Of("2019-03-14")), TimeOf("More than 55,000 people have arrived at Al Hol since the beginning of December."));

    [Fact]
    public void A_month_then_a_day_is_a_date() =>
        Assert.Equal("2019-03-12", TimeOf("On March 12, 2019 the monitor said 25 IS fighters were killed in clashes.").AsOf?.ToString());

    [Fact]
    public void In_the_past_hours_is_a_period_ending_on_the_report_day() =>
        Assert.Equal(new ClaimTime(TimeKind.Period, Start: Days.Of("2019-03-14"), End: Days.Of("2019-03-14"), AsOf: Days.Of("2019-03-14")), TimeOf("4,900 people left the pocket in the past 24 hours."));

    [Fact]
    public void A_weekday_that_contradicts_its_date_is_a_weekday_mismatch()
    {
        var claim = ClaimExtractor.Default.Extract(new SourceDocument("en", "On Tuesday, March 14, 2019, 19 civilians were killed.", new DocumentMetadata(Published: Thursday)))
            .Claims.First(c => c.Category != Category.Other);
        Assert.Contains(WarningCodes.WeekdayMismatch, claim.Warnings);
    }
}
