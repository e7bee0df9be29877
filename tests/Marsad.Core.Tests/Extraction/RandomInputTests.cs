using Marsad.Extraction;
using Marsad.Model;

namespace Marsad.Tests.Extraction;

/// <summary>
/// Text assembled at random from the pieces real reports are made of (Arabic words and cue words,
/// digits of every script, punctuation, marks, controls, lone surrogates): the extractor must never
/// throw, and every span must point at its own text.
/// </summary>
public sealed class RandomInputTests
{
    private static readonly string[] Pieces =
    [
        "قتل", "مقتل", "بينهم", "من ضمنهم", "نحو", "أكثر من", "ما لا يقل عن", "على الأقل", "عنصراً", "طفلاً", "مواطنة",
        "تنظيم “الدولة الإسلامية”", "قسد", "الـ", "و", "عشرات", "المئات", "آلاف", "ثلاثة", "عشر", "ألف", "مليون", "أحدهم",
        "طفلين", "من", "العام", "أيلول", "ساعة", "كلم", "%", "،", ".", ":", "؛", "\n", " ", "  ", "\u0640", "\u064B",
        "\u200B", "\u00A0", "«", "»", "٢٦٬٩٥٠", "۱۲", "2100", "1.5", "10:30", "25/01/2019", "192.168.1.2", "1 414 021",
        "\uD800", "\uDFFF", "\0", "\t", "<b>", "&amp;", "A", "killed", "😀",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_text_never_throws_and_spans_stay_valid(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 300; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 60)).Select(_ => Pieces[random.Next(Pieces.Length)] + (random.Next(3) == 0 ? " " : "")));
            var document = new SourceDocument("random", text, DocumentMetadata.None);
            var claims = ClaimExtractor.Default.Extract(document).Claims;
            foreach (var claim in claims)
            {
                Assert.InRange(claim.Span.Start, 0, text.Length);
                Assert.InRange(claim.Span.End, claim.Span.Start, text.Length);
                Assert.Equal(text[claim.Span.Start..claim.Span.End], claim.Text);
                Assert.True(claim.Parent is null || claims.Any(c => c.Id == claim.Parent));
            }
        }
    }

    [Fact]
    public void The_same_text_gives_the_same_claims_and_ids()
    {
        var text = "قتل 27 مدنياً على الأقل بينهم 10 أطفال، وأصيب نحو 40 آخرين.";
        var first = ClaimExtractor.Default.Extract(new SourceDocument("d", text, DocumentMetadata.None)).Claims;
        var second = ClaimExtractor.Default.Extract(new SourceDocument("d", text, DocumentMetadata.None)).Claims;
        Assert.Equal(first.Select(Serialization.ClaimJson.ToJson), second.Select(Serialization.ClaimJson.ToJson));
    }

    [Fact]
    public void Empty_text_gives_no_claims() =>
        Assert.Empty(ClaimExtractor.Default.Extract(new SourceDocument("d", "", DocumentMetadata.None)).Claims);
}
