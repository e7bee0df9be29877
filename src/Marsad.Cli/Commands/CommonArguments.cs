using System.CommandLine;
using System.Globalization;
using Marsad.Model;
using Marsad.Serialization;

namespace Marsad.Cli.Commands;

/// <summary>Arguments and options several commands share, with their parsing.</summary>
internal static class CommonArguments
{
    public static Argument<string[]> Paths(string description) => new("paths")
    {
        Description = description,
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<string?> Published() =>
        Date("--published", "Publication date (YYYY-MM-DD) for reports that do not give one in a sidecar or JSONL field.");

    /// <summary>An option holding a day, YYYY-MM-DD, refused with a message otherwise.</summary>
    public static Option<string?> Date(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                result.AddError($"{name}: '{text}' is not a date of the form YYYY-MM-DD.");
            }

            return text;
        },
    };

    /// <summary>A category of the codebook, refused with a message otherwise.</summary>
    public static Option<string?> Category(string description)
    {
        var option = new Option<string?>("--category") { Description = description };
        option.Validators.Add(result =>
        {
            if (ClaimJson.Parse<Category>(result.GetValueOrDefault<string?>()) is null)
            {
                result.AddError($"--category: '{result.GetValueOrDefault<string?>()}' is not a category of the codebook.");
            }
        });
        return option;
    }

    /// <param name="more">Formats a command adds to jsonl, csv and table, with their descriptions.</param>
    public static Option<string> Format(string defaultFormat, params (string Name, string Description)[] more) => new Option<string>("--format")
    {
        Description = "Output format: jsonl (CODEBOOK §2, one claim a line), csv, or table" + string.Concat(more.Select(m => $", or {m.Name} ({m.Description})")) + ".",
        DefaultValueFactory = _ => defaultFormat,
    }.AcceptOnlyFromAmong(["jsonl", "csv", "table", .. more.Select(m => m.Name)]);

    public static DateOnly? ParseDate(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DocumentMetadata Defaults(string? source, string? published, string? lang) =>
        new(Source: source, Lang: lang, Published: ParseDate(published));
}
