namespace Marsad.Tests.Support;

/// <summary>
/// Work a test runs beside its own loop — a writer while the test reads — on a thread of its own.
/// A test that reads until the writer is done keeps its thread-pool thread busy all along; a writer
/// queued to the pool behind it can wait for a free thread for ever (seen on two cores: a test host
/// spinning for 20 minutes with the writer still queued).
/// </summary>
public static class Background
{
    public static Task Start(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
