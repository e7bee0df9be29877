using System.Diagnostics;

namespace Marsad.Tests.Support;

/// <summary>The CLI as a user runs it: its own process, with no <c>MARSAD_DB</c> from the test's environment.</summary>
internal static class MarsadProcess
{
    /// <summary>How long a command may run before the test calls it hung.</summary>
    private static readonly TimeSpan HangAfter = TimeSpan.FromMinutes(10);

    public static Process Start(params string[] arguments) => StartWith(new Dictionary<string, string>(), arguments);

    /// <summary>Starts a command with these variables added to its environment.</summary>
    public static Process StartWith(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "marsad.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment.Remove("MARSAD_DB");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs a command to its end: its exit code and everything it wrote.</summary>
    public static (int ExitCode, string Output, string Errors) Run(params string[] arguments)
    {
        using var process = Start(arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HangAfter))
        {
            process.Kill();
            throw new TimeoutException($"marsad {string.Join(' ', arguments)} did not end within {HangAfter.TotalMinutes} minutes");
        }

        return (process.ExitCode, output.Result, errors.Result);
    }
}
