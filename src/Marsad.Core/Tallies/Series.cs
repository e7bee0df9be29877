using System.Globalization;
using System.Text;
using Marsad.Model;

namespace Marsad.Tallies;

/// <summary>
/// What a series counts (docs/tallies.md): the category, who (actor, role, age, sex,
/// nationality) or what (unit), the first-level division, and the time shape — a running total
/// since a baseline (<see cref="Since"/>, possibly unknown) or per-period increments.
/// </summary>
public sealed record SeriesKey(
    Category Category,
    string Unit,
    string? Actor,
    Role? Role,
    AgeGroup? Age,
    Sex? Sex,
    string? Nationality,
    string? Admin1,
    TimeKind Kind,
    Day? Since)
{
    /// <summary>
    /// A readable, stable, URL-safe id: the key's codes joined by '.' —
    /// <c>killed.IS.fighter.SY-DY.since-2018-09-10</c>, <c>exited.person.SY-DY.period</c>. A part keeps
    /// letters, digits, '-' and '_'; any other character (a reviewer may correct an actor to anything)
    /// is written <c>~XX</c>, its UTF-8 bytes in hex, so the id needs no percent-encoding and two keys
    /// never share an id.
    /// </summary>
    public string Id => string.Join('.', Parts().Select(UrlSafe));

    /// <summary>The id as it was written before ids were URL-safe, parts joined by '/', still accepted where an id is read.</summary>
    public string SlashedId => string.Join('/', Parts());

    /// <summary>
    /// The key of the series a claim goes into: a running total keeps its baseline, anything else
    /// is counted per period.
    /// </summary>
    public static SeriesKey Of(Claim claim)
    {
        var kind = claim.Time.Kind ?? TimeKind.Period;
        return new SeriesKey(
            claim.Category, claim.Unit, claim.Group.Actor, claim.Group.Role, claim.Group.Age, claim.Group.Sex,
            claim.Group.Nationality, claim.Place.Admin1, kind, kind == TimeKind.Cumulative ? claim.Time.Since : null);
    }

    /// <summary>
    /// The same people counted, whatever the time shape: running totals from any baseline and
    /// increments. A baseline without a year joins a series of its family and increments are
    /// checked against the running totals of their family, so a family is tallied whole.
    /// </summary>
    public SeriesKey Family => this with { Kind = TimeKind.Period, Since = null };

    private List<string> Parts()
    {
        var parts = new List<string> { Codes.Of(Category) };
        Add(parts, Actor);
        Add(parts, Role is { } role ? Codes.Of(role) : null);
        Add(parts, Age is { } age ? Codes.Of(age) : null);
        Add(parts, Sex is { } sex ? Codes.Of(sex) : null);
        Add(parts, Nationality is { } nationality ? "nat-" + nationality : null);
        Add(parts, Unit is Units.Person || Unit == parts[^1] ? null : Unit);
        parts.Add(Admin1 ?? "anywhere");
        parts.Add(Kind == TimeKind.Period ? "period" : "since-" + (Since?.ToString() ?? "unknown"));
        return parts;
    }

    private static string UrlSafe(string part)
    {
        if (part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return part;
        }

        var safe = new StringBuilder(part.Length + 8);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in part.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value is '-' or '_'))
            {
                safe.Append((char)rune.Value);
                continue;
            }

            foreach (var b in bytes[..rune.EncodeToUtf8(bytes)])
            {
                safe.Append('~').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return safe.ToString();
    }

    /// <summary>In words, for tables and chart titles: "IS fighters killed in SY-DY since 2018-09-10".</summary>
    public string Label
    {
        get
        {
            var noun = Age is not null ? "children" : Sex is { } sex ? (sex == Model.Sex.Female ? "women" : "men") : Plural(Role, Unit);
            var who = string.Join(' ', new[] { Actor, Nationality, noun }.Where(w => w is not null));
            var where = Admin1 is null ? "" : " in " + Admin1;
            var when = Kind == TimeKind.Period ? ", per period" : Since is null ? ", running total" : $" since {Since}";
            return $"{who} {Codes.Of(Category)}{where}{when}";
        }
    }

    private static void Add(List<string> parts, string? part)
    {
        if (part is not null)
        {
            parts.Add(part);
        }
    }

    private static string Plural(Role? role, string unit) => role switch
    {
        Model.Role.Fighter => "fighters",
        Model.Role.Leader => "leaders",
        Model.Role.Soldier => "soldiers",
        Model.Role.Civilian => "civilians",
        Model.Role.Family => "families",
        Model.Role.Detainee => "detainees",
        _ => unit is Units.Person ? "people" : unit,
    };
}

