using Marsad.Model;
using Marsad.Tallies;
using Marsad.Tests.Support;

namespace Marsad.Tests.Tallies;

/// <summary>Synthetic report sets, each built to exercise one rule of the tally.</summary>
public sealed class TallyBuilderTests
{
    private static Mention Claim(
        string id, long value, string? asOf, string? since = "2019-01-01", TimeKind kind = TimeKind.Cumulative,
        Qualifier qualifier = Qualifier.Exact, string? published = "2019-02-01", Category category = Category.Killed,
        Role role = Role.Civilian, string? parent = null, string[]? warnings = null, string? start = null) =>
        new(
            new Claim
            {
                Doc = id.Split('#')[0],
                Id = id,
                Span = new TextSpan(0, 1),
                Text = value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Quote = "",
                Value = value,
                Qualifier = qualifier,
                Category = category,
                Group = new Group(Role: role),
                Time = new ClaimTime(kind, Since: Days.Of(kind == TimeKind.Cumulative ? since : null), Start: Days.Of(start ?? (kind == TimeKind.Period ? asOf : null)), End: Days.Of(kind == TimeKind.Period ? asOf : null), AsOf: Days.Of(asOf)),
                Place = new Place(Admin1: "SY-DY"),
                Parent = parent,
                Warnings = warnings ?? [],
            },
            published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
            "outlet");

    private static Series Only(Tally tally) => Assert.Single(tally.Series);

    [Fact]
    public void A_figure_repeated_in_a_recap_and_by_another_outlet_is_one_point_with_all_mentions()
    {
        var tally = TallyBuilder.Build([
            Claim("a#1", 388, "2019-01-24", published: "2019-01-25"),
            Claim("a#9", 388, "2019-01-24", published: "2019-01-25"),
            Claim("b#1", 388, "2019-01-24", published: "2019-01-24"),
        ]);
        var point = Assert.Single(Only(tally).Points);
        Assert.Equal(388, point.Value);
        Assert.Equal(["a#1", "a#9", "b#1"], point.Mentions.Select(m => m.Claim.Id));
        Assert.Equal(new DateOnly(2019, 1, 24), point.FirstReported);
        Assert.Empty(tally.Warnings);
    }

    [Fact]
    public void A_running_total_that_has_not_moved_is_one_point_from_its_first_day()
    {
        var points = Only(TallyBuilder.Build([Claim("a#1", 653, "2019-01-24"), Claim("b#1", 653, "2019-01-25"), Claim("c#1", 700, "2019-01-26")])).Points;
        Assert.Equal([("2019-01-24", 653L, 2), ("2019-01-26", 700L, 1)], points.Select(p => (p.AsOf?.ToString(), p.Value, p.Mentions.Count)));
    }

    [Fact]
    public void An_undated_figure_joins_the_dated_point_with_its_value_and_else_stays_undated()
    {
        var points = Only(TallyBuilder.Build([Claim("a#1", 28150, "2019-01-24"), Claim("b#1", 28150, null), Claim("c#1", 26950, null)])).Points;
        Assert.Equal(2, points[0].Mentions.Count);
        Assert.Null(points[1].AsOf);
        Assert.Equal(26950, points[1].Value);
    }

    [Fact]
    public void A_hedged_and_a_plain_statement_of_the_same_day_agree_when_their_bounds_do()
    {
        var tally = TallyBuilder.Build([Claim("a#1", 36000, "2019-01-30", qualifier: Qualifier.MoreThan), Claim("a#2", 36250, "2019-01-30")]);
        var point = Assert.Single(Only(tally).Points);
        Assert.Equal((36250L, Qualifier.Exact), (point.Value, point.Qualifier));
        Assert.Empty(tally.Warnings);
    }

