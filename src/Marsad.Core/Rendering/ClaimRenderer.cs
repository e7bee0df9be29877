using System.Globalization;
using System.Text.RegularExpressions;
using Group = Marsad.Model.Group;
using Marsad.Model;
using Marsad.Profiles;
using Marsad.Tallies;

namespace Marsad.Rendering;

/// <summary>
/// Reads a claim back as a sentence in each language with a rendering grammar
/// (<c>Languages/CODE/rendering.tsv</c>): the figure agreeing with its noun, the hedge, who,
/// what happened, how and by whom, where (named as the gazetteer names it in that language), when,
/// and the breakdown ("of whom …"). So a reader of either language sees what the machine understood.
/// Knows no words: every word comes from the grammar, the profile (actors) or the gazetteer (places).
/// </summary>
public sealed partial class ClaimRenderer
{
    private readonly ConflictProfile profile;
    private readonly PlaceNames places;

    public ClaimRenderer(ConflictProfile profile)
    {
        this.profile = profile;
        places = new PlaceNames(profile, Languages);
    }

    /// <summary>The languages claims are read back in: those with a rendering grammar.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["ar", "en"];

    /// <summary>The renderer of the default (Syria) profile.</summary>
    public static ClaimRenderer Default => DefaultRenderer.Value;

    private static readonly Lazy<ClaimRenderer> DefaultRenderer = new(() => new ClaimRenderer(ConflictProfile.Syria));

    /// <summary>A claim as a sentence; <paramref name="parts"/> are the claims that break it down.</summary>
    public string Sentence(Claim claim, IReadOnlyList<Claim> parts, string language)
    {
        var grammar = RenderingGrammar.For(language);
        return Tidy(RenderingGrammar.Fill(grammar.Text("sentence", "claim") ?? "", slot => slot switch
        {
            "attribution" => claim.Attribution is { } source ? Pattern(grammar, "attribution", "said", ("source", source)) : null,
            "group" => Counted(grammar, claim, claim.Group, claim.Unit, withActor: true),
            "event" => Event(grammar, claim.Category, claim.Also),
            "cause" => claim.Cause is { } cause ? grammar.Text("cause", Codes.Of(cause)) : null,
            "perpetrator" => claim.Perpetrator is { } actor ? Pattern(grammar, "perpetrator", "by", ("actor", ActorName(actor, language))) : null,
            "place" => places.Name(claim.Place, language) is { } name ? Pattern(grammar, "place", "in", ("name", name)) : null,
            "time" => Time(grammar, claim.Time),
            "parts" => parts.Count == 0 ? null : Pattern(grammar, "parts", "of-whom", ("list", List(grammar, parts.Select(p => Part(grammar, claim, p))))),
            _ => null,
        }));
    }

    /// <summary>The sentence of a claim in every language, by language code.</summary>
    public IReadOnlyDictionary<string, string> Sentences(Claim claim, IReadOnlyList<Claim> parts) =>
        Languages.ToDictionary(l => l, l => Sentence(claim, parts, l), StringComparer.Ordinal);

    /// <summary>What a series counts, as a title: "Islamic State fighters killed in Deir ez-Zor since 10 September 2018".</summary>
    public string Title(SeriesKey key, string language)
    {
        var grammar = RenderingGrammar.For(language);
        var group = new Group(key.Actor, key.Role, key.Age, key.Sex, key.Nationality);
        return Tidy(RenderingGrammar.Fill(grammar.Text("sentence", "series") ?? "", slot => slot switch
        {
            "group" => Counted(grammar, null, group, key.Unit, withActor: true),
            "event" => Event(grammar, key.Category, []),
            "place" => places.Admin1(key.Admin1, language) is { } name ? Pattern(grammar, "place", "in", ("name", name)) : null,
            "time" => key.Kind == TimeKind.Period ? grammar.Text("time", "per-period")
                : key.Since is { } since ? Pattern(grammar, "time", "since", ("since", Date(grammar, since)))
                : grammar.Text("time", "total-series"),
            _ => null,
        }));
    }

