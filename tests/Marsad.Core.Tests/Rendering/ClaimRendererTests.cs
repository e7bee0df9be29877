using Marsad.Model;
using Marsad.Rendering;
using Marsad.Tallies;
using Marsad.Tests.Support;

namespace Marsad.Tests.Rendering;

/// <summary>Claims read back as sentences: one test a grammar rule of the rendering data.</summary>
public sealed class ClaimRendererTests
{
    private static readonly ClaimRenderer Renderer = ClaimRenderer.Default;

    private static readonly Place DeirEzZor = new("محافظة دير الزور", "SY-DY", "opensyria:sy-deir-ez-zor", 35.3, 40.1);

    private static Claim Make(
        long? value, Category category = Category.Killed, Role? role = Role.Fighter, string? actor = null, Qualifier qualifier = Qualifier.Exact,
        Magnitude? magnitude = null, ClaimTime? time = null, Place? place = null, string unit = Units.Person, AgeGroup? age = null, Sex? sex = null,
        string? nationality = null, string id = "d#1", string? parent = null) => new()
        {
            Doc = "d",
            Id = id,
            Span = new TextSpan(0, 1),
            Text = "x",
            Quote = "x",
            Value = value,
            Qualifier = qualifier,
            Magnitude = magnitude,
            Unit = unit,
            Category = category,
            Group = new Group(actor, role, age, sex, nationality),
            Time = time ?? ClaimTime.Unknown,
            Place = place ?? Place.Unknown,
            Parent = parent,
        };

    private static string Ar(Claim claim, params Claim[] parts) => Renderer.Sentence(claim, parts, "ar");

    private static string En(Claim claim, params Claim[] parts) => Renderer.Sentence(claim, parts, "en");

    /// <summary>A sentence without its time frame: these claims have none, and end "(date unknown)".</summary>
    private static string Undated(string sentence) => sentence.Replace(" (date unknown)", "", StringComparison.Ordinal).Replace(" (التاريخ غير معروف)", "", StringComparison.Ordinal);

    [Theory]
    [InlineData(1, "مقتل مقاتل واحد")]
    [InlineData(2, "مقتل مقاتلَين")]
    [InlineData(3, "مقتل 3 مقاتلين")]
    [InlineData(10, "مقتل 10 مقاتلين")]
    [InlineData(11, "مقتل 11 مقاتلاً")]
    [InlineData(99, "مقتل 99 مقاتلاً")]
    [InlineData(100, "مقتل 100 مقاتل")]
    [InlineData(102, "مقتل 102 مقاتل")]
    [InlineData(105, "مقتل 105 مقاتلين")]
    [InlineData(1213, "مقتل 1,213 مقاتلاً")]
    public void Arabic_figures_agree_with_their_noun_by_the_last_two_digits(long value, string expected) =>
        Assert.StartsWith(expected, Ar(Make(value)), StringComparison.Ordinal);

    [Fact]
    public void Arabic_one_takes_the_gender_of_its_noun() =>
        Assert.StartsWith("مقتل امرأة واحدة", Ar(Make(1, role: Role.Civilian, sex: Sex.Female)), StringComparison.Ordinal);

    [Theory]
    [InlineData(1, "1 fighter killed")]
    [InlineData(2, "2 fighters killed")]
    [InlineData(26100, "26,100 fighters killed")]
    public void English_figures_take_the_singular_for_one_and_thousands_separators(long value, string expected) =>
        Assert.Equal(expected, Undated(En(Make(value))));

    [Theory]
    [InlineData(Qualifier.Approx, "about 1,215 fighters killed", "مقتل نحو 1,215 مقاتلاً")]
    [InlineData(Qualifier.MoreThan, "more than 1,215 fighters killed", "مقتل أكثر من 1,215 مقاتلاً")]
    [InlineData(Qualifier.AtLeast, "at least 1,215 fighters killed", "مقتل ما لا يقل عن 1,215 مقاتلاً")]
    public void Hedges_are_written_in_words(Qualifier qualifier, string english, string arabic)
    {
        var claim = Make(1215, qualifier: qualifier);
        Assert.Equal(english, Undated(En(claim)));
        Assert.Equal(arabic, Undated(Ar(claim)));
    }

    [Fact]
    public void A_vague_amount_is_written_with_the_plural_noun()
    {
        var claim = Make(null, qualifier: Qualifier.Vague, magnitude: Magnitude.Hundreds, actor: "IS");
        Assert.Equal("hundreds of Islamic State fighters killed", Undated(En(claim)));
        Assert.Equal("مقتل مئات المقاتلين من تنظيم الدولة الإسلامية", Undated(Ar(claim)));
    }

    [Fact]
    public void Actors_are_named_as_the_profile_names_them_in_each_language()
    {
        var claim = Make(653, actor: "SDF");
        Assert.Equal("653 Syrian Democratic Forces fighters killed", Undated(En(claim)));
        Assert.Equal("مقتل 653 مقاتلاً من قوات سوريا الديمقراطية", Undated(Ar(claim)));
    }

