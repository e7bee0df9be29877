using System.CommandLine;
using Marsad.Monitoring;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad watch [--once]</c>: polls the sources, ingests the articles they lead to, and raises alerts.</summary>
internal static class WatchCommand
{
    public static Command Create(SharedOptions shared)
    {
        var arguments = new WatchArguments();
        var once = new Option<bool>("--once") { Description = "Poll every source (not paused) one round, then exit." };
        var command = new Command("watch", "Poll the sources (marsad sources): follow feed entries and sitemaps to their pages, read the article out of each, store each report once, and alert when the record changes. Ctrl+C stops it.")
        {
            once,
        };
        foreach (var option in arguments.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancel) =>
        {
            if (shared.Extractor(result) is not { } extractor || arguments.Read(result) is not var (options, hooks))
            {
                return ExitCodes.BadUsage;
            }

            using var store = shared.Store(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            if (store.Sources().Count == 0)
            {
                Console.Error.WriteLine("error: no sources to watch; add one with `marsad sources add URL`.");
                return ExitCodes.BadUsage;
            }

            using var fetcher = new HttpFetcher(options.Limits);
            using var webhooks = new Webhooks(hooks, options.Limits.Timeout, Webhooks.DefaultRetryDelays);
            var watcher = new Watcher(store, extractor, fetcher, options, Console.WriteLine);
            if (result.GetValue(once))
            {
                var round = await watcher.RunOnce(all: true, cancel);
                await Report(round, webhooks, cancel);
                return round.Failed > 0 ? ExitCodes.SomeInputFailed : ExitCodes.Success;
            }

            try
            {
                await watcher.Run(TimeSpan.FromMinutes(1), round => Report(round, webhooks, cancel), cancel);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("stopped.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task Report(WatchRound round, Webhooks webhooks, CancellationToken cancel)
    {
        Console.WriteLine(
            $"{round.Sources} sources polled ({round.Failed} failed), {round.Pages} pages read, {round.Stored} reports stored, {round.Duplicates} copies recognised, "
            + $"{round.Requests} requests; {round.Alerts.Count} alerts.");
        foreach (var alert in round.Alerts)
        {
            Console.WriteLine($"  alert {alert.Id} {alert.Kind}: {alert.Explanation}");
        }

        foreach (var failure in await webhooks.Deliver(round.Alerts, cancel))
        {
            Console.Error.WriteLine("webhook: " + failure);
        }
    }
}
