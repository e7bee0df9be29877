using System.Text.Json;
using Marsad.Model;
using Marsad.Reviews;
using Marsad.Serialization;
using Marsad.Tests.Support;

namespace Marsad.Tests.Reviews;

public sealed class ClaimCorrectionTests
{
    private static readonly Claim Extracted = new()
    {
        Doc = "r1", Id = "r1#2", Span = new TextSpan(10, 13), Text = "653", Quote = "q", Value = 653, Low = 653, High = 653,
        Category = Category.Killed, Group = new Group("SDF", Role.Fighter), Time = new ClaimTime(TimeKind.Cumulative, Days.Of("2018-09-10"), AsOf: Days.Of("2019-01-25")),
        Place = new Place("الباغوز", "SY-DY", "gn:1", 34.4, 40.9), Parent = "r1#1",
    };

    private static readonly Claim[] Document = [Extracted with { Id = "r1#1", Parent = null }, Extracted, Extracted with { Id = "r1#3", Parent = "r1#2" }];

    private static CorrectionRead Read(string json) => ClaimCorrection.Read(JsonDocument.Parse(json).RootElement);

    private static ClaimCorrection Correction(string json)
    {
        var read = Read(json);
        Assert.Empty(read.Errors);
        return read.Correction!;
    }

    [Fact]
    public void Every_field_a_reviewer_sees_can_be_corrected()
    {
        var corrected = Correction(
            """
            {"value": 40, "low": 35, "high": 45, "qualifier": "approx", "category": "injured", "actor": "IS", "role": "civilian",
             "age": "child", "sex": "female", "nationality": "IQ", "place": "هجين", "admin1": "SY-HA", "kind": "period",
             "since": null, "start": "2019-01-20", "end": "2019-01-24", "as_of": "2019-01-24", "parent": null}
            """).ApplyTo(Extracted);
        Assert.Equal(
            ClaimJson.ToJson(Extracted with
            {
                Value = 40, Low = 35, High = 45, Qualifier = Qualifier.Approx, Category = Category.Injured,
                Group = new Group("IS", Role.Civilian, AgeGroup.Child, Sex.Female, "IQ"),
                Place = new Place("هجين", "SY-HA"), Time = new ClaimTime(TimeKind.Period, null, Days.Of("2019-01-20"), Days.Of("2019-01-24"), Days.Of("2019-01-24")), Parent = null,
            }),
            ClaimJson.ToJson(corrected));
    }

    [Theory]
    [InlineData("""{"value": -5}""", "value")]
    [InlineData("""{"value": 9.2e18}""", "value")]
    [InlineData("""{"value": 9200000000000000000}""", "value")]
    [InlineData("""{"value": 12.5}""", "value")]
    [InlineData("""{"value": "12"}""", "value")]
    [InlineData("""{"value": null}""", "value")]
    [InlineData("""{"high": 100000001}""", "high")]
    [InlineData("""{"as_of": "not-a-date"}""", "as_of")]
    [InlineData("""{"since": "2019-02-30"}""", "since")]
    [InlineData("""{"start": "--02-30"}""", "start")]
    [InlineData("""{"category": "kiled"}""", "category")]
    [InlineData("""{"category": null}""", "category")]
    [InlineData("""{"qualifier": "roughly"}""", "qualifier")]
    [InlineData("""{"role": "Fighter"}""", "role")]
    [InlineData("""{"kind": "daily"}""", "kind")]
    [InlineData("""{"actor": "=HYPERLINK(\"http://x\")"}""", "actor")]
    [InlineData("""{"nationality": "Syria"}""", "nationality")]
    [InlineData("""{"admin1": "Deir ez-Zor"}""", "admin1")]
    [InlineData("""{"place": ""}""", "place")]
    [InlineData("""{"colour": "red"}""", "colour")]
    public void A_value_the_codebook_does_not_allow_is_refused_naming_the_field(string json, string field)
    {
        var read = Read(json);
        Assert.Equal([field], read.Errors.Keys);
        Assert.Null(read.Correction);
    }

    [Fact]
    public void A_day_without_a_year_may_be_the_29th_of_February()
    {
        Assert.Equal("--02-29", Correction("""{"since": "--02-29"}""").ApplyTo(Extracted).Time.Since?.ToString());
    }

