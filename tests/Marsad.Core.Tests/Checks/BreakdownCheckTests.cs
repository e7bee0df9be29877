using Marsad.Extraction;
using Marsad.Model;

namespace Marsad.Tests.Checks;

public sealed class BreakdownCheckTests
{
    private static Claim Whole(string text, string figure) =>
        ClaimExtractor.Default.Extract(new SourceDocument("b", text, DocumentMetadata.None)).Claims.First(c => c.Text == figure);

    [Fact]
    public void Parts_of_one_list_above_an_exact_whole_are_flagged() =>
        Assert.Contains(WarningCodes.PartsExceedWhole, Whole("قتل 20 مدنياً بينهم 15 طفلاً و9 مواطنات", "20").Warnings);

    [Fact]
    public void Overlapping_lists_are_not_added_together() =>
        Assert.Empty(Whole("وثق المرصد 388 بينهم 141 طفلاً و86 مواطنة، من ضمنهم 226 مواطناً سورياً، عدد المدنيين الذين قضوا", "388").Warnings);

    [Fact]
    public void A_complete_list_that_does_not_add_up_is_flagged() =>
        Assert.Contains(WarningCodes.SumMismatch, Whole("قتل 43 عنصراً من التنظيم هم 8 قتلوا أمس، و30 قتلوا اليوم", "43").Warnings);

    [Fact]
    public void A_complete_list_that_adds_up_is_not_flagged() =>
        Assert.Empty(Whole("قتل 43 عنصراً من التنظيم هم 8 قتلوا أمس، و35 قتلوا اليوم", "43").Warnings);

    [Fact]
    public void A_partial_list_below_its_whole_is_not_flagged() =>
        Assert.Empty(Whole("قتل 27 مدنياً بينهم 10 أطفال", "27").Warnings);
}
