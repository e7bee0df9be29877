using Marsad.Monitoring;
using Marsad.Storage;
using Microsoft.Extensions.Hosting;

namespace Marsad.Web;

/// <summary>How <c>marsad serve --watch</c> runs the watcher, and where its alerts go.</summary>
public sealed record WatchSettings(WatchOptions Options, IReadOnlyList<Uri> Webhooks, Action<string>? Log = null);

/// <summary>
/// The watcher inside the server (<c>marsad serve --watch</c>): rounds on its own store connection
/// until the server stops; a round that fails is logged and the next one runs.
/// </summary>
internal sealed class WatchService(WebOptions web, WatchSettings settings) : BackgroundService
{
    private static readonly TimeSpan Nap = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var store = MarsadStore.Open(web.Database);
        using var fetcher = new HttpFetcher(settings.Options.Limits);
        using var webhooks = new Webhooks(settings.Webhooks, settings.Options.Limits.Timeout, Webhooks.DefaultRetryDelays);
        var watcher = new Watcher(store, web.Extractor, fetcher, settings.Options, settings.Log);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await watcher.Run(Nap, async round =>
                {
                    settings.Log?.Invoke($"watch: {round.Sources} sources polled, {round.Stored} reports stored, {round.Alerts.Count} alerts.");
                    foreach (var failure in await webhooks.Deliver(round.Alerts, stoppingToken).ConfigureAwait(false))
                    {
                        settings.Log?.Invoke("webhook: " + failure);
                    }
                }, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException)
            {
                // One round's failure (the disk, a locked store) must not end watching: say so and go on.
                settings.Log?.Invoke($"watch: a round failed ({e.GetType().Name}: {e.Message}); the next starts in a minute.");
                await Task.Delay(Nap, stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
