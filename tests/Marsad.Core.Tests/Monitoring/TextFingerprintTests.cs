using Marsad.Monitoring;

namespace Marsad.Tests.Monitoring;

public sealed class TextFingerprintTests
{
    private const string Report =
        "At least 14 civilians were killed on Monday in shelling on the town of Maarat al-Numan in the southern countryside of Idlib, "
        + "the observatory said, adding that the dead include 5 children and 3 women, and that more than 30 people were injured, some of them critically, "
        + "as rescue teams searched the rubble of the houses hit in the early hours of the morning for survivors.";

    [Fact]
    public void A_copy_with_a_credit_line_is_near()
    {
        var copy = Report + " Source: the observatory.";
        Assert.True(TextFingerprint.Of(Report).IsNear(TextFingerprint.Of(copy)));
    }

    [Fact]
    public void A_copy_with_another_figure_is_not_near_however_close_its_words()
    {
        var changed = Report.Replace("14 civilians", "41 civilians", StringComparison.Ordinal);
        Assert.False(TextFingerprint.Of(Report).IsNear(TextFingerprint.Of(changed)));
    }

    [Fact]
    public void Another_report_is_not_near()
    {
        const string other = "Heavy rain flooded 3 camps for displaced people near the border on Tuesday, aid groups said, and 200 tents were swept away by the water overnight.";
        Assert.False(TextFingerprint.Of(Report).IsNear(TextFingerprint.Of(other)));
    }

    [Fact]
    public void Digits_of_any_script_are_the_same_figures() =>
        Assert.Equal(TextFingerprint.Of("قتل 14 مدنيا").Figures, TextFingerprint.Of("قتل ١٤ مدنيا").Figures);
}
