using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marsad.Tests.Support;
using static Marsad.Tests.Support.MarsadProcess;

namespace Marsad.Tests;

/// <summary>
/// The work queue as a team runs it: <c>ingest --defer</c>, then <c>marsad worker</c> processes on
/// one store, one of them killed (SIGKILL) or stopped (SIGINT) while it holds a lease. A worker
/// made to pause after its lease (<c>MARSAD_WORKER_PAUSE_AFTER_LEASE</c>) is stopped mid-batch
/// every time, not when a race happens to allow it.
/// </summary>
public sealed partial class WorkerProcessTests : IDisposable
{
    private static readonly TimeSpan HangAfter = TimeSpan.FromMinutes(5);

    private readonly TempFolder temp = new();

    private string Database => temp.Combine("queued.db");

    private static string Corpus(string name) => SharedData.PathTo("corpus", name);

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_worker_killed_mid_batch_loses_nothing_and_the_others_store_each_document_once_as_a_direct_ingest_does()
    {
        var direct = temp.Combine("direct.db");
        Assert.Equal(0, Run("ingest", Corpus("seeds"), Corpus("dev"), "--db", direct).ExitCode);
        Assert.Equal(0, Run("ingest", Corpus("seeds"), Corpus("dev"), "--db", Database, "--defer").ExitCode);
        var jobs = Queue().Queued;
        Assert.True(jobs > 20);

        using var doomed = Paused("worker", "--db", Database, "--batch", "4", "--lease", "5", "--attempts", "5");
        Assert.Equal("leased 4 jobs", ReadLine(doomed));
        Assert.Equal((jobs - 4, 4), (Queue().Queued, Queue().Leased));

        var survivors = Enumerable.Range(0, 2)
            .Select(_ => Start("worker", "--db", Database, "--until-idle", "--batch", "4", "--lease", "5", "--attempts", "5"))
            .ToList();
        doomed.Kill();
        Assert.True(doomed.WaitForExit(HangAfter));
        var outputs = survivors.Select(Finish).ToList();
        survivors.ForEach(survivor => survivor.Dispose());

        // The survivors stored every job between them, none twice (a job taken over is stored by one worker only).
        Assert.All(outputs, output => Assert.Equal(0, output.ExitCode));
        Assert.Equal(jobs, outputs.Sum(o => DoneIn(o.Output)));
        Assert.Equal((0, 0, jobs, 0), Queue());

        var claims = Run("claims", "--db", Database, "--format", "jsonl").Output;
        var ids = claims.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(Run("claims", "--db", direct, "--format", "jsonl").Output, claims);
        Assert.Equal(Run("tally", "--db", direct, "--format", "json").Output, Run("tally", "--db", Database, "--format", "json").Output);
    }

    /// <remarks>
    /// SIGTERM, as a service manager stops a worker; Ctrl+C's SIGINT takes the same path. A test
    /// cannot send SIGINT: a test run started in the background by a non-interactive shell ignores
    /// it, and so does every process it starts (seen: the worker never stopped).
    /// </remarks>
    [Fact]
    public void A_stop_signal_after_a_lease_gives_the_batch_back_and_the_worker_exits_0()
    {
        Assert.Equal(0, Run("ingest", Corpus("seeds"), "--db", Database, "--defer").ExitCode);
        using var worker = Paused("worker", "--db", Database, "--batch", "2");
        Assert.Equal("leased 2 jobs", ReadLine(worker));

        using (var interrupt = Process.Start("kill", ["-TERM", worker.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            interrupt.WaitForExit();
        }

        var (exitCode, output, _) = Finish(worker);
        Assert.Equal(0, exitCode);
        Assert.Contains("batch of 2: 0 done, 0 to retry, 0 failed, 2 given back", output, StringComparison.Ordinal);
        Assert.Equal((5, 0, 0, 0), Queue());
    }

    [Fact]
    public void Reextract_defer_queues_every_stored_text_and_a_worker_stores_the_same_claims_again()
    {
        Assert.Equal(0, Run("ingest", Corpus("seeds"), "--db", Database).ExitCode);
        var before = Run("claims", "--db", Database, "--format", "jsonl").Output;

        Assert.Equal("5 document versions queued for re-extraction by marsad worker.\n", Run("reextract", "--defer", "--db", Database).Output);
        Assert.Equal((5, 0, 0, 0), Queue());
        Assert.Equal(0, Run("worker", "--until-idle", "--db", Database).ExitCode);

        Assert.Equal((0, 0, 5, 0), Queue());
        Assert.Equal(before, Run("claims", "--db", Database, "--format", "jsonl").Output);
    }

    /// <summary>A worker that waits ten minutes after each lease, holding its jobs.</summary>
    private static Process Paused(params string[] arguments) =>
        StartWith(new Dictionary<string, string> { ["MARSAD_WORKER_PAUSE_AFTER_LEASE"] = "600" }, arguments);

    private (int Queued, int Leased, int Done, int Failed) Queue()
    {
        var counts = CountsLine().Match(Run("queue", "--db", Database).Output);
        Assert.True(counts.Success);
        return (Number(counts, 1), Number(counts, 2), Number(counts, 3), Number(counts, 4));
    }

    private static int DoneIn(string output) => BatchLine().Matches(output).Sum(m => Number(m, 1));

    private static int Number(Match match, int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static string? ReadLine(Process process)
    {
        var line = process.StandardOutput.ReadLineAsync();
        Assert.True(line.Wait(HangAfter), "the worker printed nothing");
        return line.Result;
    }

    private static (int ExitCode, string Output, string Errors) Finish(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HangAfter))
        {
            process.Kill();
            throw new TimeoutException("a worker did not end");
        }

        return (process.ExitCode, output.Result, errors.Result);
    }

    [GeneratedRegex(@"(\d+) queued, (\d+) leased, (\d+) done, (\d+) failed\.")]
    private static partial Regex CountsLine();

    [GeneratedRegex(@"^batch of \d+: (\d+) done", RegexOptions.Multiline)]
    private static partial Regex BatchLine();
}
