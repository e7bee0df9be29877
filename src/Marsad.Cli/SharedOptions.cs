using System.CommandLine;
using Marsad.Extraction;
using Marsad.Languages;
using Marsad.Profiles;

namespace Marsad.Cli;

/// <summary>Options every command understands: where the store is, and which conflict profile to extract with.</summary>
public sealed class SharedOptions
{
    public const string DatabaseVariable = "MARSAD_DB";

    public Option<string> Database { get; } = new("--db")
    {
        Description = $"The SQLite store (default: ${DatabaseVariable}, else ./marsad.db).",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(DatabaseVariable) is { Length: > 0 } path ? path : "marsad.db",
    };

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "A conflict profile (JSON: actors, anaphora, armies, places) that adds to the Syria profile, or replaces it with \"mode\": \"replace\".",
        Recursive = true,
    };

    /// <summary>The extractor for the chosen profile; <c>null</c>, with the reason on standard error, when the profile file is bad.</summary>
    public ClaimExtractor? Extractor(ParseResult result) =>
        result.GetValue(Profile) is null ? ClaimExtractor.Default
        : ConflictProfile(result) is { } profile ? new ClaimExtractor(profile) : null;

    /// <summary>The chosen profile (the Syria profile by default); <c>null</c>, with the reason on standard error, when the profile file is bad.</summary>
    public ConflictProfile? ConflictProfile(ParseResult result)
    {
        if (result.GetValue(Profile) is not { } path)
        {
            return Profiles.ConflictProfile.Syria;
        }

        switch (Profiles.ConflictProfile.Read(path))
        {
            case ProfileRead.Loaded loaded:
                return loaded.Profile.Effective;
            case ProfileRead.Failed failed:
                Console.Error.WriteLine("error: " + failed.Message);
                return null;
            default:
                throw new InvalidOperationException();
        }
    }
}