/// <summary>
/// One claim that states a point: which claim, from which report, published when; from a store,
/// also its <see cref="Model.Provenance"/> (URL, report version, extractor, review).
/// </summary>
public sealed record Mention(Claim Claim, DateOnly? Published, string? Source, Provenance? Provenance = null);

/// <summary>
/// One distinct figure of a series: the day it holds for (<see cref="AsOf"/>, null when unknown;
/// for increments also <see cref="Start"/>), the value with its hedge and bounds, when it was first
/// reported, and every claim that states it — recaps and other outlets count once, as mentions.
/// </summary>
public sealed record SeriesPoint(
    Day? AsOf,
    Day? Start,
    long Value,
    long? Low,
    long? High,
    Qualifier Qualifier,
    DateOnly? FirstReported,
    IReadOnlyList<Mention> Mentions)
{
    public string Figure => Describe(Value, Qualifier);

    /// <summary>A figure with its hedge, in words: "more than 26,100".</summary>
    public static string Describe(long value, Qualifier qualifier) => qualifier switch
    {
        Qualifier.Approx => "about " + Number(value),
        Qualifier.AtLeast => "at least " + Number(value),
        Qualifier.MoreThan => "more than " + Number(value),
        Qualifier.LessThan => "less than " + Number(value),
        Qualifier.AtMost => "at most " + Number(value),
        _ => Number(value),
    };

    private static string Number(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}

/// <summary>A series: what it counts, and its points in day order (undated points last).</summary>
public sealed record Series(SeriesKey Key, IReadOnlyList<SeriesPoint> Points)
{
    public string Id => Key.Id;
}

/// <summary>A consistency problem found across claims (CODEBOOK §6), with the claims it involves.</summary>
public sealed record TallyWarning(string Code, string? SeriesId, string Explanation, IReadOnlyList<string> ClaimIds);

/// <summary>The tally of a set of claims: its series and what the checks found.</summary>
public sealed record Tally(IReadOnlyList<Series> Series, IReadOnlyList<TallyWarning> Warnings)
{
    /// <summary>The series with this id, or with this id in the older form with '/' (<see cref="SeriesKey.SlashedId"/>).</summary>
    public Series? Find(string id) =>
        Series.FirstOrDefault(s => s.Id == id) ?? (id.Contains('/', StringComparison.Ordinal) ? Series.FirstOrDefault(s => s.Key.SlashedId == id) : null);

    /// <summary>The series of a category, an actor (code, any case) and a baseline, each when given, with their warnings.</summary>
    public Tally Where(Category? category = null, string? actor = null, Day? since = null)
    {
        var series = Series
            .Where(s => (category is null || s.Key.Category == category)
                && (actor is null || string.Equals(s.Key.Actor, actor, StringComparison.OrdinalIgnoreCase))
                && (since is null || s.Key.Since == since))
            .ToList();
        var ids = series.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        return new Tally(series, [.. Warnings.Where(w => w.SeriesId is null || ids.Contains(w.SeriesId))]);
    }

    /// <summary>
    /// What a filter names that no series has — an actor nobody counts, a baseline no running total
    /// counts from — with the values there are; null when each one given is there. A mistyped
    /// filter would otherwise look like an empty record.
    /// </summary>
    public string? Unknown(string? actor = null, Day? since = null) =>
        Unknown(actor, since, [.. Series.Select(s => s.Key.Actor)], [.. Series.Select(s => s.Key.Since)]);

    /// <summary><see cref="Unknown(string?, Day?)"/> of a tally whose series have these actors and baselines.</summary>
    public static string? Unknown(string? actor, Day? since, IReadOnlyCollection<string?> actors, IReadOnlyCollection<Day?> baselines)
    {
        if (actor is not null && !actors.Any(a => string.Equals(a, actor, StringComparison.OrdinalIgnoreCase)))
        {
            return $"no series counts the actor {actor}; the actors counted are {Listed(actors)}.";
        }

        if (since is not null && !baselines.Contains(since))
        {
            return $"no running total counts from {since}; the baselines are {Listed(baselines.Select(b => b?.ToString()))}.";
        }

        return null;
    }

    private static string Listed(IEnumerable<string?> values) =>
        values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } known
            ? string.Join(", ", known)
            : "none (the record is empty)";
}
