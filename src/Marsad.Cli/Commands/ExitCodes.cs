namespace Marsad.Cli.Commands;

/// <summary>What the exit code tells a script.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Some input could not be read; the rest was processed.</summary>
    public const int SomeInputFailed = 1;

    /// <summary>The command could not start: a bad option value or profile file.</summary>
    public const int BadUsage = 2;

    /// <summary>The result is below the threshold the user set (eval --min-f1).</summary>
    public const int BelowThreshold = 3;
}
