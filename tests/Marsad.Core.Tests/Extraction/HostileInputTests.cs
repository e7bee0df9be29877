using System.Text;
using Marsad.Extraction;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Recognition;

namespace Marsad.Tests.Extraction;

/// <summary>
/// Text an attacker or an unlucky user sends: numbers longer than any count, impossible dates,
/// characters .NET will not normalize. Every stage answers with claims or warnings, never an
/// exception, and no figure wraps past 64 bits into a negative count.
/// </summary>
public sealed class HostileInputTests
{
    private static IReadOnlyList<Claim> Claims(string text, DateOnly? published = null) =>
        ClaimExtractor.Default.Extract(new SourceDocument("h", text, new DocumentMetadata(Published: published))).Claims;

    [Theory]
    [InlineData("قتل 12345678901234567890 شخصا في الهجوم.")]
    [InlineData("killed 1234567890123456789012345 people.")]
    [InlineData("killed 12345678901234567890123456789012345678901234567890 people.")]
    [InlineData("قتل 123 456 789 012 345 678 901 شخصا")]
    [InlineData("قتل ١٢٣٬٤٥٦٬٧٨٩٬٠١٢٬٣٤٥٬٦٧٨٬٩٠١ شخصا")]
    [InlineData("قتل 123،456،789،012،345،678،901 شخصا")]
    public void A_number_longer_than_any_count_is_no_claim(string text) =>
        Assert.DoesNotContain(Claims(text), c => c.Category == Category.Killed);

    [Fact]
    public void A_four_million_digit_number_is_read_without_exhausting_the_stack()
    {
        var text = "killed " + new string('9', 4_190_000) + " people, and 5 civilians were injured.";
        var claims = Claims(text);
        Assert.DoesNotContain(claims, c => c.Category == Category.Killed);
        Assert.Contains(claims, c => c.Value == 5);
    }

    [Theory]
    [InlineData("killed 9000000000000 million people.")]
    [InlineData("قتل 9000000000 مليار شخص.")]
    [InlineData("قتل 900 ألف مليون مليار شخص.")]
    [InlineData("killed 1.5 billion billion people.")]
    public void A_number_times_a_scale_word_never_wraps(string text)
    {
        foreach (var claim in Claims(text))
        {
            Assert.True(claim.Value is null || (claim.Value >= 0 && claim.Value <= QuantityRecognizer.LargestCount), $"{claim.Text} read as {claim.Value}");
            Assert.True(claim.Low is null or >= 0, $"{claim.Text} low {claim.Low}");
        }
    }

    [Fact]
    public void A_scale_word_after_a_number_too_large_is_not_a_count_of_its_own() =>
        Assert.Empty(Claims("killed 9000000000000 million people."));

    [Fact]
    public void A_count_under_the_bound_is_still_read()
    {
        var claim = Assert.Single(Claims("قتل 2 مليون شخص."));
        Assert.Equal(2_000_000, claim.Value);
    }

    [Fact]
    public void A_range_written_high_first_is_ordered()
    {
        var first = Claims("قتل ما بين 50 و30 شخصا.")[0];
        Assert.Equal(30, first.Low);
        Assert.Equal(50, first.High);
    }

    [Fact]
    public void Fewer_than_none_is_not_a_negative_bound()
    {
        foreach (var claim in Claims("قتل أقل من 0 شخص. killed fewer than 0 people."))
        {
            Assert.True(claim.High is null or >= 0, $"{claim.Text} high {claim.High}");
        }
    }

    [Theory]
    [InlineData("Since April 31, 40 people were killed.", 2024, 5, 10)]
    [InlineData("قتل 40 شخصا منذ 31 نيسان.", 2024, 5, 10)]
    [InlineData("Since February 29, 40 people were killed.", 2023, 5, 10)]
    [InlineData("قتل 40 شخصا منذ 30 شباط.", 2024, 5, 10)]
    public void A_date_the_calendar_does_not_have_is_a_warning(string text, int year, int month, int day)
    {
        var claim = Assert.Single(Claims(text, new DateOnly(year, month, day)), c => c.Value == 40);
        Assert.Contains(WarningCodes.ImpossibleDate, claim.Warnings);
        Assert.Null(claim.Time.Since);
    }

    [Fact]
    public void February_29_of_a_leap_year_is_a_day()
    {
        var claim = Assert.Single(Claims("Since February 29, 40 people were killed.", new DateOnly(2024, 5, 10)), c => c.Value == 40);
        Assert.Equal("2024-02-29", claim.Time.Since?.ToString());
        Assert.DoesNotContain(WarningCodes.ImpossibleDate, claim.Warnings);
    }

    [Theory]
    [InlineData("خلال 900000000 يوم قتل 5 أشخاص.")]
    [InlineData("during the last 900000000 weeks 5 people were killed.")]
    public void A_stretch_longer_than_the_calendar_never_throws(string text) =>
        Assert.Contains(Claims(text, new DateOnly(2024, 5, 10)), c => c.Value == 5);

    [Theory]
    [InlineData("قتل 5 أشخاص \uFFFE في الهجوم")]
    [InlineData("killed 5 people \uFFFF\uFDD0 here")]
    [InlineData("killed 5 \uD800 people")]
    public void Characters_net_does_not_normalize_are_read_with_the_rest(string text)
    {
        var decoded = StrictText.TryDecode(Encoding.UTF8.GetBytes(text), out var read, out _, out _);
        Assert.True(decoded);
        Assert.Contains(Claims(read), c => c.Value == 5);
    }

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character() =>
        Assert.Equal("a\uFFFDb\uFFFEc", StrictText.Nfc("a\uD800b\uFFFEc"));

    [Fact]
    public void Text_around_a_noncharacter_is_still_normalized() =>
        Assert.Equal("\u00E9\uFFFE\u00E9", StrictText.Nfc("e\u0301\uFFFEe\u0301"));
}
