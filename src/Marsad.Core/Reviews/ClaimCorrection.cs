using System.Globalization;
using System.Text.Json;
using Marsad.Model;

namespace Marsad.Reviews;

/// <summary>The fields of a claim a reviewer can correct, named in a correction as in CODEBOOK §2 (<c>as_of</c>, <c>admin1</c>, …).</summary>
public enum ClaimField { Value, Low, High, Qualifier, Category, Actor, Role, Age, Sex, Nationality, Place, Admin1, Kind, Since, Start, End, AsOf, Parent }

/// <summary>A correction as read, with what was wrong with it by field; the correction holds the fields that were right.</summary>
public sealed record CorrectionRead(ClaimCorrection? Correction, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>
/// The fields a reviewer sets on a claim, each to a value as the codebook writes it (a count, a
/// code, a date, a name) or to nothing (<c>null</c>: "no actor stated"); the other fields keep
/// theirs. The extracted claim is never changed: corrections are laid over it when the record is
/// read. Only <see cref="Read"/> makes one, so every correction holds values the codebook allows.
/// </summary>
public sealed class ClaimCorrection
{
    /// <summary>
    /// The largest count a correction may give: above the population of any country whose wars the
    /// reports cover (Syria had about 22 million people, Iraq about 40 million); a larger figure is a slip.
    /// </summary>
    public const long MostPeople = 100_000_000;

    private const int LongestName = 200;

    private static readonly ClaimField[] Required = [ClaimField.Value, ClaimField.Qualifier, ClaimField.Category];

    private readonly SortedDictionary<ClaimField, string?> fields;

    private ClaimCorrection(SortedDictionary<ClaimField, string?> fields) => this.fields = fields;

    /// <summary>The fields set, in <see cref="ClaimField"/> order, each with its value as the codebook writes it (null: cleared).</summary>
    public IReadOnlyDictionary<ClaimField, string?> Fields => fields;

    public bool Sets(ClaimField field) => fields.ContainsKey(field);

    /// <summary>
    /// A correction from a JSON object such as <c>{"value": 663, "category": "injured", "actor": null}</c>:
    /// every field checked against the codebook — codes of its lists, dates that exist, whole numbers
    /// from 0 to <see cref="MostPeople"/> — and each one that is not named in the errors with why.
    /// </summary>
    public static CorrectionRead Read(JsonElement json)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (json.ValueKind != JsonValueKind.Object)
        {
            errors["correction"] = ["an object of the fields to set, e.g. {\"value\": 663}."];
            return new CorrectionRead(null, errors);
        }

        var fields = new SortedDictionary<ClaimField, string?>();
        foreach (var property in json.EnumerateObject())
        {
            if (Codes.Parse<ClaimField>(property.Name) is not { } field)
            {
                errors[property.Name] = [$"not a field a reviewer can correct; those are {string.Join(", ", Enum.GetValues<ClaimField>().Select(f => Codes.Of(f)))}."];
                continue;
            }

            var (value, error) = Check(field, property.Value);
            if (error is null)
            {
                fields[field] = value;
            }
            else
            {
                errors[property.Name] = [error];
            }
        }

        if (fields.Count == 0 && errors.Count == 0)
        {
            errors["correction"] = ["it sets no field."];
        }

        return new CorrectionRead(fields.Count > 0 ? new ClaimCorrection(fields) : null, errors);
    }

    /// <summary>This correction and a later one of the same claim: both kept, the later value of a field over the earlier.</summary>
    public ClaimCorrection Then(ClaimCorrection later)
    {
        var merged = new SortedDictionary<ClaimField, string?>(fields);
        foreach (var (field, value) in later.fields)
        {
            merged[field] = value;
        }

        return new ClaimCorrection(merged);
    }

    /// <summary>
    /// The claim with these fields set. A corrected figure or hedge without corrected bounds gets the
    /// bounds the hedge gives it (CODEBOOK §2); a corrected place drops the gazetteer entry and
    /// coordinates of the place it replaces.
    /// </summary>
    public Claim ApplyTo(Claim claim)
    {
        foreach (var (field, value) in fields)
        {
            claim = Set(claim, field, value);
        }

        if ((Sets(ClaimField.Value) || Sets(ClaimField.Qualifier)) && !Sets(ClaimField.Low) && !Sets(ClaimField.High))
        {
            var (low, high) = ClaimBounds.Of(claim.Qualifier, claim.Value, claim.Magnitude);
            claim = claim with { Low = low, High = high };
        }

        return claim;
    }

    /// <summary>
    /// What is wrong with a claim once corrected — bounds around the figure, a period that ends before
    /// it starts, a parent that is not a claim of the same text — by the corrected field to blame;
    /// empty when nothing is. <paramref name="document"/> is every claim of the claim's text. A rule
    /// is checked only when this correction sets one of its fields: an extracted claim already
    /// inconsistent (its <c>since_after_as_of</c> warning) can have its figure corrected, and keeps
    /// the warning until a correction of its dates settles it.
    /// </summary>
    public IReadOnlyDictionary<string, string[]> Problems(Claim corrected, IReadOnlyCollection<Claim> document)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Blame(string message, params ClaimField[] suspects)
        {
            // The first problem found with a field is the one its message names.
            var set = Array.FindIndex(suspects, Sets);
            if (set >= 0)
            {
                errors.TryAdd(Codes.Of(suspects[set]), [message]);
            }
        }

        var (low, value, high) = (corrected.Low, corrected.Value, corrected.High);
        // "more than 260" holds from 261, "less than 260" up to 259: the figure itself is outside.
        var least = corrected.Qualifier == Qualifier.MoreThan ? value + 1 : value;
        var most = corrected.Qualifier == Qualifier.LessThan ? value - 1 : value;
        if (low > least)
        {
            Blame($"low ({low}) is above the figure ({value}) for a claim that is {Codes.Of(corrected.Qualifier)}.", ClaimField.Low, ClaimField.Value, ClaimField.Qualifier);
        }

        if (most > high)
        {
            Blame($"high ({high}) is below the figure ({value}) for a claim that is {Codes.Of(corrected.Qualifier)}.", ClaimField.High, ClaimField.Value, ClaimField.Qualifier);
        }

        if (low > high)
        {
            Blame($"low ({low}) is above high ({high}).", ClaimField.Low, ClaimField.High);
        }

        // A day without a year, or an unknown one, comes before or after no other.
        if (Day.Compare(corrected.Time.End, corrected.Time.Start) < 0)
        {
            Blame($"the period ends ({corrected.Time.End}) before it starts ({corrected.Time.Start}).", ClaimField.End, ClaimField.Start);
        }

        if (Day.Compare(corrected.Time.AsOf, corrected.Time.Since) < 0)
        {
            Blame($"as_of ({corrected.Time.AsOf}) is before the baseline since ({corrected.Time.Since}).", ClaimField.AsOf, ClaimField.Since);
        }

        if (fields.GetValueOrDefault(ClaimField.Parent) is { } parent && ParentProblem(corrected.Id, parent, document) is { } problem)
        {
            errors[Codes.Of(ClaimField.Parent)] = [problem];
        }

        return errors;
    }

    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        foreach (var (field, value) in fields)
        {
            var name = Codes.Of(field);
            if (value is null)
            {
                json.WriteNull(name);
            }
            else if (IsCount(field))
            {
                json.WriteNumber(name, long.Parse(value, CultureInfo.InvariantCulture));
            }
            else
            {
                json.WriteString(name, value);
            }
        }

        json.WriteEndObject();
    }

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static bool IsCount(ClaimField field) => field is ClaimField.Value or ClaimField.Low or ClaimField.High;

    /// <summary>A field's value as the codebook writes it, or why it is not one.</summary>
    private static (string? Value, string? Error) Check(ClaimField field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return Required.Contains(field)
                ? (null, field == ClaimField.Value
                    ? "a claim needs a figure; reject the claim if the report states none."
                    : $"every claim has a {Codes.Of(field)}; set another one.")
                : (null, null);
        }

        return field switch
        {
            ClaimField.Value or ClaimField.Low or ClaimField.High =>
                value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var count) && count is >= 0 and <= MostPeople
                    ? (count.ToString(CultureInfo.InvariantCulture), null)
                    : (null, $"a whole number from 0 to {MostPeople:N0}."),
            ClaimField.Qualifier => Code<Qualifier>(value),
            ClaimField.Category => Code<Category>(value),
            ClaimField.Role => Code<Role>(value),
            ClaimField.Age => Code<AgeGroup>(value),
            ClaimField.Sex => Code<Sex>(value),
            ClaimField.Kind => Code<TimeKind>(value),
            ClaimField.Actor => Text(value, IsActorCode, "an actor code: capital letters, digits and _ (IS, SDF, SYGOV), or null."),
            ClaimField.Nationality => Text(value, v => v.Length == 2 && v.All(char.IsAsciiLetterUpper), "an ISO 3166-1 alpha-2 code (SY, IQ), or null."),
            ClaimField.Admin1 => Text(value, IsAdmin1, "an ISO 3166-2 code of a first-level division (SY-DY, IQ-NI), or null."),
            ClaimField.Place => Text(value, IsName, $"a place name of 1 to {LongestName} characters, or null."),
            ClaimField.Parent => Text(value, IsName, "the id of the claim this one is a part of, or null."),
            _ => Text(value, day => Day.TryParse(day) is not null, "a date that exists, YYYY-MM-DD, or --MM-DD when the report gives no year, or null."),
        };
    }

    private static (string? Value, string? Error) Code<T>(JsonElement value)
        where T : struct, Enum =>
        value.ValueKind == JsonValueKind.String && Codes.Parse<T>(value.GetString()) is not null
            ? (value.GetString(), null)
            : (null, $"one of {string.Join(", ", Enum.GetValues<T>().Select(v => Codes.Of(v)))}.");

    private static (string? Value, string? Error) Text(JsonElement value, Func<string, bool> valid, string expected) =>
        value.ValueKind == JsonValueKind.String && valid(value.GetString()!) ? (value.GetString(), null) : (null, expected);

    private static bool IsActorCode(string code) =>
        code.Length is > 0 and <= 32 && char.IsAsciiLetterUpper(code[0]) && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_');

    private static bool IsAdmin1(string code) =>
        code.Length is >= 4 and <= 6 && code[..2].All(char.IsAsciiLetterUpper) && code[2] == '-'
        && code[3..].All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    private static bool IsName(string name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= LongestName && !name.Any(char.IsControl);

    private static string? ParentProblem(string id, string parent, IReadOnlyCollection<Claim> document)
    {
        var parents = document.ToDictionary(c => c.Id, c => c.Parent, StringComparer.Ordinal);
        if (!parents.ContainsKey(parent))
        {
            return $"{parent} is not a claim of the same text.";
        }

        // Walk up from the new parent: reaching the claim itself would make it a part of its own part.
        for (string? up = parent; up is not null; up = parents.GetValueOrDefault(up))
        {
            if (up == id)
            {
                return $"{parent} is {id} itself or one of its parts.";
            }
        }

        return null;
    }

    private static Claim Set(Claim claim, ClaimField field, string? value) => field switch
    {
        ClaimField.Value => claim with { Value = Count(value) },
        ClaimField.Low => claim with { Low = Count(value) },
        ClaimField.High => claim with { High = Count(value) },
        ClaimField.Qualifier => claim with { Qualifier = Codes.Parse<Qualifier>(value)!.Value },
        ClaimField.Category => claim with { Category = Codes.Parse<Category>(value)!.Value },
        ClaimField.Actor => claim with { Group = claim.Group with { Actor = value } },
        ClaimField.Role => claim with { Group = claim.Group with { Role = Codes.Parse<Role>(value) } },
        ClaimField.Age => claim with { Group = claim.Group with { Age = Codes.Parse<AgeGroup>(value) } },
        ClaimField.Sex => claim with { Group = claim.Group with { Sex = Codes.Parse<Sex>(value) } },
        ClaimField.Nationality => claim with { Group = claim.Group with { Nationality = value } },
        ClaimField.Place => claim with { Place = new Place(value, claim.Place.Admin1) },
        ClaimField.Admin1 => claim with { Place = claim.Place with { Admin1 = value } },
        ClaimField.Kind => claim with { Time = claim.Time with { Kind = Codes.Parse<TimeKind>(value) } },
        ClaimField.Since => claim with { Time = claim.Time with { Since = Day.TryParse(value) } },
        ClaimField.Start => claim with { Time = claim.Time with { Start = Day.TryParse(value) } },
        ClaimField.End => claim with { Time = claim.Time with { End = Day.TryParse(value) } },
        ClaimField.AsOf => claim with { Time = claim.Time with { AsOf = Day.TryParse(value) } },
        ClaimField.Parent => claim with { Parent = value },
        _ => claim,
    };

    private static long? Count(string? value) => value is null ? null : long.Parse(value, CultureInfo.InvariantCulture);
}
