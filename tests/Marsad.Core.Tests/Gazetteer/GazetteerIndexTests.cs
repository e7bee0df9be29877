using Marsad.Analysis;
using Marsad.Gazetteer;

namespace Marsad.Tests.Gazetteer;

public sealed class GazetteerIndexTests
{
    private static GazetteerIndex Gazetteer => Marsad.Extraction.ClaimExtractor.Default.PackFor(["ar", "en"]).Gazetteer;

    [Theory]
    [InlineData("هجين")]
    [InlineData("وهجين")]
    [InlineData("ببلدة هجين")]
    [InlineData("  بلدة   هجين ")]
    public void A_town_is_found_through_proclitics_and_place_words(string query)
    {
        var place = Gazetteer.Lookup(query);
        Assert.NotNull(place);
        Assert.Equal("SY-DY", place.Admin1);
        Assert.StartsWith("geonames:", place.GazetteerId, StringComparison.Ordinal);
    }

    [Fact]
    public void Diacritics_and_tatweel_do_not_matter()
    {
        Assert.NotNull(Gazetteer.Lookup("هَجِـين"));
        Assert.Equal(Gazetteer.Lookup("هجين")?.GazetteerId, Gazetteer.Lookup("هَجِـين")?.GazetteerId);
        Assert.NotNull(Gazetteer.Lookup("في هجين"));
    }

    [Fact]
    public void The_most_specific_place_wins_a_shared_name()
    {
        // "دير الزور" is a governorate, a district, a subdistrict and a city: the city is meant.
        var place = Gazetteer.Lookup("دير الزور");
        Assert.NotNull(place);
        Assert.StartsWith("geonames:", place.GazetteerId, StringComparison.Ordinal);
        Assert.Equal("opensyria:sy-deir-ez-zor", Gazetteer.Lookup("محافظة دير الزور")?.GazetteerId);
    }

    [Fact]
    public void A_first_level_division_decides_between_namesakes()
    {
        var namesakes = Gazetteer.Candidates(LanguagePack.Arabic.Normalizer.Normalize("صوران").Text).ToArray();
        var divisions = namesakes.Select(p => p.Admin1).Distinct().ToArray();
        Assert.True(divisions.Length > 1, "the test needs a name shared across governorates");
        foreach (var admin1 in divisions)
        {
            Assert.Equal(admin1, Gazetteer.Lookup("صوران", admin1)?.Admin1);
        }
    }

    [Fact]
    public void An_unknown_name_is_not_found()
    {
        Assert.Null(Gazetteer.Lookup("مدينة لا وجود لها"));
        Assert.Null(Gazetteer.Lookup(""));
    }

    [Theory]
    [InlineData("محافظة مأرب", "YE-MA")]
    [InlineData("الفاشر", "SD-DN")]
    [InlineData("خان يونس", "PS-KYS")]
    [InlineData("Hodeidah", "YE-HU")]
    [InlineData("محافظة نينوى", "IQ-NI")]
    public void The_neighbouring_wars_first_level_divisions_are_known(string name, string admin1) =>
        Assert.Equal(admin1, Gazetteer.Lookup(name)?.Admin1);

    [Fact]
    public void A_city_needs_no_place_word()
    {
        var claim = Marsad.Extraction.ClaimExtractor.Default.Extract(
            new Marsad.Model.SourceDocument("c", "فر أكثر من 300 ألف شخص من الموصل منذ بدء الحملة العسكرية", Marsad.Model.DocumentMetadata.None)).Claims[0];
        Assert.Equal("IQ-NI", claim.Place.Admin1);
    }
}
