using Marsad.Analysis;

namespace Marsad.Tests.Languages;

public sealed class LanguageDetectorTests
{
    [Fact]
    public void An_Arabic_report_is_Arabic()
    {
        var detected = LanguageCatalog.Shipped.Detector.Detect("محافظة دير الزور – المرصد السوري:: قتل 12 عنصراً من التنظيم");
        Assert.Equal("ar", detected.Main);
        Assert.Equal(["ar"], detected.All);
    }

    [Fact]
    public void An_English_report_is_English()
    {
        var detected = LanguageCatalog.Shipped.Detector.Detect("Regime air strikes killed 19 civilians on Tuesday, a war monitor said.");
        Assert.Equal("en", detected.Main);
        Assert.Equal(["en"], detected.All);
    }

    [Fact]
    public void An_Arabic_report_with_an_English_paragraph_is_in_both_and_mainly_Arabic()
    {
        var detected = LanguageCatalog.Shipped.Detector.Detect(
            "We use cookies to improve your experience on our website.\nقتل 27 مدنياً على الأقل بينهم 10 أطفال جراء غارات روسية استهدفت مناطق عدة في محافظة إدلب");
        Assert.Equal("ar", detected.Main);
        Assert.Equal(["ar", "en"], detected.All);
    }

    [Fact]
    public void A_short_line_in_another_script_says_nothing()
    {
        var detected = LanguageCatalog.Shipped.Detector.Detect("AFP\nقتل 27 مدنياً على الأقل بينهم 10 أطفال جراء غارات روسية");
        Assert.Equal(["ar"], detected.All);
    }
}
