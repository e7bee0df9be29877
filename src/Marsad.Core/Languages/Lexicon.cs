using Marsad.Model;

namespace Marsad.Languages;

/// <summary>Which data file an entry comes from, and so what it says about the text.</summary>
public enum LexiconKind { Number, Qualifier, Category, Noun, Marker, Unit, Nationality, Time, Calendar, Cause, Actor, Place }

/// <summary>What a number word does in a compound (<c>numbers.tsv</c>, its second column).</summary>
public enum NumberWord
{
    /// <summary>Adds its value ("three").</summary>
    Unit,

    /// <summary>A unit only before the word for ten ("أحد عشر").</summary>
    TeenUnit,

    /// <summary>Adds its value ("thirty").</summary>
    Ten,

    /// <summary>After a unit, makes it a teen ("ثلاثة عشر").</summary>
    Teen,

    /// <summary>Multiplies what precedes it, or stands for 100.</summary>
    Hundred,

    /// <summary>Adds its value ("ثلاثمائة").</summary>
    Hundreds,

    /// <summary>Multiplies what precedes it, or stands for one of itself ("million").</summary>
    Scale,

    /// <summary>Multiplies what precedes it, or alone stands for two of itself ("مليونا").</summary>
    DualScale,

    /// <summary>Multiplies what precedes it; alone, the vague magnitude of its entry ("آلاف").</summary>
    PluralScale,

    /// <summary>A vague amount: its magnitude (CODEBOOK §2).</summary>
    Vague,

    /// <summary>The letter wire copy writes for a decimal point, fraction first ("8ر1 مليون").</summary>
    ReversedDecimal,
}

/// <summary>Where a hedge stands: before the figure ("نحو 20") or after it ("20 على الأقل").</summary>
public enum HedgePosition { Before, After }

/// <summary>A function word the parser reads around a number (<c>markers.tsv</c> documents each).</summary>
public enum MarkerWord
{
    Breakdown, Possessed, PlaceCue, Report, Relative, All, Year, Preposition, Count, Remainder, Others, Opponent, Or, Of, Definite, And,
    Affiliation, Agent,
}

/// <summary>Which duals a singular person noun makes: both forms, or only the first where the other is spelt like the plural.</summary>
public enum DualForms { Yes, Nominative }

/// <summary>Which way a relative month or year word points: الجاري, الفائت, المقبل.</summary>
public enum RelativeWord { This, Last, Next }

/// <summary>Which part of a month or year a mention names: مطلع، منتصف، نهاية.</summary>
public enum Edge { Start, Middle, End }

/// <summary>
/// One line of a lexicon: a phrase and what it means, each feature typed. A feature an entry's file
/// does not declare stays at its default (<c>null</c> or <c>false</c>); <see cref="LexiconSchema"/>
/// says which file may set which feature and reads them.
/// </summary>
public sealed record LexiconEntry(LexiconKind Kind, string Phrase)
{
    // numbers.tsv
    public NumberWord? Number { get; init; }

    public decimal Value { get; init; }

    public Magnitude? Magnitude { get; init; }

    // qualifiers.tsv
    public Qualifier? Qualifier { get; init; }

    public HedgePosition? Position { get; init; }

    /// <summary>A hedge that opens a range ("ما بين 3000 و3500"): the figure is its low end, the next its high.</summary>
    public bool OpensRange { get; init; }

    // categories.tsv (and nouns.tsv: a noun that names an outcome, "قتيل")
    public Category? Category { get; init; }

    /// <summary>The category the cue gives civilians instead ("خرج": civilians are displaced, fighters exit).</summary>
    public Category? ForCivilians { get; init; }

    /// <summary>The cue yields to an outcome named by the counted noun ("left 3 dead").</summary>
    public bool Yields { get; init; }

    // nouns.tsv
    public Role? Role { get; init; }

    public AgeGroup? Age { get; init; }

    public Sex? Sex { get; init; }