    [Fact]
    public void Two_reports_with_different_figures_for_the_same_day_are_a_value_conflict()
    {
        var tally = TallyBuilder.Build([Claim("a#1", 1213, "2019-01-24"), Claim("b#4", 1300, "2019-01-24")]);
        var warning = Assert.Single(tally.Warnings);
        Assert.Equal(WarningCodes.ValueConflict, warning.Code);
        Assert.Equal(["a#1", "b#4"], warning.ClaimIds.Order(StringComparer.Ordinal));
        Assert.Contains("1,300 (b#4)", warning.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_running_total_that_falls_is_a_series_decrease()
    {
        var tally = TallyBuilder.Build([Claim("a#1", 36250, "2019-01-30"), Claim("b#1", 28150, "2019-02-02"), Claim("c#1", 40000, "2019-02-03")]);
        var warning = Assert.Single(tally.Warnings);
        Assert.Equal(WarningCodes.SeriesDecrease, warning.Code);
        Assert.Equal(["a#1", "b#1"], warning.ClaimIds);
    }

    [Fact]
    public void An_approximate_figure_within_its_hedge_of_an_earlier_one_is_no_decrease()
    {
        var tally = TallyBuilder.Build([Claim("a#1", 2100, "2019-01-24", qualifier: Qualifier.Approx), Claim("b#1", 2050, "2019-01-25", qualifier: Qualifier.Approx)]);
        Assert.Empty(tally.Warnings);
    }

    [Fact]
    public void An_increment_larger_than_the_rise_of_the_running_total_is_flagged()
    {
        var tally = TallyBuilder.Build([
            Claim("a#1", 54480, "2019-03-04", category: Category.Exited, role: Role.Person, since: "2018-12-01"),
            Claim("b#1", 56680, "2019-03-05", category: Category.Exited, role: Role.Person, since: "2018-12-01"),
            Claim("b#2", 2200, "2019-03-05", kind: TimeKind.Period, category: Category.Exited, role: Role.Person),
            Claim("c#2", 3000, "2019-03-05", kind: TimeKind.Period, category: Category.Exited, role: Role.Person, published: "2019-03-06"),
        ]);
        var warnings = tally.Warnings.Where(w => w.Code == WarningCodes.IncrementMismatch).ToList();
        var warning = Assert.Single(warnings);
        Assert.Contains("c#2", warning.ClaimIds);
        Assert.DoesNotContain("b#2", warning.ClaimIds);
    }

    [Fact]
    public void Breakdown_warnings_name_the_whole_and_its_parts()
    {
        var tally = TallyBuilder.Build([
            Claim("a#1", 20, "2019-01-24", warnings: [WarningCodes.PartsExceedWhole]),
            Claim("a#2", 15, "2019-01-24", parent: "a#1", role: Role.Fighter),
            Claim("a#3", 9, "2019-01-24", parent: "a#1", role: Role.Soldier),
        ]);
        var warning = Assert.Single(tally.Warnings);
        Assert.Equal(WarningCodes.PartsExceedWhole, warning.Code);
        Assert.Equal(["a#1", "a#2", "a#3"], warning.ClaimIds);
        Assert.Contains("= 24", warning.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_record_said_on_a_day_leaves_out_later_and_undated_reports()
    {
        var mentions = new[]
        {
            Claim("a#1", 28150, "2019-01-24", published: "2019-01-25"),
            Claim("b#1", 36250, "2019-01-30", published: "2019-01-31"),
            Claim("c#1", 26950, null, published: null),
        };
        Assert.Equal([28150L], Only(TallyBuilder.Build(mentions, knownOn: new DateOnly(2019, 1, 30))).Points.Select(p => p.Value));
        Assert.Equal(3, Only(TallyBuilder.Build(mentions)).Points.Count);
    }

    [Fact]
    public void A_baseline_without_a_year_joins_the_series_that_gives_it_one()
    {
        var series = Only(TallyBuilder.Build([Claim("a#1", 1213, "2019-01-24", since: "2018-09-10"), Claim("b#1", 414, null, since: "--09-10", qualifier: Qualifier.AtLeast)]));
        Assert.Equal("2018-09-10", series.Key.Since?.ToString());
        Assert.Equal(2, series.Points.Count);
    }

    [Fact]
    public void A_whole_made_of_parts_of_several_categories_is_in_no_series()
    {
        var tally = TallyBuilder.Build([
            Claim("a#4", 3313, "2019-01-25", role: Role.Fighter),
            Claim("a#5", 1213, "2019-01-25", role: Role.Fighter, parent: "a#4"),
            Claim("a#6", 2100, "2019-01-25", role: Role.Fighter, parent: "a#4", category: Category.Detained),
        ]);
        Assert.DoesNotContain(tally.Series.SelectMany(s => s.Points), p => p.Value == 3313);
        Assert.Equal(2, tally.Series.Count);
        Assert.Empty(tally.Warnings);
    }

    [Fact]
    public void Series_ids_say_what_they_count()
    {
        var tally = TallyBuilder.Build([Claim("a#1", 5, "2019-01-24", kind: TimeKind.Period, category: Category.Exited, role: Role.Person)]);
        Assert.Equal("exited.person.SY-DY.period", Only(tally).Id);
        Assert.Equal("people exited in SY-DY, per period", Only(tally).Key.Label);
    }

    [Theory]
    [InlineData("IS", "killed.IS.civilian.SY-DY.since-2019-01-01")]
    [InlineData("=HYPERLINK(\"x\")", "killed.~3DHYPERLINK~28~22x~22~29.civilian.SY-DY.since-2019-01-01")]
    [InlineData("a.b/c", "killed.a~2Eb~2Fc.civilian.SY-DY.since-2019-01-01")]
    [InlineData("داعش", "killed.~D8~AF~D8~A7~D8~B9~D8~B4.civilian.SY-DY.since-2019-01-01")]
    public void Series_ids_need_no_percent_encoding_whatever_the_actor(string actor, string id)
    {
        var mention = Claim("a#1", 5, "2019-01-24");
        var series = Only(TallyBuilder.Build([mention with { Claim = mention.Claim with { Group = mention.Claim.Group with { Actor = actor } } }]));
        Assert.Equal(id, series.Id);
        Assert.Equal(id, Uri.EscapeDataString(id));
    }

    [Fact]
    public void A_series_is_found_by_its_id_and_by_the_older_form_with_slashes()
    {
        var tally = TallyBuilder.Build([Claim("a#1", 5, "2019-01-24", kind: TimeKind.Period, category: Category.Exited, role: Role.Person)]);
        Assert.Same(Only(tally), tally.Find("exited.person.SY-DY.period"));
        Assert.Same(Only(tally), tally.Find("exited/person/SY-DY/period"));
        Assert.Null(tally.Find("exited/person/SY-DY"));
    }
}
