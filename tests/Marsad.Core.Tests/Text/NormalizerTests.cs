using Marsad.Analysis;

namespace Marsad.Tests.Text;

/// <summary>One test per folding rule of <c>Languages/ar/folding.tsv</c> and the Unicode rules in code.</summary>
public sealed class NormalizerTests
{
    private static string Fold(string text) => LanguagePack.Arabic.Normalizer.Normalize(text).Text;

    [Theory]
    [InlineData("٢٦٩٥٠", "26950")]
    [InlineData("۲۶۹۵۰", "26950")]
    public void Arabic_Indic_and_Persian_digits_become_ASCII(string input, string expected) => Assert.Equal(expected, Fold(input));

    [Fact]
    public void Tatweel_is_dropped() => Assert.Equal("ال24", Fold("الـ24"));

    [Fact]
    public void Harakat_are_dropped() => Assert.Equal("عنصرا", Fold("عنصراً"));

    [Theory]
    [InlineData("أكثر", "اكثر")]
    [InlineData("إصابة", "اصابه")]
    [InlineData("آلاف", "الاف")]
    public void Alef_forms_become_bare_alef(string input, string expected) => Assert.Equal(expected, Fold(input));

    [Fact]
    public void Alef_maqsura_becomes_yeh() => Assert.Equal("قضي", Fold("قضى"));

    [Fact]
    public void Teh_marbuta_becomes_heh() => Assert.Equal("مواطنه", Fold("مواطنة"));

    [Theory]
    [InlineData("«داعش»")]
    [InlineData("“داعش”")]
    public void Quotation_marks_become_plain_quotes(string input) => Assert.Equal("\"داعش\"", Fold(input));

    [Fact]
    public void Zero_width_characters_are_dropped() => Assert.Equal("قسد", Fold("ق\u200Cس\u200Bد\uFEFF"));

    [Fact]
    public void Non_breaking_spaces_become_spaces() => Assert.Equal("36 الف", Fold("36\u00A0ألف"));

    [Fact]
    public void Arabic_thousands_separator_becomes_comma() => Assert.Equal("26,950", Fold("٢٦٬٩٥٠"));

    [Fact]
    public void Latin_letters_are_lower_cased() => Assert.Equal("sohr", Fold("SOHR"));

    [Fact]
    public void Offsets_map_back_to_the_original_text()
    {
        const string original = "الـ 24 ساعةً";
        var normalized = LanguagePack.Arabic.Normalizer.Normalize(original);
        var start = normalized.Text.IndexOf("24", StringComparison.Ordinal);
        var span = normalized.OriginalSpan(start, start + 2);
        Assert.Equal("24", original[span.Start..span.End]);

        var word = normalized.Text.IndexOf("ساعه", StringComparison.Ordinal);
        var wordSpan = normalized.OriginalSpan(word, word + 4);
        Assert.Equal("ساعة", original[wordSpan.Start..wordSpan.End]);
    }
}
