using System.Collections.Frozen;
using System.Globalization;
using Marsad.Model;

namespace Marsad.Languages;

/// <summary>
/// Which features each lexicon file may give its phrases, what values each takes, and how a
/// "key=value; key=value" column becomes the typed features of a <see cref="LexiconEntry"/>. A key
/// the file does not declare, or a value outside its list, is a problem naming what was expected:
/// a misspelt code in a data file is an error, never a silently ignored line.
/// </summary>
public static class LexiconSchema
{
    private sealed record Feature(string Expected, Func<LexiconEntry, string, LexiconEntry?> Apply);

    private static readonly FrozenDictionary<LexiconKind, FrozenDictionary<string, Feature>> ByKind = new Dictionary<LexiconKind, FrozenDictionary<string, Feature>>
    {
        [LexiconKind.Qualifier] = Declare(
            ("qualifier", Code<Qualifier>((e, v) => e with { Qualifier = v })),
            ("position", Code<HedgePosition>((e, v) => e with { Position = v })),
            ("range", Flag(e => e with { OpensRange = true }))),
        [LexiconKind.Category] = Declare(
            ("category", Code<Category>((e, v) => e with { Category = v })),
            ("civilians", Code<Category>((e, v) => e with { ForCivilians = v })),
            ("yields", Flag(e => e with { Yields = true }))),
        [LexiconKind.Noun] = Declare(
            ("role", Code<Role>((e, v) => e with { Role = v })),
            ("age", Code<AgeGroup>((e, v) => e with { Age = v })),
            ("sex", Code<Sex>((e, v) => e with { Sex = v })),
            ("category", Code<Category>((e, v) => e with { Category = v })),
            ("count", Integer(1, 1000, (e, v) => e with { Count = v })),
            ("part", Flag(e => e with { Part = true })),
            ("singular", Code<DualForms>((e, v) => e with { Singular = v })),
            ("unit", UnitCode((e, v) => e with { Unit = v }))),
        [LexiconKind.Marker] = Declare(
            ("marker", Code<MarkerWord>((e, v) => e with { Marker = v })),
            ("complete", Flag(e => e with { Complete = true })),
            ("names", Flag(e => e with { NamesPlace = true })),
            ("place-word", Flag(e => e with { PlaceWord = true })),
            ("after", Flag(e => e with { MayFollow = true }))),
        [LexiconKind.Unit] = Declare(("unit", UnitCode((e, v) => e with { Unit = v }))),
        [LexiconKind.Nationality] = Declare(("nationality", new Feature(
            "an ISO 3166-1 alpha-2 code (two capital letters)",
            (e, v) => v is [>= 'A' and <= 'Z', >= 'A' and <= 'Z'] ? e with { Nationality = v } : null))),
        [LexiconKind.Time] = Declare(
            ("kind", Code<TimeKind>((e, v) => e with { Total = v })),
            ("state", Flag(e => e with { State = true }))),
        [LexiconKind.Cause] = Declare(("cause", Code<Cause>((e, v) => e with { Cause = v }))),
        [LexiconKind.Calendar] = Declare(
            ("day", Integer(1, 31, (e, v) => e with { Day = v })),
            ("month", Integer(1, 12, (e, v) => e with { Month = v })),
            ("weekday", Integer(1, 7, (e, v) => e with { Weekday = v })),
            ("relative-day", Integer(-7, 7, (e, v) => e with { RelativeDay = v })),
            ("relative", Code<RelativeWord>((e, v) => e with { Relative = v })),
            ("edge", Code<Edge>((e, v) => e with { Edge = v })),
            ("since", Flag(e => e with { Since = true })),
            ("ago", Flag(e => e with { Ago = true })),
            ("from", Flag(e => e with { From = true })),
            ("background", Flag(e => e with { Background = true })),
            ("until", Flag(e => e with { Until = true })),
            ("during", Flag(e => e with { During = true })),
            ("year-word", Flag(e => e with { YearWord = true })),
            ("month-word", Flag(e => e with { MonthWord = true })),
            ("relative-month", Flag(e => e with { RelativeMonth = true })),
            ("day-word", Flag(e => e with { DayWord = true })),
            ("same-period", Flag(e => e with { SamePeriod = true })),
            ("now", Flag(e => e with { Now = true })),
            ("clock", Flag(e => e with { Clock = true })),
            ("hours", Flag(e => e with { Hours = true }))),
    }.ToFrozenDictionary();

    /// <summary>The lexicon files of a language pack that hold "phrase, features" lines, and the kind of their entries.</summary>
    public static IReadOnlyList<(string File, LexiconKind Kind)> FeatureFiles { get; } =
    [
        ("qualifiers", LexiconKind.Qualifier),
        ("categories", LexiconKind.Category),
        ("nouns", LexiconKind.Noun),
        ("markers", LexiconKind.Marker),
        ("units", LexiconKind.Unit),
        ("nationalities", LexiconKind.Nationality),
        ("time", LexiconKind.Time),
        ("calendar", LexiconKind.Calendar),
        ("causes", LexiconKind.Cause),
    ];

    /// <summary>
    /// The entry a phrase and its features column make; each problem (an unknown feature, a value
    /// outside its list, a pair without "=") goes to <paramref name="problems"/> and the feature is left out.
    /// </summary>
    public static LexiconEntry Read(LexiconKind kind, string phrase, string features, List<string> problems)
    {
        var declared = ByKind[kind];
        var entry = new LexiconEntry(kind, phrase);
        foreach (var pair in features.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problems.Add($"'{pair}' is not a feature; expected key=value.");
                continue;
            }

            var (key, value) = (pair[..equals].Trim(), pair[(equals + 1)..].Trim());
            if (!declared.TryGetValue(key, out var feature))
            {
                problems.Add($"unknown feature '{key}'; expected one of: {string.Join(", ", declared.Keys.Order(StringComparer.Ordinal))}.");
            }
            else if (feature.Apply(entry, value) is { } read)
            {
                entry = read;
            }
            else
            {
                problems.Add($"{key}={value}: expected {feature.Expected}.");
            }
        }

        return entry;
    }

    private static FrozenDictionary<string, Feature> Declare(params (string Key, Feature Feature)[] features) =>
        features.ToFrozenDictionary(f => f.Key, f => f.Feature, StringComparer.Ordinal);

    private static Feature Code<T>(Func<LexiconEntry, T, LexiconEntry> set)
        where T : struct, Enum =>
        new("one of " + string.Join(", ", Codes.All<T>()), (e, v) => Codes.Parse<T>(v) is { } code ? set(e, code) : null);

    private static Feature Flag(Func<LexiconEntry, LexiconEntry> set) => new("yes", (e, v) => v == "yes" ? set(e) : null);

    private static Feature Integer(int least, int most, Func<LexiconEntry, int, LexiconEntry> set) =>
        new(
            string.Create(CultureInfo.InvariantCulture, $"a whole number from {least} to {most}"),
            (e, v) => int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= least && n <= most ? set(e, n) : null);

    /// <summary>Units are an open list (CODEBOOK §2 <c>unit</c>): any lower-case code.</summary>
    private static Feature UnitCode(Func<LexiconEntry, string, LexiconEntry> set) =>
        new("a unit code in lower case (person, family, vehicle, km2, …)", (e, v) => IsCode(v) ? set(e, v) : null);

    private static bool IsCode(string value) =>
        value.Length > 0 && char.IsAsciiLetterLower(value[0]) && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
