using System.CommandLine;

namespace Marsad.Cli;

/// <summary>Options every command that touches the store understands.</summary>
public sealed class SharedOptions
{
    public const string DatabaseVariable = "MARSAD_DB";

    public Option<string> Database { get; } = new("--db")
    {
        Description = $"The SQLite store (default: ${DatabaseVariable}, else ./marsad.db).",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(DatabaseVariable) is { Length: > 0 } path ? path : "marsad.db",
    };
}
