using Marsad.Model;
using Marsad.Reviews;
using Marsad.Tallies;
using Marsad.Tests.Support;

namespace Marsad.Tests.Reviews;

public sealed class ReviewOrderTests
{
    private static readonly Place Somewhere = new("x", "SY-DY");

    private static Claim Make(string id, long? value = 10, Category category = Category.Killed, string? asOf = "2019-01-01", Place? place = null, IReadOnlyList<string>? warnings = null) => new()
    {
        Doc = "d",
        Id = id,
        Span = new TextSpan(0, 1),
        Text = "x",
        Quote = "x",
        Value = value,
        Category = category,
        Time = new ClaimTime(TimeKind.Period, AsOf: Days.Of(asOf)),
        Place = place ?? Somewhere,
        Warnings = warnings ?? [],
    };

    private static List<string> Ids(IEnumerable<(Claim, Review?)> claims, params TallyWarning[] warnings) =>
        [.. ReviewOrder.Order(claims, warnings).Select(q => q.Claim.Id)];

    [Fact]
    public void A_claim_with_a_warning_comes_before_a_claim_the_extractor_only_doubts()
    {
        var doubtful = Make("d#1", value: null, asOf: null);
        var warned = Make("d#2", warnings: [WarningCodes.WeekdayMismatch]);
        Assert.Equal(["d#2", "d#1"], Ids([(doubtful, null), (warned, null)]));
    }

    [Fact]
    public void A_warning_across_claims_counts_for_every_claim_it_names()
    {
        var plain = Make("d#1");
        var conflicting = Make("d#2");
        var order = ReviewOrder.Order([(plain, null), (conflicting, null)], [new TallyWarning(WarningCodes.ValueConflict, "s", "two figures", ["d#2"])]);
        Assert.Equal("d#2", order[0].Claim.Id);
        Assert.Equal([WarningCodes.ValueConflict], order[0].Reasons);
    }

    [Fact]
    public void Doubts_add_up_and_name_their_reasons()
    {
        var order = ReviewOrder.Order([(Make("d#1"), null), (Make("d#2", value: null, category: Category.Other, asOf: null, place: Place.Unknown), null)], []);
        Assert.Equal("d#2", order[0].Claim.Id);
        Assert.Equal([ReviewOrder.Reason.UnknownEvent, ReviewOrder.Reason.NoFigure, ReviewOrder.Reason.Undated, ReviewOrder.Reason.NoPlace], order[0].Reasons);
        Assert.Empty(order[1].Reasons);
    }

    [Fact]
    public void Reviewed_claims_come_after_unreviewed_ones_however_doubtful()
    {
        var review = new Review(1, "d#1", ReviewAction.Confirm, null, "checked", "rania", DateTimeOffset.UnixEpoch);
        Assert.Equal(["d#2", "d#1"], Ids([(Make("d#1", warnings: [WarningCodes.YearConflict]), review), (Make("d#2"), null)]));
    }
}
