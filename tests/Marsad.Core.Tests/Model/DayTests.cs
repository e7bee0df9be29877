using CsCheck;
using Marsad.Model;

namespace Marsad.Tests.Model;

public sealed class DayTests
{
    /// <summary>Days of every year the type holds, and days without a year (29 February among them).</summary>
    private static readonly Gen<Day> Days = Gen.Frequency(
        (3, Gen.Int[DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber].Select(n => Day.Of(DateOnly.FromDayNumber(n)))),
        (1, Gen.Int[0, 365].Select(n => Day.Of(new DateOnly(2000, 1, 1).AddDays(n)) with { Year = null })));

    [Theory]
    [InlineData("2019-01-25", 2019, 1, 25)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    [InlineData("9999-12-31", 9999, 12, 31)]
    public void A_dated_day_is_read_from_its_iso_form_and_written_back_the_same(string text, int year, int month, int dayOfMonth)
    {
        var day = Day.TryParse(text);
        Assert.Equal(new Day(year, month, dayOfMonth), day);
        Assert.Equal(text, day.ToString());
        Assert.Equal(new DateOnly(year, month, dayOfMonth), day!.Value.Date);
    }

    [Theory]
    [InlineData("--09-10", 9, 10)]
    [InlineData("--02-29", 2, 29)]
    [InlineData("--12-31", 12, 31)]
    public void A_day_without_a_year_is_read_from_its_yearless_form_and_places_nothing_in_time(string text, int month, int dayOfMonth)
    {
        var day = Day.TryParse(text);
        Assert.Equal(new Day(null, month, dayOfMonth), day);
        Assert.Equal(text, day.ToString());
        Assert.Null(day!.Value.Date);
    }

    [Fact]
    public void Every_day_written_is_read_back_as_itself()
    {
        Days.Sample(day => Day.TryParse(day.ToString()) == day);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2019-1-25")]
    [InlineData("2019-01-5")]
    [InlineData("19-01-25")]
    [InlineData("2019/01/25")]
    [InlineData("2019-01-25 ")]
    [InlineData(" 2019-01-25")]
    [InlineData("2019-01-25T00:00")]
    [InlineData("+019-01-25")]
    [InlineData("٢٠١٩-٠١-٢٥")]
    [InlineData("0000-01-01")]
    [InlineData("2019-00-10")]
    [InlineData("2019-13-10")]
    [InlineData("2019-02-29")]
    [InlineData("2019-04-31")]
    [InlineData("--02-30")]
    [InlineData("--13-01")]
    [InlineData("-09-10")]
    [InlineData("---9-10")]
    [InlineData("09-10")]
    [InlineData("x-09-10")]
    [InlineData("--09-10x")]
    public void Anything_else_is_no_day_and_nothing_throws(string? text)
    {
        Assert.Null(Day.TryParse(text));
    }

    [Fact]
    public void Days_are_ordered_as_their_written_forms_are_character_by_character()
    {
        Gen.Select(Days, Days).Sample((a, b) =>
            Math.Sign(a.CompareTo(b)) == Math.Sign(string.CompareOrdinal(a.ToString(), b.ToString())));
    }

    [Fact]
    public void Days_without_a_year_come_first_by_month_and_day_then_dated_days_in_time()
    {
        string[] days = ["2019-01-25", "--09-10", "2018-09-10", "--01-25", "2019-01-24", "--09-09"];
        Assert.Equal(
            ["--01-25", "--09-09", "--09-10", "2018-09-10", "2019-01-24", "2019-01-25"],
            days.Select(d => Day.TryParse(d)!.Value).Order().Select(d => d.ToString()));
        Assert.True(new Day(null, 12, 31) < new Day(1, 1, 1));
    }

    [Theory]
    [InlineData("2018-09-10", "2019-01-25", -1)]
    [InlineData("2019-01-25", "2018-09-10", 1)]
    [InlineData("2019-01-25", "2019-01-25", 0)]
    [InlineData("--09-10", "2019-01-25", null)]
    [InlineData("2019-01-25", "--01-26", null)]
    [InlineData("--01-25", "--01-26", null)]
    [InlineData(null, "2019-01-25", null)]
    public void Only_two_dated_days_come_before_or_after_one_another_in_time(string? a, string? b, int? expected)
    {
        Assert.Equal(expected, Day.Compare(Day.TryParse(a), Day.TryParse(b)));
    }

    [Theory]
    [InlineData("2019-02-28", 1, "2019-03-01")]
    [InlineData("2019-01-01", -1, "2018-12-31")]
    [InlineData("--02-28", 1, "--02-28")]
    [InlineData("9999-12-31", 1, "9999-12-31")]
    public void A_later_day_crosses_months_and_years_and_a_day_without_a_year_stays(string text, int days, string expected)
    {
        Assert.Equal(expected, Day.TryParse(text)!.Value.AddDays(days).ToString());
    }

    [Fact]
    public void A_day_is_written_the_same_in_any_culture_and_in_interpolated_text()
    {
        var day = new Day(2019, 3, 5);
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("ar-SA");
            Assert.Equal("on 2019-03-05 and --09-10", $"on {day} and {new Day(null, 9, 10)}");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }
}
