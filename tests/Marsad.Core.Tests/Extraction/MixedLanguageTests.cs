using Marsad.Extraction;
using Marsad.Model;
using Marsad.Tallies;

namespace Marsad.Tests.Extraction;

/// <summary>Reports in English, and in both languages, through the same pipeline and into the same tally.</summary>
public sealed class MixedLanguageTests
{
    private const string Arabic =
        "محافظة دير الزور – المرصد السوري لحقوق الإنسان:: رصد المرصد السوري خروج 4900 شخص من جيب التنظيم خلال الـ 24 ساعة الأخيرة، من ضمنهم 470 من عناصر التنظيم";

    private const string English =
        "Deir ez-Zor province (SOHR): The Syrian Observatory for Human Rights said 4,900 people left the Islamic State pocket in the past 24 hours, including 470 IS fighters.";

    private static ExtractionResult Extract(string id, string text, DateOnly? published = null) =>
        ClaimExtractor.Default.Extract(new SourceDocument(id, text, new DocumentMetadata(Published: published)));

    [Fact]
    public void A_report_in_both_languages_yields_the_claims_of_each()
    {
        var result = Extract("mixed", "We use cookies on this site. 3 cookies are stored.\n" + Arabic + "\nThe monitor added that 21 IS fighters were captured.");
        Assert.Equal("ar", result.Language);
        Assert.Contains(result.Claims, c => c is { Value: 4900, Category: Category.Exited });
        Assert.Contains(result.Claims, c => c is { Value: 21, Category: Category.Captured, Group.Actor: "IS", Group.Role: Role.Fighter });
        Assert.DoesNotContain(result.Claims, c => c.Value == 3 && c.Category != Category.Other);
    }

    [Fact]
    public void An_English_report_names_its_language_and_its_places_in_English()
    {
        var result = Extract("en", English, new DateOnly(2019, 2, 12));
        Assert.Equal("en", result.Language);
        var exited = result.Claims.Single(c => c.Value == 4900);
        Assert.Equal(("SY-DY", TimeKind.Period, "2019-02-12"), (exited.Place.Admin1, exited.Time.Kind!.Value, exited.Time.AsOf?.ToString()));
        var fighters = result.Claims.Single(c => c.Value == 470);
        Assert.Equal((exited.Id, "IS", Role.Fighter), (fighters.Parent, fighters.Group.Actor, fighters.Group.Role!.Value));
    }

    [Fact]
    public void The_same_figure_in_an_Arabic_and_an_English_report_is_one_point_with_two_mentions()
    {
        var day = new DateOnly(2019, 2, 12);
        var mentions = new[] { Extract("sohr-ar", Arabic, day), Extract("sohr-en", English, day) }
            .SelectMany(r => r.Claims.Select(c => new Mention(c, day, "SOHR")));
        var series = TallyBuilder.Build(mentions).Series;
        var exits = Assert.Single(series, s => s.Id == "exited.person.SY-DY.period");
        var point = Assert.Single(exits.Points);
        Assert.Equal(4900, point.Value);
        Assert.Equal(["sohr-ar#1", "sohr-en#1"], point.Mentions.Select(m => m.Claim.Id));
        var fighters = Assert.Single(series, s => s.Id == "exited.IS.fighter.SY-DY.period");
        Assert.Equal(2, Assert.Single(fighters.Points).Mentions.Count);
    }
}
