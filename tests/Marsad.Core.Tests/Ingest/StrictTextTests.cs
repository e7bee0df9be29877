using System.Text;
using Marsad.Ingest;

namespace Marsad.Tests.Ingest;

/// <summary>Text comes out in NFC whatever it holds: composed when it was not, untouched when it was, normalized around what cannot be.</summary>
public sealed class StrictTextTests
{
    private const string Decomposed = "e\u0301te\u0301 \u0627\u0653";

    [Fact]
    public void A_decomposed_text_is_composed()
    {
        Assert.Equal(Decomposed.Normalize(NormalizationForm.FormC), StrictText.Nfc(Decomposed));
        Assert.NotEqual(Decomposed, StrictText.Nfc(Decomposed));
    }

    [Fact]
    public void A_text_in_NFC_already_is_kept_as_it_is()
    {
        const string composed = "قتل 3 مدنيين été";

        Assert.Same(composed, StrictText.Nfc(composed));
    }

    [Theory]
    [InlineData("\uFFFE")]
    [InlineData("\uFDD0")]
    [InlineData("\U0001FFFE")]
    public void Around_a_noncharacter_the_text_is_still_composed(string noncharacter)
    {
        var normalized = Decomposed.Normalize(NormalizationForm.FormC);

        Assert.Equal(normalized + noncharacter + normalized, StrictText.Nfc(Decomposed + noncharacter + Decomposed));
    }

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character()
    {
        Assert.Equal("a\uFFFDb", StrictText.Nfc("a\uD800b"));
    }
}
