using Marsad.Extraction;
using Marsad.Model;
using Marsad.Profiles;
using Marsad.Tests.Support;

namespace Marsad.Tests.Profiles;

public sealed class ConflictProfileTests
{
    private const string YemenReport =
        "اليمن – مراسلون:\nقتل 12 مقاتلاً من الحوثيين وأصيب 5 جنود من القوات الحكومية في محافظة مأرب، وقال مصدر إن 3 من عناصر التنظيم قتلوا في شبوة";

    private static readonly Lazy<ClaimExtractor> Yemen = new(() =>
        new ClaimExtractor(Loaded(SharedData.RepositoryRoot + "/samples/profiles/yemen.json").Effective));

    private static LoadedProfile Loaded(string path) => Assert.IsType<ProfileRead.Loaded>(ConflictProfile.Read(path)).Profile;

    private static Claim Claim(ClaimExtractor extractor, string text, string figure) =>
        extractor.Extract(new SourceDocument("p", text, DocumentMetadata.None)).Claims.First(c => c.Text == figure);

    [Fact]
    public void The_Yemen_sample_profile_changes_actors_and_places_without_code()
    {
        var syria = new ClaimExtractor(ConflictProfile.Syria);
        Assert.Null(Claim(syria, YemenReport, "12").Group.Actor);
        Assert.Equal("iso:YE-MA", Claim(syria, YemenReport, "12").Place.GazetteerId);
        Assert.Equal("SYGOV", Claim(syria, YemenReport, "5").Group.Actor);

        var fighters = Claim(Yemen.Value, YemenReport, "12");
        Assert.Equal("HOUTHI", fighters.Group.Actor);
        Assert.Equal("YE-MA", fighters.Place.Admin1);
        Assert.Equal("profile:ye-marib", fighters.Place.GazetteerId);
        Assert.Equal("YEGOV", Claim(Yemen.Value, YemenReport, "5").Group.Actor);
    }

    [Fact]
    public void The_organisation_is_the_Islamic_State_in_Syria_and_al_Qaeda_in_the_Yemen_profile()
    {
        Assert.Equal("IS", Claim(new ClaimExtractor(ConflictProfile.Syria), YemenReport, "3").Group.Actor);
        var yemen = Claim(Yemen.Value, YemenReport, "3");
        Assert.Equal("AQAP", yemen.Group.Actor);
        Assert.Equal("YE-SH", yemen.Place.Admin1);
    }

    [Fact]
    public void The_organisation_is_the_actor_the_report_names_most()
    {
        const string report = "قصفت هيئة تحرير الشام مواقع في إدلب، وقالت مصادر إن هيئة تحرير الشام خسرت 7 من عناصر التنظيم";
        Assert.Equal("HTS", Claim(ClaimExtractor.Default, report, "7").Group.Actor);
    }

    [Fact]
    public void Soldiers_of_a_nationality_serve_its_army()
    {
        const string report = "قتل مقاتلو التنظيم يوم الخميس 20 جنديا سوريا في هجوم على البادية";
        var claim = Claim(ClaimExtractor.Default, report, "20");
        Assert.Equal("SYGOV", claim.Group.Actor);
        Assert.Equal(Role.Soldier, claim.Group.Role);
    }

    [Fact]
    public void A_profile_in_add_mode_keeps_the_default_actors()
    {
        using var folder = new TempFolder();
        var path = folder.File("libya.json", """
            { "profile": "libya", "mode": "add",
              "actors": [ { "code": "LNA", "role": "soldier", "names": { "ar": ["قوات حفتر"] } } ] }
            """);
        var extractor = new ClaimExtractor(Loaded(path).Effective);
        Assert.Equal("LNA", Claim(extractor, "قتل 4 من قوات حفتر", "4").Group.Actor);
        Assert.Equal("SDF", Claim(extractor, "قتل 6 من عناصر قسد", "6").Group.Actor);
    }

    [Fact]
    public void A_bad_profile_is_an_error_naming_the_file_and_line()
    {
        using var folder = new TempFolder();
        var path = folder.File("bad.json", "{\n  \"profile\": \"x\",\n  \"actors\": [ { \"names\": {} } ]\n}");
        var failed = Assert.IsType<ProfileRead.Failed>(ConflictProfile.Read(path));
        Assert.StartsWith(path + ":3:", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parent_the_profile_does_not_define_is_an_error()
    {
        var read = ConflictProfile.Parse("""{ "profile": "x", "actors": [ { "code": "A", "parent": "B", "names": {} } ] }""", "x.json");
        Assert.Contains("parent B", Assert.IsType<ProfileRead.Failed>(read).Message, StringComparison.Ordinal);
    }
}
