using Marsad.Model;
using Marsad.Recognition;
using Marsad.Tests.Support;

namespace Marsad.Tests.Recognition;

/// <summary>One test per number rule: what is read as a count, with which value, and what is not.</summary>
public sealed class QuantityRecognizerTests
{
    private static List<Quantity> Counts(string text) => QuantityRecognizer.Recognize(Analyze.Arabic(text));

    private static long? Single(string text) => Assert.Single(Counts(text)).Value;

    [Theory]
    [InlineData("قتل 26,950 شخصا", 26950)]
    [InlineData("قتل ٢٦٬٩٥٠ شخصا", 26950)]
    [InlineData("قتل ١،٢٣٤ شخصا", 1234)]
    public void Digits_with_separators(string text, long expected) => Assert.Equal(expected, Single(text));

    [Theory]
    [InlineData("خروج 36 ألف شخص", 36000)]
    [InlineData("نحو 72 ألفا من الفارين", 72000)]
    [InlineData("نزوح 1.5 مليون شخص", 1500000)]
    [InlineData("نحو 400 ألف شخص", 400000)]
    public void Digits_times_a_scale_word(string text, long expected) => Assert.Equal(expected, Single(text));

    [Theory]
    [InlineData("أسر اثنين من العناصر", 2)]
    [InlineData("مقتل عشرة مدنيين", 10)]
    [InlineData("مقتل ثلاثة عشر مدنيا", 13)]
    [InlineData("مقتل خمسة وعشرين مدنيا", 25)]
    [InlineData("نحو ألف مدني", 1000)]
    [InlineData("ثلاثة آلاف وخمسمائة شخص", 3500)]
    [InlineData("نحو ثلاثة ملايين نسمة", 3000000)]
    [InlineData("مائة و واحد و ستون", 161)]
    [InlineData("ألفين و مائتان", 2200)]
    public void Number_words_and_compounds(string text, long expected) => Assert.Equal(expected, Single(text));

    [Theory]
    [InlineData("مقتل طفلين", 2)]
    [InlineData("أسر عنصرين", 2)]
    [InlineData("إصابة امرأتين", 2)]
    public void Duals_are_their_own_number(string text, long expected)
    {
        var quantity = Assert.Single(Counts(text));
        Assert.Equal(QuantityForm.Dual, quantity.Form);
        Assert.Equal(expected, quantity.Value);
    }

    [Fact]
    public void One_of_them_is_one() =>
        Assert.Equal([227L, 1L], Counts("ارتفع إلى 227، أحدهم قيادي").Select(q => q.Value!.Value));

    [Theory]
    [InlineData("عشرات المدنيين", Magnitude.Tens)]
    [InlineData("تسليم المئات منهم", Magnitude.Hundreds)]
    [InlineData("خروج الآلاف", Magnitude.Thousands)]
    [InlineData("عشرات الآلاف من الأشخاص", Magnitude.TensOfThousands)]
    [InlineData("بضعة أشخاص", Magnitude.Several)]
    public void Vague_amounts_have_a_magnitude(string text, Magnitude expected)
    {
        var quantity = Assert.Single(Counts(text));
        Assert.Equal(QuantityForm.Vague, quantity.Form);
        Assert.Equal(expected, quantity.Magnitude);
    }

    [Theory]
    [InlineData("من العام 2019")]
    [InlineData("عام 2018")]
    [InlineData("كانون الثاني / يناير 2019")]
    public void Years_are_not_counts(string text) => Assert.Empty(Counts(text));

    [Theory]
    [InlineData("منذ الـ 10 من أيلول")]
    [InlineData("في الـ 24 من كانون الثاني")]
    [InlineData("في الـ 23 والـ 24 من كانون الثاني")]
    [InlineData("بتاريخ 25/01/2019")]
    public void Dates_are_not_counts(string text) => Assert.Empty(Counts(text));

    [Fact]
    public void Clock_times_are_not_counts() => Assert.Empty(Counts("في الساعة 10:30 صباحا"));

    [Fact]
    public void Percentages_are_not_counts() => Assert.Empty(Counts("90 % منهم أطفال"));

    [Fact]
    public void A_number_alone_on_its_line_is_a_page_counter() => Assert.Empty(Counts("عنوان التقرير\n10\nنص التقرير"));

    [Fact]
    public void Ordinal_or_named_forms_with_the_article_are_not_numbers() => Assert.Empty(Counts("اليوم الاثنين"));

    [Fact]
    public void A_range_stays_two_numbers() =>
        Assert.Equal([3000L, 3500L], Counts("ما بين 3000 و3500 شخص").Select(q => q.Value!.Value));

    [Fact]
    public void Digits_never_add_to_digits() =>
        Assert.Equal([100L, 20L], Counts("قتل 100 و20 آخرين").Select(q => q.Value!.Value));
}
