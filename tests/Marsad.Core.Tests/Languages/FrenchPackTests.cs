using Marsad.Analysis;
using Marsad.Extraction;
using Marsad.Languages;
using Marsad.Model;
using Marsad.Profiles;
using Marsad.Tests.Support;

namespace Marsad.Tests.Languages;

/// <summary>
/// A third language is data: the French pack under <c>tests/…/Languages/fr</c> (data files only,
/// no C# of its own) is added to the shipped packs, told from English by its own detection words,
/// and its sentences read with its decimal comma.
/// </summary>
public sealed class FrenchPackTests
{
    private static readonly string Folder = Path.Combine(SharedData.RepositoryRoot, "tests", "Marsad.Core.Tests", "Languages", "fr");

    private static readonly Lazy<LanguageCatalog> Catalog = new(() => LanguageCatalog.Shipped.With(LanguageData.FromFolder(Folder)));

    private static readonly Lazy<ClaimExtractor> Extractor = new(() => new ClaimExtractor(ConflictProfile.Syria, languages: Catalog.Value));

    private static Claim Only(string text)
    {
        var result = Extractor.Value.Extract(new SourceDocument("fr", text, DocumentMetadata.None));
        Assert.Equal("fr", result.Language);
        return Assert.Single(result.Claims);
    }

    [Fact]
    public void The_French_pack_passes_lint_data()
    {
        Assert.Empty(DataLint.Check(Folder));
    }

    [Fact]
    public void A_French_report_is_French_and_an_English_one_still_English()
    {
        Assert.Equal("fr", Catalog.Value.Detector.Detect("Au moins 12 civils ont été tués dans un bombardement sur la ville.").Main);
        Assert.Equal("en", Catalog.Value.Detector.Detect("At least 12 civilians were killed in shelling on the town.").Main);
        Assert.Equal(["ar", "fr"], Catalog.Value.Detector.Detect("قتل 27 مدنياً على الأقل بينهم 10 أطفال جراء غارات\nSelon l'OSDH, les frappes ont visé la ville").All);
    }

    [Fact]
    public void A_decimal_comma_before_a_scale_word_is_a_fraction_of_it()
    {
        var claim = Only("Au moins 1,5 million de personnes ont été déplacées par les combats.");
        Assert.Equal((1_500_000L, Qualifier.AtLeast, Category.Displaced, Role.Person), (claim.Value!.Value, claim.Qualifier, claim.Category, claim.Group.Role!.Value));
        Assert.Equal("1,5 million", claim.Text);
    }

    [Fact]
    public void A_dot_between_groups_of_three_groups_thousands()
    {
        var claim = Only("Le bilan fait état de 1.200 blessés dans la province.");
        Assert.Equal((1_200L, Category.Injured), (claim.Value!.Value, claim.Category));
    }

    [Fact]
    public void Number_words_nouns_cues_and_causes_come_from_the_pack()
    {
        var claim = Only("Douze civils ont été tués dans un bombardement mardi.");
        Assert.Equal((12L, Category.Killed, Role.Civilian, Cause.Shelling), (claim.Value!.Value, claim.Category, claim.Group.Role!.Value, claim.Cause!.Value));
    }

    [Fact]
    public void A_hedge_before_the_figure_is_its_qualifier()
    {
        var claim = Only("Environ 300 combattants ont été capturés par les forces kurdes.");
        Assert.Equal((300L, Qualifier.Approx, Category.Captured, Role.Fighter), (claim.Value!.Value, claim.Qualifier, claim.Category, claim.Group.Role!.Value));
    }
}
