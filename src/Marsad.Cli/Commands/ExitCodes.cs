namespace Marsad.Cli.Commands;

/// <summary>What the exit code tells a script.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Some input could not be read; the rest was processed.</summary>
    public const int SomeInputFailed = 1;

    /// <summary>The command could not start or do what was asked: a bad option value, profile file, path, port, or a store that is not there.</summary>
    public const int BadUsage = 2;

    /// <summary>The result is below the threshold the user set (eval --min-f1).</summary>
    public const int BelowThreshold = 3;

    /// <summary>Something no command answers for went wrong: a bug to report (as EX_SOFTWARE of sysexits.h).</summary>
    public const int Unexpected = 70;
}
