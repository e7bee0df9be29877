using System.Text.Json;
using Marsad.Model;

namespace Marsad.Reviews;

/// <summary>
/// A review as a reviewer asks for it — through the API or <c>marsad review</c> — read and checked
/// once for both: an action of the codebook's, a reason (every change to the record must be
/// explainable), and with <c>correct</c> a correction whose every field is checked; what is wrong
/// is named by field in <see cref="Errors"/>.
/// </summary>
public sealed record ReviewForm(ReviewAction Action, ClaimCorrection? Correction, string Reason, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public static ReviewForm Read(string? action, string? reason, JsonElement? correction)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var parsed = Codes.Parse<ReviewAction>(action);
        if (parsed is null)
        {
            errors["action"] = ["confirm, reject or correct."];
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors["reason"] = ["a reason is required: every change to the record must be explainable."];
        }

        ClaimCorrection? read = null;
        var given = correction is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined };
        if (parsed == ReviewAction.Correct && !given)
        {
            errors["correction"] = ["\"correct\" needs a correction: an object of the fields to set, e.g. {\"value\": 663}."];
        }
        else if (given && parsed is not null and not ReviewAction.Correct)
        {
            errors["correction"] = ["only \"correct\" carries a correction."];
        }
        else if (given)
        {
            var fields = ClaimCorrection.Read(correction!.Value);
            read = fields.Correction;
            foreach (var (field, problems) in fields.Errors)
            {
                errors[field] = problems;
            }
        }

        return new ReviewForm(parsed ?? ReviewAction.Confirm, read, reason?.Trim() ?? "", errors);
    }
}

/// <summary>What recording a review did: recorded it, found no such claim, or refused it with the fields to blame.</summary>
public abstract record ReviewOutcome
{
    public sealed record Recorded(Review Review) : ReviewOutcome;

    public sealed record NoSuchClaim : ReviewOutcome;

    public sealed record Refused(IReadOnlyDictionary<string, string[]> Errors) : ReviewOutcome;
}
