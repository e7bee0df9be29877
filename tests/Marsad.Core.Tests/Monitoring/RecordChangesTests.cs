using System.Globalization;
using Marsad.Model;
using Marsad.Monitoring;
using Marsad.Tallies;
using Marsad.Tests.Support;

namespace Marsad.Tests.Monitoring;

/// <summary>Alerts from the tally before and after new claims: only what the new claims changed.</summary>
public sealed class RecordChangesTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    private static Mention Claim(string id, long value, string asOf, TimeKind kind = TimeKind.Cumulative, Role role = Role.Civilian) =>
        new(
            new Claim
            {
                Doc = id.Split('#')[0],
                Id = id,
                Span = new TextSpan(0, 1),
                Text = value.ToString(CultureInfo.InvariantCulture),
                Quote = $"the sentence of {id}",
                Value = value,
                Category = Category.Killed,
                Group = new Group(Role: role),
                Time = new ClaimTime(kind, Since: Days.Of(kind == TimeKind.Cumulative ? "2019-01-01" : null), Start: Days.Of(kind == TimeKind.Period ? asOf : null), End: Days.Of(kind == TimeKind.Period ? asOf : null), AsOf: Days.Of(asOf)),
                Place = new Place(Admin1: "SY-DY"),
            },
            DateOnly.Parse(asOf, CultureInfo.InvariantCulture),
            "outlet");

    private static IReadOnlyList<Alert> Alerts(Mention[] before, params Mention[] added) =>
        RecordChanges.Between(TallyBuilder.Build(before), TallyBuilder.Build([.. before, .. added]), added.Select(m => m.Claim.Id).ToHashSet(StringComparer.Ordinal), Now);

    [Fact]
    public void A_running_total_that_falls_raises_a_decrease_naming_the_series_claims_and_sentences()
    {
        var alerts = Alerts([Claim("a#1", 300, "2019-02-01")], Claim("b#1", 250, "2019-02-05"));

        var alert = Assert.Single(alerts);
        Assert.Equal(WarningCodes.SeriesDecrease, alert.Kind);
        Assert.Equal("killed.civilian.SY-DY.since-2019-01-01", alert.SeriesId);
        Assert.Equal("b", alert.DocId);
        Assert.Equal(["a#1", "b#1"], alert.Claims.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Contains(alert.Claims, c => c.Quote == "the sentence of b#1");
    }

    [Fact]
    public void Another_figure_for_the_same_day_raises_a_conflict() =>
        Assert.Equal(WarningCodes.ValueConflict, Assert.Single(Alerts([Claim("a#1", 300, "2019-02-01")], Claim("b#1", 320, "2019-02-01"))).Kind);

    [Fact]
    public void A_rising_total_raises_nothing() =>
        Assert.Empty(Alerts([Claim("a#1", 300, "2019-02-01")], Claim("b#1", 320, "2019-02-05")));

    [Fact]
    public void A_warning_that_was_there_before_is_not_raised_again()
    {
        Mention[] before = [Claim("a#1", 300, "2019-02-01"), Claim("b#1", 250, "2019-02-05")];
        Assert.Empty(Alerts(before, Claim("c#1", 400, "2019-02-09")));
    }

    [Fact]
    public void A_series_the_record_did_not_have_is_new() =>
        Assert.Equal(AlertKinds.NewSeries, Assert.Single(Alerts([Claim("a#1", 300, "2019-02-01")], Claim("b#1", 12, "2019-02-01", role: Role.Fighter))).Kind);

    [Fact]
    public void A_period_figure_far_above_the_recent_level_is_a_spike()
    {
        Mention[] before = [.. Enumerable.Range(1, 5).Select(d => Claim($"d{d}#1", 10 + d, $"2019-02-0{d}", TimeKind.Period))];
        var alert = Assert.Single(Alerts(before, Claim("e#1", 90, "2019-02-07", TimeKind.Period)));
        Assert.Equal(AlertKinds.Spike, alert.Kind);
        Assert.Empty(Alerts(before, Claim("e#1", 30, "2019-02-07", TimeKind.Period)));
    }

    [Fact]
    public void A_revision_names_the_figures_it_changed()
    {
        var earlier = new[] { Claim("a#1", 300, "2019-02-01").Claim, Claim("a#2", 20, "2019-02-01").Claim };
        var later = new[] { earlier[0], Claim("a@v2#2", 25, "2019-02-01").Claim };
        var revision = RecordChanges.Revision(earlier, later, "a", 2, Now)!;
        Assert.Equal(AlertKinds.Revision, revision.Kind);
        Assert.Equal(["a#2", "a@v2#2"], revision.Claims.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Null(RecordChanges.Revision(earlier, earlier, "a", 2, Now));
    }
}
