using System.CommandLine;
using System.Globalization;
using Marsad.Monitoring;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad sources add|list|remove|pause|resume|events</c>: the feeds, sitemaps and pages <c>marsad watch</c> polls.</summary>
internal static class SourcesCommand
{
    public static Command Create(SharedOptions shared)
    {
        var command = new Command("sources", "The sources marsad watch polls: feeds (RSS, Atom, JSON Feed), sitemaps and pages.");
        command.Subcommands.Add(Add(shared));
        command.Subcommands.Add(List(shared));
        command.Subcommands.Add(Change(shared, "remove", "Stop watching a source; the reports read from it stay.", (store, source) =>
        {
            store.RemoveSource(source.Id);
            return $"{source.Name} removed.";
        }));
        command.Subcommands.Add(Change(shared, "pause", "Stop polling a source for now (marsad sources resume starts again).", (store, source) =>
        {
            store.PauseSource(source.Id, paused: true);
            return $"{source.Name} paused.";
        }));
        command.Subcommands.Add(Change(shared, "resume", "Poll a paused source again, at once.", (store, source) =>
        {
            store.PauseSource(source.Id, paused: false);
            return $"{source.Name} resumed.";
        }));
        command.Subcommands.Add(Change(shared, "events", $"A source's last {MarsadStore.FetchEventsKept} polls, the latest first, each with its reason.", (store, source) =>
            string.Join('\n', store.FetchEvents(source.Id).Select(e =>
                $"{e.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}  {MarsadStore.Code(e.Outcome),-12} {e.Status?.ToString(CultureInfo.InvariantCulture) ?? "-",3}  {e.Elapsed.TotalMilliseconds,6:0} ms  {e.Reason}"))));
        return command;
    }

    private static Command Add(SharedOptions shared)
    {
        var url = new Argument<string>("url") { Description = "The feed, sitemap or page to watch (http or https)." };
        var name = new Option<string?>("--name") { Description = "The source's name, stored as each report's source (default: the host)." };
        var kind = new Option<string>("--kind") { Description = "What the URL serves; auto tells it from the first answer.", DefaultValueFactory = _ => "auto" }
            .AcceptOnlyFromAmong("auto", "rss", "atom", "json", "sitemap", "html");
        var interval = new Option<double>("--interval") { Description = "Minutes between polls to start with (it adapts to how often the source has news).", DefaultValueFactory = _ => PollingPolicy.Default.Initial.TotalMinutes };
        var add = new Command("add", "Watch a source: marsad watch polls it from its next round.") { url, name, kind, interval };
        add.SetAction(result =>
        {
            if (CanonicalUrl.Of(result.GetValue(url)!) is null)
            {
                Console.Error.WriteLine($"error: '{result.GetValue(url)}' is not an http or https address.");
                return ExitCodes.BadUsage;
            }

            var address = new Uri(result.GetValue(url)!);
            using var store = shared.StoreOrNew(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            var source = store.AddSource(
                address.ToString(), result.GetValue(name) ?? address.Host, Enum.Parse<SourceKind>(result.GetValue(kind)!, ignoreCase: true),
                PollingPolicy.Default.Clamp(TimeSpan.FromMinutes(result.GetValue(interval))));
            if (source is null)
            {
                Console.Error.WriteLine($"error: {address} is watched already; `marsad sources list` shows it.");
                return ExitCodes.BadUsage;
            }

            Console.WriteLine($"source {source.Id} added: {source.Name} ({source.Url}), polled every {source.Interval.TotalMinutes:0.#} minutes to start with.");
            return ExitCodes.Success;
        });
        return add;
    }

    private static Command List(SharedOptions shared)
    {
        var list = new Command("list", "List the sources: state, interval, last poll and its reason, failures.");
        list.SetAction(result =>
        {
            using var store = shared.Store(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            Console.WriteLine($"{"id",4} {"name",-20} {"kind",-7} {"state",-7} {"every",7} {"failures",8}  {"last poll",-19}  last outcome");
            foreach (var source in store.Sources())
            {
                var last = store.FetchEvents(source.Id) is [var latest, ..] ? latest : null;
                Console.WriteLine(
                    $"{source.Id,4} {Cut(source.Name, 20),-20} {MarsadStore.Code(source.Kind),-7} {(source.Paused ? "paused" : "active"),-7} {Minutes(source.Interval),7} {source.Failures,8:0.##}  "
                    + $"{source.LastFetchAt?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "never",-19}  {(last is null ? "-" : $"{MarsadStore.Code(last.Outcome)}: {last.Reason}")}");
                Console.WriteLine($"     {source.Url}");
            }

            return ExitCodes.Success;
        });
        return list;
    }

    private static Command Change(SharedOptions shared, string name, string description, Func<MarsadStore, Source, string> change)
    {
        var which = new Argument<string>("source") { Description = "The source's number (marsad sources list) or URL." };
        var command = new Command(name, description) { which };
        command.SetAction(result =>
        {
            using var store = shared.Store(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            if (store.FindSource(result.GetValue(which)!) is not { } source)
            {
                Console.Error.WriteLine($"error: no source {result.GetValue(which)}; `marsad sources list` shows them.");
                return ExitCodes.BadUsage;
            }

            Console.WriteLine(change(store, source));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Minutes(TimeSpan interval) =>
        interval.TotalHours >= 1 ? $"{interval.TotalHours:0.#} h" : $"{interval.TotalMinutes:0.#} m";

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