    [Fact]
    public void A_later_correction_of_a_claim_adds_to_an_earlier_one()
    {
        var both = Correction("""{"category": "injured", "value": 600}""").Then(Correction("""{"value": 663}"""));
        var claim = both.ApplyTo(Extracted);
        Assert.Equal((Category.Injured, 663L), (claim.Category, claim.Value!.Value));
    }

    [Fact]
    public void A_corrected_figure_gets_the_bounds_of_its_hedge_unless_they_are_corrected_too()
    {
        Assert.Equal((700L, 700L), Bounds(Correction("""{"value": 700}""").ApplyTo(Extracted)));
        Assert.Equal((701L, (long?)null), Bounds(Correction("""{"value": 700, "qualifier": "more_than"}""").ApplyTo(Extracted)));
        Assert.Equal((650L, 720L), Bounds(Correction("""{"value": 700, "low": 650, "high": 720}""").ApplyTo(Extracted)));

        static (long?, long?) Bounds(Claim claim) => (claim.Low, claim.High);
    }

    [Fact]
    public void A_corrected_place_drops_the_gazetteer_entry_of_the_old_one()
    {
        var place = Correction("""{"place": "هجين"}""").ApplyTo(Extracted).Place;
        Assert.Equal(new Place("هجين", "SY-DY"), place);
    }

    [Theory]
    [InlineData("""{"low": 700}""", "low")]
    [InlineData("""{"high": 600}""", "high")]
    [InlineData("""{"value": 800, "high": 700}""", "high")]
    [InlineData("""{"start": "2019-01-24", "end": "2019-01-20"}""", "end")]
    [InlineData("""{"as_of": "2018-01-01"}""", "as_of")]
    [InlineData("""{"parent": "r1#9"}""", "parent")]
    [InlineData("""{"parent": "r1#3"}""", "parent")]
    [InlineData("""{"parent": "r1#2"}""", "parent")]
    public void A_correction_that_leaves_the_claim_inconsistent_is_blamed_on_its_field(string json, string field)
    {
        var correction = Correction(json);
        Assert.Equal([field], correction.Problems(correction.ApplyTo(Extracted), Document).Keys);
    }

    [Fact]
    public void A_correction_is_not_refused_for_an_inconsistency_in_fields_it_leaves_alone()
    {
        // Extracted with a baseline after its as-of day (a since_after_as_of warning): the figure can still be corrected.
        var backwards = Extracted with { Time = new ClaimTime(TimeKind.Cumulative, Days.Of("2019-03-16"), AsOf: Days.Of("2019-03-05")) };
        var figure = Correction("""{"value": 7}""");
        Assert.Empty(figure.Problems(figure.ApplyTo(backwards), Document));

        // A correction of one of those dates that leaves them backwards is refused, blamed on the date it set.
        var since = Correction("""{"since": "2019-03-10"}""");
        Assert.Equal(["since"], since.Problems(since.ApplyTo(backwards), Document).Keys);
        var settled = Correction("""{"since": "2019-03-01"}""");
        Assert.Empty(settled.Problems(settled.ApplyTo(backwards), Document));
    }

    [Fact]
    public void More_than_a_figure_holds_from_the_next_one()
    {
        var correction = Correction("""{"qualifier": "more_than", "value": 260}""");
        Assert.Empty(correction.Problems(correction.ApplyTo(Extracted), Document));
    }

    [Fact]
    public void A_correction_is_written_as_it_was_read()
    {
        const string json = """{"value":663,"category":"injured","actor":null,"as_of":"2019-01-26","admin1":"SY-DY"}""";
        Assert.Equal("""{"value":663,"category":"injured","actor":null,"admin1":"SY-DY","as_of":"2019-01-26"}""", Correction(json).ToJson());
    }

    [Fact]
    public void A_review_needs_an_action_a_reason_and_with_correct_a_correction()
    {
        Assert.Equal(["action", "reason"], ReviewForm.Read("approve", " ", null).Errors.Keys.Order());
        Assert.Equal(["correction"], ReviewForm.Read("correct", "r", null).Errors.Keys);
        Assert.Equal(["correction"], ReviewForm.Read("reject", "r", JsonDocument.Parse("""{"value": 1}""").RootElement).Errors.Keys);
        Assert.Equal(["value"], ReviewForm.Read("correct", "r", JsonDocument.Parse("""{"value": -5}""").RootElement).Errors.Keys);
        Assert.True(ReviewForm.Read("confirm", "checked", null).IsValid);
    }
}
