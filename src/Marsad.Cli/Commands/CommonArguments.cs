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

    /// <summary>
    /// <c>--out</c>: a file to write, refused before anything is read when its folder does not exist
    /// or it names a folder.
    /// </summary>
    public static Option<string?> Output(string description, bool required = false)
    {
        var option = new Option<string?>("--out") { Description = description, Required = required };
        option.Validators.Add(result =>
        {
            var path = result.GetValueOrDefault<string?>();
            if (path is null)
            {
                return;
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (Directory.Exists(path))
            {
                result.AddError($"--out: {path} is a folder; give the name of a file to write in it.");
            }
            else if (folder is not null && !Directory.Exists(folder))
            {
                result.AddError($"--out: the folder {folder} does not exist; create it first or write somewhere else.");
            }
        });
        return option;
    }

    /// <summary>An option naming a folder or file that must be there, refused with a message otherwise.</summary>
    public static Option<string> Existing(string name, string description, bool folderOnly)
    {
        var option = new Option<string>(name) { Description = description, Required = true };
        option.Validators.Add(result =>
        {
            var path = result.GetValueOrDefault<string>();
            if (path is not null && !Directory.Exists(path) && (folderOnly || !File.Exists(path)))
            {
                result.AddError($"{name}: there is no {(folderOnly ? "folder" : "file or folder")} {path}; check the path.");
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
