using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Marsad.Extraction;
using Marsad.Model;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad worker</c>: extracts the documents <c>ingest --defer</c> queued, a leased batch at a
/// time (<see cref="QueueWorker"/>); several may run on one store.
/// </summary>
internal static class WorkerCommand
{
    /// <summary>How long an idle worker waits before it looks at the queue again.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// For the tests that kill a worker mid-batch: seconds a worker waits after each lease, holding
    /// its jobs, before it extracts them. Not for users.
    /// </summary>
    public const string PauseVariable = "MARSAD_WORKER_PAUSE_AFTER_LEASE";

    public static Command Create(SharedOptions shared)
    {
        var untilIdle = new Option<bool>("--until-idle") { Description = "Exit (0) once no job is queued or leased, instead of waiting for more." };
        var size = Positive("--batch", "Jobs leased, extracted and stored together, in one transaction.", WorkerOptions.Default.Batch);
        var lease = Positive("--lease", "Seconds a lease lasts: a batch not stored by then (its worker died) goes to another worker.", (int)WorkerOptions.Default.Lease.TotalSeconds);
        var attempts = Positive("--attempts", "Leases a job gets before it fails for good (marsad queue lists it with its reason).", WorkerOptions.Default.Attempts);
        var command = new Command("worker", "Extract the documents `marsad ingest --defer` queued: lease a batch, extract it on every core, store its claims and tallies in one transaction. Ctrl+C stops after the current batch.")
        {
            untilIdle, size, lease, attempts,
        };
        command.SetAction(result =>
        {
            if (shared.Extractor(result) is not { } extractor)
            {
                return ExitCodes.BadUsage;
            }

            using var store = shared.Store(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            var options = new WorkerOptions(result.GetValue(size), TimeSpan.FromSeconds(result.GetValue(lease)), result.GetValue(attempts));
            using var stop = new CancellationTokenSource();
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            Run(store, extractor.Extract, options, result.GetValue(untilIdle), stop.Token);
            return ExitCodes.Success;

            // The current batch is stored (or given back, when it is not yet extracted) before the worker exits.
            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Cancel();
            }
        });
        return command;
    }

    private static void Run(MarsadStore store, Func<SourceDocument, ExtractionResult> extract, WorkerOptions options, bool untilIdle, CancellationToken stop)
    {
        var name = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        var pause = double.TryParse(Environment.GetEnvironmentVariable(PauseVariable), CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.Zero;
        var (batches, done, failed) = (0, 0, 0);
        while (!stop.IsCancellationRequested)
        {
            var owner = $"{name}:{batches}";
            var outcome = QueueWorker.RunBatch(store, extract, owner, options, jobs => Leased(jobs, pause, stop), stop);
            if (outcome is null)
            {
                if (untilIdle && store.QueueIsIdle())
                {
                    break;
                }

                stop.WaitHandle.WaitOne(Poll);
                continue;
            }

            batches++;
            done += outcome.Done;
            failed += outcome.Failed;
            Console.WriteLine(Describe(outcome));
        }

        Console.WriteLine($"{done} documents extracted, {failed} failed, in {batches} batches{(stop.IsCancellationRequested ? "; stopped" : "")}.");
    }

    private static void Leased(IReadOnlyList<LeasedJob> jobs, TimeSpan pause, CancellationToken stop)
    {
        Console.WriteLine($"leased {jobs.Count} jobs");
        if (pause > TimeSpan.Zero)
        {
            stop.WaitHandle.WaitOne(pause);
        }
    }

    private static string Describe(BatchOutcome outcome)
    {
        var line = $"batch of {outcome.Leased}: {outcome.Done} done, {outcome.Retried} to retry, {outcome.Failed} failed";
        line += outcome.Lost > 0 ? $", {outcome.Lost} taken over by another worker" : "";
        line += outcome.GivenBack > 0 ? $", {outcome.GivenBack} given back" : "";
        return line + (outcome.Error is { } error ? $" ({error})" : "");
    }

    private static Option<int> Positive(string name, string description, int byDefault)
    {
        var option = new Option<int>(name) { Description = $"{description} Default {byDefault}.", DefaultValueFactory = _ => byDefault };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"{name}: {result.GetValueOrDefault<int>()} is not a positive whole number.");
            }
        });
        return option;
    }
}
