namespace Marsad.Model;

/// <summary>A <c>[Start, End)</c> range of UTF-16 code units in a document's text as ingested.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public override string ToString() => $"[{Start}, {End})";
}

/// <summary>Who was counted.</summary>
public sealed record Group(
    string? Actor = null,
    Role? Role = null,
    AgeGroup? Age = null,
    Sex? Sex = null,
    string? Nationality = null)
{
    public static Group Unknown { get; } = new();
}

/// <summary>When a figure holds: its kind, baseline, span and the day it holds for, each a <see cref="Day"/> (its year possibly unknown).</summary>
public sealed record ClaimTime(
    TimeKind? Kind = null,
    Day? Since = null,
    Day? Start = null,
    Day? End = null,
    Day? AsOf = null)
{
    public static ClaimTime Unknown { get; } = new();
}

/// <summary>Where a figure is about, as written and as resolved.</summary>
public sealed record Place(
    string? Name = null,
    string? Admin1 = null,
    string? GazetteerId = null,
    double? Lat = null,
    double? Lon = null)
{
    public static Place Unknown { get; } = new();
}

/// <summary>One quantitative statement about people (CODEBOOK §2).</summary>
public sealed record Claim
{
    public required string Doc { get; init; }
    public required string Id { get; init; }
    public required TextSpan Span { get; init; }
    public required string Text { get; init; }
    public required string Quote { get; init; }
    public bool Headline { get; init; }
    public long? Value { get; init; }
    public long? Low { get; init; }
    public long? High { get; init; }
    public Qualifier Qualifier { get; init; }
    public Magnitude? Magnitude { get; init; }
    public string Unit { get; init; } = Units.Person;
    public Category Category { get; init; }
    public IReadOnlyList<Category> Also { get; init; } = [];
    public Group Group { get; init; } = Group.Unknown;
    public string? Perpetrator { get; init; }
    public Cause? Cause { get; init; }
    public ClaimTime Time { get; init; } = ClaimTime.Unknown;
    public Place Place { get; init; } = Place.Unknown;
    public string? Parent { get; init; }
    public string? Attribution { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>Units of counted things (CODEBOOK §2 <c>unit</c>).</summary>
public static class Units
{
    public const string Person = "person";
    public const string Family = "family";

    // The units the engine reads by name: a figure in them is a date, a share or a stretch of time.
    public const string Date = "date";
    public const string Percent = "percent";
    public const string Minute = "minute";
    public const string Hour = "hour";
    public const string Day = "day";
    public const string Week = "week";
    public const string Month = "month";
    public const string Year = "year";

    /// <summary>Units that measure time or place a figure in it: a figure in them is no count to follow.</summary>
    public static IReadOnlySet<string> OfTime { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Date, Day, Hour, Minute, Week, Month, Year,
    };
}
