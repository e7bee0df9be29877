using Marsad.Extraction;
using Marsad.Model;
using Marsad.Profiles;
using Marsad.Rendering;

namespace Marsad.Tests.Profiles;

public sealed class ProfileChoiceTests
{
    private static readonly ProfileChoice Shipped = ProfileChoice.Shipped;

    private static IEnumerable<string> Codes(ConflictProfile profile) => profile.Actors.Select(a => a.Code);

    private static IEnumerable<string> Named(ConflictProfile profile, string name) =>
        profile.Actors.Where(a => a.Names.Values.Any(names => names.Contains(name))).Select(a => a.Code);

    [Theory]
    [InlineData("IQ", "iraq", "PMF")]
    [InlineData("YE", "yemen", "HOUTHI")]
    [InlineData("SD", "sudan", "RSF")]
    [InlineData("PS", "gaza", "HAMAS")]
    [InlineData("IL", "gaza", "IDF")]
    [InlineData("LB", "lebanon", "HEZBOLLAH")]
    [InlineData("LY", "libya", "LNA")]
    public void A_report_about_a_country_of_the_region_is_read_with_that_countrys_profile(string country, string profile, string actor)
    {
        var chosen = Shipped.For(country, namesSyria: false);
        Assert.Equal(profile, chosen.Profile);
        Assert.Contains(actor, Codes(chosen));
        Assert.DoesNotContain("SDF", Codes(chosen));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("SY")]
    [InlineData("EG")]
    public void A_report_about_Syria_or_no_known_country_is_read_with_the_Syria_profile(string? country)
    {
        Assert.Same(ConflictProfile.Syria, Shipped.For(country, namesSyria: true));
    }

    [Fact]
    public void A_report_that_also_names_Syrian_places_has_both_profiles_and_one_actor_for_each_name()
    {
        var chosen = Shipped.For("YE", namesSyria: true);
        Assert.Contains("SDF", Codes(chosen));
        Assert.Contains("HOUTHI", Codes(chosen));
        Assert.Equal(["YEGOV"], Named(chosen, "القوات الحكومية"));
        Assert.Equal(["SYGOV"], Named(chosen, "قوات النظام"));
    }

    [Theory]
    [InlineData("RSF", "ar", "قوات الدعم السريع")]
    [InlineData("HOUTHI", "en", "Houthis")]
    [InlineData("SYGOV", "ar", "قوات النظام")]
    public void An_actor_of_any_shipped_profile_is_read_back_by_its_name(string code, string language, string name)
    {
        var labels = new ClaimRenderer(ClaimExtractor.Default.ReadBackProfile).CodeNames(language).ToDictionary(l => l.Key, l => l.Value);
        Assert.Equal(name, labels["actor:" + code]);
    }

    [Fact]
    public void A_profile_the_user_gives_is_used_for_every_report()
    {
        const string sudan = "قتل 23 عنصرا من قوات الدعم السريع في معارك قرب مدينة الفاشر.";
        Claim Figure(ClaimExtractor extractor) => extractor.Extract(new SourceDocument("s", sudan, DocumentMetadata.None)).Claims.Single(c => c.Text == "23");

        Assert.Equal("RSF", Figure(ClaimExtractor.Default).Group.Actor);
        Assert.Null(Figure(new ClaimExtractor(ConflictProfile.Syria)).Group.Actor);
    }
}