    [Fact]
    public void A_running_total_reads_since_its_baseline_as_of_its_day_with_month_names()
    {
        var claim = Make(1213, actor: "IS", time: new ClaimTime(TimeKind.Cumulative, Since: Days.Of("2018-09-10"), AsOf: Days.Of("2019-01-25")), place: DeirEzZor);
        Assert.Equal("1,213 Islamic State fighters killed in Deir ez-Zor since 10 September 2018 (as of 25 January 2019)", En(claim));
        Assert.Equal("مقتل 1,213 مقاتلاً من تنظيم الدولة الإسلامية في دير الزور منذ 10 أيلول 2018 (حتى 25 كانون الثاني 2019)", Ar(claim));
    }

    [Theory]
    [InlineData("2019-01-24", "2019-01-24", "on 24 January 2019", "في 24 كانون الثاني 2019")]
    [InlineData("2019-03-03", "2019-03-04", "from 3 March 2019 to 4 March 2019", "من 3 آذار 2019 إلى 4 آذار 2019")]
    [InlineData(null, null, "(date unknown)", "(التاريخ غير معروف)")]
    public void A_period_reads_as_its_day_or_span(string? start, string? end, string english, string arabic)
    {
        var claim = Make(5, time: new ClaimTime(TimeKind.Period, Start: Days.Of(start), End: Days.Of(end), AsOf: Days.Of(end)));
        Assert.EndsWith(english, En(claim), StringComparison.Ordinal);
        Assert.EndsWith(arabic, Ar(claim), StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_without_its_year_is_written_without_one() =>
        Assert.EndsWith("since 10 September", En(Make(1, time: new ClaimTime(TimeKind.Cumulative, Since: Days.Of("--09-10")))), StringComparison.Ordinal);

    [Fact]
    public void Places_are_named_as_the_gazetteer_names_them_in_each_language()
    {
        var baghouz = new Place("مخيم الباغوز", "SY-DY", "profile:sy-baghouz", 34.47, 40.95);
        Assert.EndsWith("in Baghouz", Undated(En(Make(300, place: baghouz))), StringComparison.Ordinal);
        Assert.EndsWith("في الباغوز", Undated(Ar(Make(300, place: baghouz))), StringComparison.Ordinal);
        Assert.EndsWith("in Aden", Undated(En(Make(3, place: new Place("عدن", "YE-AD", "iso:YE-AD")))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_breakdown_reads_of_whom_with_each_part_agreeing_on_its_own()
    {
        var whole = Make(388, role: Role.Civilian, id: "d#8");
        var children = Make(141, role: Role.Civilian, age: AgeGroup.Child, id: "d#9", parent: "d#8");
        var women = Make(86, role: Role.Civilian, sex: Sex.Female, id: "d#10", parent: "d#8");
        Assert.Equal("388 civilians killed, of whom 141 children and 86 women", Undated(En(whole, children, women)));
        Assert.Equal("مقتل 388 مدنياً، بينهم 141 طفلاً و86 امرأةً", Undated(Ar(whole, children, women)));
    }

    [Fact]
    public void A_part_with_another_event_than_its_whole_says_what_happened_to_it()
    {
        var whole = Make(1000, category: Category.Exited, role: Role.Person, id: "d#1");
        var detained = Make(300, category: Category.Detained, id: "d#2", parent: "d#1");
        Assert.Equal("1,000 people who left, of whom 300 fighters detained", Undated(En(whole, detained)));
    }

    [Fact]
    public void Nationality_is_an_adjective_in_English_and_a_phrase_in_Arabic()
    {
        var claim = Make(57, role: Role.Civilian, sex: Sex.Female, nationality: "SY");
        Assert.Equal("57 Syrian women killed", Undated(En(claim)));
        Assert.Equal("مقتل 57 امرأةً من الجنسية السورية", Undated(Ar(claim)));
    }

    [Fact]
    public void A_series_title_says_what_it_counts_in_words()
    {
        var key = new SeriesKey(Category.Killed, Units.Person, "IS", Role.Fighter, null, null, null, "SY-DY", TimeKind.Cumulative, Days.Of("2018-09-10"));
        Assert.Equal("Islamic State fighters killed in Deir ez-Zor since 10 September 2018", Renderer.Title(key, "en"));
        Assert.Equal("مقتل مقاتلين من تنظيم الدولة الإسلامية في دير الزور منذ 10 أيلول 2018", Renderer.Title(key, "ar"));
    }

    [Fact]
    public void Every_code_of_the_codebook_has_words_in_every_language()
    {
        foreach (var language in ClaimRenderer.Languages)
        {
            var grammar = RenderingGrammar.For(language);
            Assert.All(Enum.GetValues<Category>(), c => Assert.NotNull(grammar.Text("event", Codes.Of(c))));
            Assert.All(Enum.GetValues<Category>(), c => Assert.NotNull(grammar.Text("label", "category:" + Codes.Of(c))));
            Assert.All(Enum.GetValues<Qualifier>(), q => Assert.NotNull(grammar.Text("hedge", Codes.Of(q))));
            Assert.All(Enum.GetValues<Cause>(), c => Assert.NotNull(grammar.Text("cause", Codes.Of(c))));
            Assert.All(Enum.GetValues<Role>(), r => Assert.NotNull(grammar.Noun("role:" + Codes.Of(r))));
            Assert.All(Enum.GetValues<Magnitude>(), m => Assert.NotNull(grammar.Text("magnitude", Codes.Of(m))));
            Assert.All(Enumerable.Range(1, 12), m => Assert.NotNull(grammar.Text("month", m.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
    }
}
