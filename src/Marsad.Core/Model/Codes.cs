namespace Marsad.Model;

// The code lists of CODEBOOK §2–§4. Serialized in snake_case ("AtLeast" → "at_least").

/// <summary>How a figure is hedged in the text.</summary>
public enum Qualifier { Exact, Approx, AtLeast, MoreThan, LessThan, AtMost, Vague }

/// <summary>The order of a vague quantity ("عشرات", "hundreds").</summary>
public enum Magnitude { Several, Tens, Hundreds, Thousands, TensOfThousands }

/// <summary>What happened to the people counted (CODEBOOK §3).</summary>
public enum Category
{
    Killed, Injured, Captured, Detained, Surrendered, Executed, Exited,
    Displaced, Missing, Trapped, Escaped, Deployed, Present, Returned, Released, Other,
}

/// <summary>The kind of people counted (CODEBOOK §4).</summary>
public enum Role { Fighter, Leader, Soldier, Civilian, Family, Detainee, Person }

public enum AgeGroup { Child }

public enum Sex { Female, Male }

/// <summary>A running total since a baseline, or a count for a bounded stretch.</summary>
public enum TimeKind { Cumulative, Period }

/// <summary>How a claim came about (CODEBOOK §2 <c>cause</c>).</summary>
public enum Cause { Airstrike, Shelling, Clashes, Explosion, Mine, Execution, Assassination, Torture, Drowning, Other }

/// <summary>What a reviewer decided about an extracted claim: <c>confirm</c>, <c>reject</c>, <c>correct</c>.</summary>
public enum ReviewAction { Confirm, Reject, Correct }

/// <summary>
/// The codebook code of each member of the code lists above and back: <c>TensOfThousands</c> ↔
/// <c>tens_of_thousands</c>. The pipeline reads codes from its data files and the serializers write
/// them, so the mapping lives with the codes.
/// </summary>
public static class Codes
{
    /// <summary>The codebook code of an enum member.</summary>
    public static string Of<T>(T value)
        where T : struct, Enum => CodeCache<T>.Codes[value];

    /// <summary>The enum member for a codebook code, if there is one.</summary>
    public static T? Parse<T>(string? code)
        where T : struct, Enum =>
        code is not null && CodeCache<T>.Members.TryGetValue(code, out var value) ? value : null;

    /// <summary>Every code of a list, in its order: what a data file or a request may write.</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => CodeCache<T>.InOrder;

    private static class CodeCache<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<T, string> Codes =
            Enum.GetValues<T>().ToDictionary(v => v, v => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

        public static readonly Dictionary<string, T> Members =
            Codes.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

        public static readonly string[] InOrder = [.. Enum.GetValues<T>().Select(v => Codes[v])];
    }
}
