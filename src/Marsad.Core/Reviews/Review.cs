using System.Text.Json;
using System.Text.Json.Serialization;
using Marsad.Model;

namespace Marsad.Reviews;

/// <summary>What a reviewer decided about an extracted claim.</summary>
public enum ReviewAction { Confirm, Reject, Correct }

/// <summary>
/// The fields a reviewer sets on a claim; the others keep their extracted values. The extracted
/// claim is never changed: a correction is laid over it when the record is read.
/// </summary>
public sealed record ClaimCorrection(
    long? Value = null,
    Qualifier? Qualifier = null,
    Category? Category = null,
    string? Actor = null,
    Role? Role = null,
    AgeGroup? Age = null,
    Sex? Sex = null,
    string? Nationality = null,
    string? Since = null,
    string? AsOf = null,
    string? Admin1 = null)
{
    /// <summary>How a correction is written, stored and received: snake_case fields and codes, unknown fields refused.</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    [JsonIgnore]
    public bool IsEmpty => this == new ClaimCorrection();

    public Claim ApplyTo(Claim claim) => claim with
    {
        Value = Value ?? claim.Value,
        Low = Value is not null ? Value : claim.Low,
        High = Value is not null ? Value : claim.High,
        Qualifier = Qualifier ?? claim.Qualifier,
        Category = Category ?? claim.Category,
        Group = claim.Group with
        {
            Actor = Actor ?? claim.Group.Actor,
            Role = Role ?? claim.Group.Role,
            Age = Age ?? claim.Group.Age,
            Sex = Sex ?? claim.Group.Sex,
            Nationality = Nationality ?? claim.Group.Nationality,
        },
        Time = claim.Time with { Since = Since ?? claim.Time.Since, AsOf = AsOf ?? claim.Time.AsOf },
        Place = Admin1 is null ? claim.Place : claim.Place with { Admin1 = Admin1 },
    };
}

/// <summary>One entry of the audit log: who decided what about which claim, when and why.</summary>
public sealed record Review(
    long Id,
    string ClaimId,
    ReviewAction Action,
    ClaimCorrection? Correction,
    string Reason,
    string Reviewer,
    DateTimeOffset At)
{
    /// <summary>The claim as this review leaves it; null when it was rejected.</summary>
    public Claim? Apply(Claim claim) => Action switch
    {
        ReviewAction.Reject => null,
        ReviewAction.Correct when Correction is not null => Correction.ApplyTo(claim),
        _ => claim,
    };
}
