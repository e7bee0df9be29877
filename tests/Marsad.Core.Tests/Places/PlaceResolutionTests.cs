using Marsad.Extraction;
using Marsad.Model;

namespace Marsad.Tests.Places;

public sealed class PlaceResolutionTests
{
    private static Claim Claim(string text, string figure) =>
        ClaimExtractor.Default.Extract(new SourceDocument("p", text, DocumentMetadata.None)).Claims.First(c => c.Text == figure);

    [Fact]
    public void The_dateline_governorate_is_the_report_place()
    {
        var claim = Claim("عنوان\nمحافظة دير الزور – المرصد السوري:: قتل 12 عنصراً من التنظيم", "12");
        Assert.Equal("SY-DY", claim.Place.Admin1);
    }

    [Fact]
    public void A_town_after_a_place_word_in_the_clause_is_the_claim_place()
    {
        var claim = Claim("محافظة دير الزور – المرصد السوري:: قتل 5 مدنيين في بلدة هجين بريف دير الزور", "5");
        Assert.Equal("هجين", claim.Place.Name);
        Assert.Equal("SY-DY", claim.Place.Admin1);
        Assert.NotNull(claim.Place.Lat);
    }

    [Fact]
    public void A_governorate_named_with_a_clitic_is_found()
    {
        var claim = Claim("قتل 27 مدنياً بريف إدلب الجنوبي", "27");
        Assert.Equal("SY-ID", claim.Place.Admin1);
    }

    [Fact]
    public void A_place_in_another_clause_does_not_move_the_claim()
    {
        var claim = Claim("محافظة دير الزور – المرصد السوري:: خرج 36250 شخصاً من الجيب، وجرى نقلهم إلى مخيمات الهول في ريف الحسكة", "36250");
        Assert.Equal("SY-DY", claim.Place.Admin1);
    }
}