    /// <summary>How many a noun counts by itself: 2 for a dual ("طفلين").</summary>
    public int? Count { get; init; }

    /// <summary>A noun that names a part of a group already counted.</summary>
    public bool Part { get; init; }

    /// <summary>A singular person noun, and which duals it makes.</summary>
    public DualForms? Singular { get; init; }

    /// <summary>What the figure counts when not people (units.tsv, or a noun counting families).</summary>
    public string? Unit { get; init; }

    // markers.tsv
    public MarkerWord? Marker { get; init; }

    /// <summary>A breakdown whose parts make up the whole.</summary>
    public bool Complete { get; init; }

    /// <summary>A word that introduces a place's name ("بلدة").</summary>
    public bool NamesPlace { get; init; }

    /// <summary>A word that opens a place name when a name is looked up ("في", "منطقة").</summary>
    public bool OpensPlaceName => Marker == MarkerWord.PlaceCue || PlaceWord;

    /// <summary>A marker of another kind that also opens a place name when a name is looked up ("منطقة").</summary>
    public bool PlaceWord { get; init; }

    /// <summary>A breakdown word that may also follow the part ("20 منهم").</summary>
    public bool MayFollow { get; init; }

    // nationalities.tsv: ISO 3166-1 alpha-2
    public string? Nationality { get; init; }

    // time.tsv
    public TimeKind? Total { get; init; }

    /// <summary>A word of a standing state or of a result so far ("still", "remain", "have fled"): no span of its own.</summary>
    public bool State { get; init; }

    // causes.tsv
    public Cause? Cause { get; init; }

    // calendar.tsv
    public int? Day { get; init; }

    public int? Month { get; init; }

    public int? Weekday { get; init; }

    public int? RelativeDay { get; init; }

    public RelativeWord? Relative { get; init; }

    public Edge? Edge { get; init; }

    public bool Since { get; init; }

    /// <summary>
    /// A superlative or a verb of dwelling ("الأكبر", "كانوا يقيمون", "the deadliest"): a "منذ" just
    /// after it dates that comparison or that stay, not the figure.
    /// </summary>
    public bool Background { get; init; }

    /// <summary>"بين", "في الفترة من", "between": the first day of a span follows, its last after it.</summary>
    public bool From { get; init; }

    /// <summary>"قبل" before a count of days ("قبل ثلاثة أيام"): that many days before the report's today.</summary>
    public bool Ago { get; init; }

    public bool Until { get; init; }

    public bool During { get; init; }

    public bool YearWord { get; init; }

    /// <summary>"شهر" before a month name.</summary>
    public bool MonthWord { get; init; }

    /// <summary>"الشهر", "this month": a month named by where it stands from the report.</summary>
    public bool RelativeMonth { get; init; }

    public bool DayWord { get; init; }

    public bool SamePeriod { get; init; }

    public bool Now { get; init; }

    public bool Clock { get; init; }

    public bool Hours { get; init; }

    // actors (from a conflict profile)
    public string? Actor { get; init; }

    /// <summary>The anaphor this entry was made from ("التنظيم"), when it names its actor only through the report.</summary>
    public string? Anaphor { get; init; }

    /// <summary>The actors an anaphor may stand for.</summary>
    public IReadOnlyList<string> RefersTo { get; init; } = [];

    // places (from the gazetteer and the profile)
    public Place? Place { get; init; }

    /// <summary>The place's level: governorate, district, subdistrict, city, town, or a profile's own.</summary>
    public string? PlaceLevel { get; init; }
}

/// <summary>A lexicon phrase found in the text: tokens <c>[Start, End)</c>.</summary>
/// <param name="Exact">Every word matched to the letter, no wildcard.</param>
/// <param name="Proclitics">What the first word carried before the phrase's own letters.</param>
public readonly record struct LexiconMatch(int Start, int End, LexiconEntry Entry, bool Exact, Proclitics Proclitics)
{
    public bool Article => Proclitics.Article;

    public LexiconKind Kind => Entry.Kind;

    public int Length => End - Start;
}
