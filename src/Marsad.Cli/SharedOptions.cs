using System.CommandLine;
using System.Data.Common;
using Marsad.Extraction;
using Marsad.Profiles;
using Marsad.Storage;

namespace Marsad.Cli;

/// <summary>Options every command understands: where the store is, and which conflict profile to extract with.</summary>
public sealed class SharedOptions
{
    public const string DatabaseVariable = "MARSAD_DB";

    public Option<string> Database { get; } = new("--db")
    {
        Description = $"The store: a SQLite file, or a PostgreSQL database as postgresql://USER@HOST:PORT/DB (default: ${DatabaseVariable}, else ./marsad.db).",
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

    /// <summary>
    /// The chosen profile, to read claims back with (by default Syria's with the actors of every
    /// shipped profile); <c>null</c>, with the reason on standard error, when the profile file is bad.
    /// </summary>
    public ConflictProfile? ConflictProfile(ParseResult result)
    {
        if (result.GetValue(Profile) is not { } path)
        {
            return ClaimExtractor.Default.ReadBackProfile;
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

    /// <summary>
    /// The store at <c>--db</c>, for a command that reads or changes what is stored: null, with the
    /// reason on standard error, when there is none there — a mistyped path must not become a new,
    /// empty store answering with empty tables — or when the file is not a store.
    /// </summary>
    public MarsadStore? Store(ParseResult result) => Open(result, create: false);

    /// <summary>
    /// The store at <c>--db</c> for a read command: as <see cref="Store"/>, and every read it makes
    /// sees one snapshot, so a tally read while an ingest commits never mixes two states.
    /// </summary>
    public MarsadStore? StoreForReading(ParseResult result)
    {
        var store = Open(result, create: false);
        store?.ReadSnapshot();
        return store;
    }

    /// <summary>The store at <c>--db</c>, made there when there is none (ingest, serve, users add); null, with the reason, when it cannot be.</summary>
    public MarsadStore? StoreOrNew(ParseResult result) => Open(result, create: true);

    private MarsadStore? Open(ParseResult result, bool create)
    {
        var path = result.GetValue(Database)!;
        if (!create && !MarsadStore.IsServer(path) && !File.Exists(path))
        {
            Console.Error.WriteLine($"error: there is no store at {path}; check --db (or ${DatabaseVariable}), or make one with `marsad ingest REPORTS --db {path}`.");
            return null;
        }

        try
        {
            return MarsadStore.Open(path);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or UriFormatException)
        {
            var hint = MarsadStore.IsServer(path)
                ? "check that the server is running and that --db names it as postgresql://USER@HOST:PORT/DB (a password from PGPASSWORD or ~/.pgpass)"
                : "give --db a Marsad store (a file `marsad ingest` made) or a new path";
            Console.Error.WriteLine($"error: cannot open the store {MarsadStore.Describe(path)}: {Reason(e)}; {hint}.");
            return null;
        }
    }

    /// <summary>Why a store did not open, on one line: the driver's message and what it says it came from.</summary>
    private static string Reason(Exception e)
    {
        var reason = e.InnerException is { } inner && !e.Message.Contains(inner.Message, StringComparison.Ordinal) ? $"{e.Message} ({inner.Message})" : e.Message;
        return reason.ReplaceLineEndings(" ").TrimEnd('.');
    }
}