    /// <summary>The titles of a series in every language.</summary>
    public IReadOnlyDictionary<string, string> Titles(SeriesKey key) =>
        Languages.ToDictionary(l => l, l => Title(key, l), StringComparer.Ordinal);

    /// <summary>The parts of each claim that has any, by the whole's id (CODEBOOK §2 <c>parent</c>).</summary>
    public static ILookup<string, Claim> PartsByWhole(IEnumerable<Claim> claims) =>
        claims.Where(c => c.Parent is not null).ToLookup(c => c.Parent!, StringComparer.Ordinal);

    /// <summary>
    /// The counted phrase: the figure agreeing with its noun, or a vague amount, hedged, with the
    /// actor and nationality where the language puts them. <paramref name="claim"/> null: no figure (a series title).
    /// </summary>
    private string Counted(RenderingGrammar grammar, Claim? claim, Group group, string unit, bool withActor)
    {
        var noun = grammar.Noun(NounKey(group, unit)) ?? grammar.Noun("unit:other") ?? new Dictionary<string, string>();
        var modifiers = grammar.Modifiers
            .Select(m => (m.Pattern, m.OnNoun, Value: m.Key switch
            {
                "actor" when withActor => group.Actor is { } actor ? ActorName(actor, grammar.Language) : null,
                "nationality" => group.Nationality is { } code ? grammar.Text("nationality", code) : null,
                _ => null,
            }))
            .Where(m => m.Value is not null)
            .ToList();
        var forms = noun.ToDictionary(
            f => f.Key,
            f => modifiers.Where(m => m.OnNoun).Aggregate(f.Value, (form, m) => Modify(m.Pattern, form, m.Value!)),
            StringComparer.Ordinal);
        string phrase;
        if (claim?.Value is { } value)
        {
            var rule = grammar.Counts.First(r => r.Matches(value));
            var counted = RenderingGrammar.Fill(rule.Pattern, slot => slot == "n" ? Number(value) : forms.GetValueOrDefault(slot));
            phrase = RenderingGrammar.Fill(grammar.Text("hedge", Codes.Of(claim.Qualifier)) ?? "{x}", slot => slot == "x" ? counted : null);
        }
        else
        {
            var amount = claim is null ? "series" : claim.Magnitude is { } magnitude ? Codes.Of(magnitude) : "unknown";
            phrase = RenderingGrammar.Fill(grammar.Text("magnitude", amount) ?? "{pl}", forms.GetValueOrDefault);
        }

        return modifiers.Where(m => !m.OnNoun).Aggregate(phrase, (p, m) => Modify(m.Pattern, p, m.Value!));
    }

    /// <summary>One part of a breakdown: who, and what happened to them when it is not what happened to the whole.</summary>
    private string Part(RenderingGrammar grammar, Claim whole, Claim part) =>
        Pattern(
            grammar, "part", part.Category == whole.Category ? "same-event" : "other-event",
            ("group", Counted(grammar, part, part.Group, part.Unit, withActor: false)), ("event", Event(grammar, part.Category, part.Also))) ?? "";

    /// <summary>The most specific noun the data can have for who or what is counted.</summary>
    private static string NounKey(Group group, string unit)
    {
        if (unit != Units.Person)
        {
            return "unit:" + unit;
        }

        if (group.Age is { } age)
        {
            return group.Sex is { } sex ? $"age:{Codes.Of(age)}+sex:{Codes.Of(sex)}" : "age:" + Codes.Of(age);
        }

        return group.Sex is { } s ? "sex:" + Codes.Of(s) : "role:" + Codes.Of(group.Role ?? Role.Person);
    }

    private static string Modify(string pattern, string text, string value) =>
        RenderingGrammar.Fill(pattern, slot => slot is "noun" or "phrase" ? text : value);

    private static string Event(RenderingGrammar grammar, Category category, IReadOnlyList<Category> also) =>
        List(grammar, new[] { category }.Concat(also).Distinct().Select(c => grammar.Text("event", Codes.Of(c)) ?? ""));

