using Marsad.Extraction;
using Marsad.Model;

namespace Marsad.Tests.Time;

/// <summary>One test per time rule (CODEBOOK §5, §6), on sentences written for the tests.</summary>
public sealed class TimeResolutionTests
{
    private static readonly DateOnly Friday25January2019 = new(2019, 1, 25);

    private static ExtractionResult Extract(string text, DateOnly? published = null) =>
        ClaimExtractor.Default.Extract(new SourceDocument("t", text, new DocumentMetadata(Published: published)));

    private static Claim Claim(string text, string figure, DateOnly? published = null) =>
        Extract(text, published).Claims.First(c => c.Text == figure);

    [Fact]
    public void A_dated_yesterday_dates_the_report_the_day_after()
    {
        var result = Extract("كذلك نشر المرصد السوري أمس الأربعاء الـ 30 من كانون الثاني / يناير الجاري من العام 2019، أنه خرج 500 شخص.");
        Assert.Equal(new DateOnly(2019, 1, 31), result.Publication.Date);
        Assert.Contains("أمس الأربعاء الـ 30", result.Publication.How, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weekday_alone_gives_the_weekday_but_not_the_date()
    {
        var result = Extract("بعد أن نشر المرصد السوري مساء أمس السبت، قتل 43 عنصراً من التنظيم.");
        Assert.Null(result.Publication.Date);
        Assert.Equal(DayOfWeek.Sunday, result.Publication.Weekday);
    }

    [Fact]
    public void Today_with_a_weekday_that_contradicts_its_day_is_believed_for_the_weekday()
    {
        var result = Extract("ارتفاع أعداد الخارجين اليوم الثلاثاء الـ 3 من آذار / مارس الجاري من العام 2019، إلى 2200 شخص");
        Assert.Equal(new DateOnly(2019, 3, 5), result.Publication.Date);
        Assert.Contains(WarningCodes.WeekdayMismatch, result.Claims.Single().Warnings);
    }

    [Fact]
    public void A_recap_of_yesterday_moves_the_day_figures_hold_for()
    {
        const string text = "قتل 5 مدنيين اليوم.\nونشر المرصد السوري مساء أمس الخميس، أنه قتل ما لا يقل عن 34 عنصراً من التنظيم.";
        Assert.Equal("2019-01-24", Claim(text, "34", Friday25January2019).Time.AsOf?.ToString());
        Assert.Equal("2019-01-25", Claim(text, "5", Friday25January2019).Time.AsOf?.ToString());
    }

    [Fact]
    public void A_baseline_with_last_month_takes_the_last_such_month()
    {
        var claim = Claim("ليرتفع إلى 1213 عدد مقاتلي التنظيم ممن قتلوا منذ الـ 10 من أيلول / سبتمبر الفائت", "1213", Friday25January2019);
        Assert.Equal(TimeKind.Cumulative, claim.Time.Kind);
        Assert.Equal("2018-09-10", claim.Time.Since?.ToString());
        Assert.Equal("2019-01-25", claim.Time.AsOf?.ToString());
    }

    [Fact]
    public void The_start_of_a_month_is_its_first_day()
    {
        var claim = Claim("يرتفع إلى 28150 عدد الأشخاص الخارجين منذ مطلع شهر كانون الأول / ديسمبر من العام 2018", "28150", Friday25January2019);
        Assert.Equal("2018-12-01", claim.Time.Since?.ToString());
    }

    [Fact]
    public void A_baseline_named_by_an_event_takes_the_date_that_follows()
    {
        var claim = Claim("خرج أكثر من 26100 من الجيب منذ قرار الرئيس الأمريكي بالانسحاب من سوريا في الـ 19 من ديسمبر من العام 2018", "26100", Friday25January2019);
        Assert.Equal("2018-12-19", claim.Time.Since?.ToString());
    }

    [Fact]
    public void Without_a_year_a_baseline_is_month_and_day()
    {
        var claim = Claim("وبذلك فإنه يرتفع إلى 414 ممن قتلوا من مقاتلي التنظيم منذ الـ 10 من شهر أيلول", "414");
        Assert.Equal("--09-10", claim.Time.Since?.ToString());
    }

    [Fact]
    public void Since_this_morning_is_a_period_of_today()
    {
        var claim = Claim("ارتفع إلى نحو 1000 تعداد الخارجين منذ صباح اليوم", "1000", Friday25January2019);
        Assert.Equal(TimeKind.Period, claim.Time.Kind);
        Assert.Equal("2019-01-25", claim.Time.Start?.ToString());
        Assert.Equal("2019-01-25", claim.Time.AsOf?.ToString());
    }

    [Fact]
    public void The_last_24_hours_are_a_period()
    {
        var claim = Claim("خروج 4900 شخص من جيب التنظيم خلال الـ 24 ساعة الأخيرة", "4900", Friday25January2019);
        Assert.Equal(TimeKind.Period, claim.Time.Kind);
        Assert.Equal("2019-01-25", claim.Time.End?.ToString());
    }

    [Fact]
    public void Months_of_fighting_make_a_running_total()
    {
        var claim = Claim("نحو 1215 من تنظيم الدولة الإسلامية قتلوا خلال 4 أشهر ونصف", "1215", Friday25January2019);
        Assert.Equal(TimeKind.Cumulative, claim.Time.Kind);
    }

    [Fact]
    public void Two_days_of_a_month_make_a_span()
    {
        var claim = Claim("بعد وصول نحو 700 جندي إلى المنطقة، في الـ 23 والـ 24 من كانون الثاني / يناير الجاري", "700", new DateOnly(2019, 1, 31));
        Assert.Equal(("2019-01-23", "2019-01-24", "2019-01-24"), (claim.Time.Start?.ToString(), claim.Time.End?.ToString(), claim.Time.AsOf?.ToString()));
    }

    [Fact]
    public void The_same_period_takes_the_span_of_the_figure_before()
    {
        const string text = "ارتفع إلى 1213 عدد مقاتلي التنظيم الذين قتلوا منذ الـ 10 من أيلول الفائت، فيما ارتفع إلى 653 عدد عناصر قسد الذين قضوا خلال الفترة ذاتها";
        Assert.Equal("2018-09-10", Claim(text, "653", Friday25January2019).Time.Since?.ToString());
    }

    [Fact]
    public void A_baseline_after_the_day_it_holds_for_is_flagged()
    {
        var claim = Claim("فإنه أعداد الخارجين منذ الـ16 من آذار / مارس الجاري، ترتفع لتبلغ نحو 16550 شخص", "16550", new DateOnly(2019, 3, 5));
        Assert.Contains(WarningCodes.SinceAfterAsOf, claim.Warnings);
    }

    [Fact]
    public void An_explicit_year_against_last_month_is_flagged_and_the_relative_word_believed()
    {
        var claim = Claim("يرتفع إلى 56680 عدد الخارجين منذ الأول من ديسمبر الفائت من العام 2019", "56680", new DateOnly(2019, 3, 5));
        Assert.Contains(WarningCodes.YearConflict, claim.Warnings);
        Assert.Equal("2018-12-01", claim.Time.Since?.ToString());
    }

    [Fact]
    public void Consistent_dates_raise_no_warning()
    {
        var result = Extract("ارتفع إلى نحو 1000 تعداد الخارجين منذ صباح اليوم الخميس الـ 24 من كانون الثاني / يناير الجاري من العام 2019");
        Assert.All(result.Claims, c => Assert.Empty(c.Warnings));
    }

    [Fact]
    public void A_given_publication_date_is_never_replaced()
    {
        var result = Extract("نشر المرصد أمس الأربعاء الـ 30 من كانون الثاني / يناير الجاري من العام 2019 أن 5 قتلوا", new DateOnly(2020, 1, 1));
        Assert.Equal(new DateOnly(2020, 1, 1), result.Publication.Date);
        Assert.Equal("given", result.Publication.How);
    }
}
