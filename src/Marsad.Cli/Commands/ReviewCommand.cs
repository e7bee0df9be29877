using System.CommandLine;
using System.Text;
using System.Text.Json;
using Marsad.Reviews;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad review CLAIM</c>: confirm, reject or correct a claim from the command line, checked as the API checks it.</summary>
internal static class ReviewCommand
{
    public static Command Create(SharedOptions shared)
    {
        var claim = new Argument<string>("claim") { Description = "The claim id (see `marsad claims` or `marsad show DOC`)." };
        var action = new Option<string>("--action") { Description = "confirm, reject or correct.", Required = true };
        var reason = new Option<string?>("--reason") { Description = "Why: the audit log keeps it." };
        var by = new Option<string>("--by") { Description = "The reviewer's account (`marsad users list`).", Required = true };
        var set = new Option<string[]>("--set")
        {
            Description = "With correct: a field and its value, e.g. --set value=663 --set category=injured --set actor=null (repeat for more).",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("review", "Confirm, reject or correct a claim, with a reason; corrections are checked against the codebook and compose with earlier ones.")
        {
            claim, action, reason, by, set,
        };
        command.SetAction(result =>
        {
            using var correction = Correction(result.GetValue(set) ?? []);
            var form = ReviewForm.Read(result.GetValue(action), result.GetValue(reason), correction?.RootElement);
            if (!form.IsValid)
            {
                return Refused(form.Errors);
            }

            using var store = shared.Store(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            var reviewer = result.GetValue(by)!;
            if (!store.Users().Any(u => u.Name == reviewer && !u.IsRevoked))
            {
                Console.Error.WriteLine($"error: no active account named {reviewer}; `marsad users add {reviewer}` makes one.");
                return ExitCodes.BadUsage;
            }

            switch (store.AddReview(result.GetValue(claim)!, form.Action, form.Correction, form.Reason, reviewer))
            {
                case ReviewOutcome.Recorded recorded:
                    Console.WriteLine($"review {recorded.Review.Id} of {recorded.Review.ClaimId} recorded: {result.GetValue(action)}{(form.Correction is { } c ? " " + c.ToJson() : "")}.");
                    return ExitCodes.Success;
                case ReviewOutcome.Refused refused:
                    return Refused(refused.Errors);
                default:
                    Console.Error.WriteLine($"error: no claim {result.GetValue(claim)} in {MarsadStore.Describe(result.GetValue(shared.Database)!)}; `marsad claims` lists them.");
                    return ExitCodes.BadUsage;
            }
        });
        return command;
    }

    private static int Refused(IReadOnlyDictionary<string, string[]> errors)
    {
        Console.Error.WriteLine("error: the review is refused: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return ExitCodes.BadUsage;
    }

    /// <summary>
    /// The <c>--set field=value</c> pairs as the JSON object a correction is read from: a value that
    /// reads as a JSON number or <c>null</c> is one, anything else is a string.
    /// </summary>
    private static JsonDocument? Correction(string[] pairs)
    {
        if (pairs.Length == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var pair in pairs)
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = equals < 0 ? (pair, "") : (pair[..equals].Trim(), pair[(equals + 1)..]);
                json.WritePropertyName(name);
                if (IsJsonLiteral(value))
                {
                    json.WriteRawValue(value);
                }
                else
                {
                    json.WriteStringValue(value);
                }
            }

            json.WriteEndObject();
        }

        return JsonDocument.Parse(buffer.ToArray());
    }

    private static bool IsJsonLiteral(string value)
    {
        try
        {
            using var parsed = JsonDocument.Parse(Encoding.UTF8.GetBytes(value));
            return parsed.RootElement.ValueKind is JsonValueKind.Number or JsonValueKind.Null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