    /// <summary>Items joined as the language joins them: "a, b and c", «أ وب وج».</summary>
    private static string List(RenderingGrammar grammar, IEnumerable<string> items)
    {
        var all = items.ToList();
        if (all.Count == 0)
        {
            return "";
        }

        var joined = all[0];
        for (var i = 1; i < all.Count; i++)
        {
            var (a, b) = (joined, all[i]);
            joined = RenderingGrammar.Fill(grammar.Text("list", i == all.Count - 1 ? "last" : "middle") ?? "{a} {b}", slot => slot == "a" ? a : b);
        }

        return joined;
    }

    /// <summary>The time frame by its shape: a running total since a day, as of a day; a day; a span; unknown.</summary>
    private static string? Time(RenderingGrammar grammar, ClaimTime time)
    {
        var slots = new (string, string?)[]
        {
            ("since", time.Since is { } since ? Date(grammar, since) : null),
            ("start", time.Start is { } start ? Date(grammar, start) : null),
            ("end", time.End is { } end ? Date(grammar, end) : null),
            ("as_of", time.AsOf is { } asOf ? Date(grammar, asOf) : null),
        };
        var shape = time switch
        {
            { Kind: TimeKind.Cumulative, Since: not null, AsOf: not null } => "since-as-of",
            { Kind: TimeKind.Cumulative, Since: not null } => "since",
            { Kind: TimeKind.Cumulative, AsOf: not null } => "total-as-of",
            { Kind: TimeKind.Cumulative } => "total",
            { Start: { } s, End: { } e } => s == e ? "day" : "span",
            { AsOf: not null } => "as-of",
            _ => "unknown",
        };
        return Pattern(grammar, "time", shape, slots);
    }

    /// <summary>A figure with its hedge in a language, without a noun: "about 2,100", «نحو 2,100».</summary>
    public static string Figure(long value, Qualifier qualifier, string language) =>
        RenderingGrammar.Fill(RenderingGrammar.For(language).Text("hedge", Codes.Of(qualifier)) ?? "{x}", slot => slot == "x" ? Number(value) : null);

    /// <summary>A day in words in a language: "5 March 2019", «5 آذار 2019».</summary>
    public static string Day(Day day, string language) => Date(RenderingGrammar.For(language), day);

    /// <summary>A day in words: "10 September 2018", «10 أيلول 2018»; "10 September" without its year; as written when the language names no such month.</summary>
    private static string Date(RenderingGrammar grammar, Day day) =>
        grammar.Text("month", day.Month.ToString(CultureInfo.InvariantCulture)) is { } monthName
            && Pattern(grammar, "date", day.Year is null ? "no-year" : "full",
                ("day", day.DayOfMonth.ToString(CultureInfo.InvariantCulture)), ("month", monthName),
                ("year", day.Year?.ToString("D4", CultureInfo.InvariantCulture) ?? "")) is { } words
            ? words
            : day.ToString();

    private static string? Pattern(RenderingGrammar grammar, string section, string key, params (string Slot, string? Value)[] slots) =>
        grammar.Text(section, key) is { } pattern
            ? RenderingGrammar.Fill(pattern, slot => slots.FirstOrDefault(s => s.Slot == slot).Value)
            : null;

    /// <summary>
    /// The names in a language of the profile's actors and of the first-level divisions, as labels
    /// keyed <c>actor:IS</c> and <c>admin1:SY-DY</c>: the words the dashboard shows for those codes.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> CodeNames(string language) =>
        profile.Actors.Select(a => KeyValuePair.Create("actor:" + a.Code, ActorName(a.Code, language)))
            .Concat(places.Admin1Names(language).Select(n => KeyValuePair.Create("admin1:" + n.Key, n.Value)));

    private string ActorName(string code, string language) =>
        profile.Actors.FirstOrDefault(a => a.Code == code)?.Names.GetValueOrDefault(language) is [var name, ..] ? name : code;

    /// <summary>A figure with thousands separators, the same in every language's sentence: "1,213".</summary>
    public static string Number(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Spaces left by empty slots go; none stays before a comma or colon.</summary>
    private static string Tidy(string sentence) => SpaceBeforePunctuation().Replace(Spaces().Replace(sentence, " "), "").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+(?=[,،:؛])")]
    private static partial Regex SpaceBeforePunctuation();
}
