using System.CommandLine;
using Marsad.Monitoring;

namespace Marsad.Cli.Commands;

/// <summary>The watcher's options, shared by <c>marsad watch</c> and <c>marsad serve --watch</c>.</summary>
internal sealed class WatchArguments
{
    public Option<double> PerHostDelay { get; } = new("--per-host-delay")
    {
        Description = "Seconds between two requests to one host (politeness; one request at a time per host).",
        DefaultValueFactory = _ => FetchLimits.Default.PerHostDelay.TotalSeconds,
    };

    public Option<double> Timeout { get; } = new("--timeout") { Description = "Seconds a request may take, from its turn at its host to its last byte.", DefaultValueFactory = _ => FetchLimits.Default.Timeout.TotalSeconds };

    public Option<long> MaxBytes { get; } = new("--max-bytes") { Description = "The largest body read; a larger one is refused unread.", DefaultValueFactory = _ => FetchLimits.Default.MaxBytes };

    public Option<int> MaxRedirects { get; } = new("--max-redirects") { Description = "Redirects followed per fetch.", DefaultValueFactory = _ => FetchLimits.Default.MaxRedirects };

    public Option<int> Parallel { get; } = new("--parallel") { Description = "Sources polled at once.", DefaultValueFactory = _ => WatchOptions.Default.Parallelism };

    public Option<string?> Sites { get; } = new("--sites") { Description = "A JSON file of per-site extraction rules (docs/monitoring.md), laid over the built-in ones." };

    public Option<string[]> Webhooks { get; } = new("--webhook") { Description = "POST every new alert as JSON to this URL (repeatable); retried on failure.", Arity = ArgumentArity.ZeroOrMore };

    public IEnumerable<Option> All => [PerHostDelay, Timeout, MaxBytes, MaxRedirects, Parallel, Sites, Webhooks];

    /// <summary>The options as given; null, with the reason on standard error, when one is bad.</summary>
    public (WatchOptions Options, IReadOnlyList<Uri> Webhooks)? Read(ParseResult result)
    {
        var sites = SiteRules.Default;
        if (result.GetValue(Sites) is { } path)
        {
            var (rules, error) = SiteRules.Read(path);
            if (rules is null)
            {
                Console.Error.WriteLine("error: " + error);
                return null;
            }

            sites = rules;
        }

        var hooks = new List<Uri>();
        foreach (var hook in result.GetValue(Webhooks) ?? [])
        {
            if (!Uri.TryCreate(hook, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                Console.Error.WriteLine($"error: --webhook '{hook}' is not an http or https address.");
                return null;
            }

            hooks.Add(uri);
        }

        var limits = new FetchLimits(
            TimeSpan.FromSeconds(Math.Max(0.1, result.GetValue(Timeout))), Math.Max(1, result.GetValue(MaxBytes)), Math.Max(0, result.GetValue(MaxRedirects)),
            TimeSpan.FromSeconds(Math.Max(0, result.GetValue(PerHostDelay))));
        return (WatchOptions.Default with { Limits = limits, Parallelism = Math.Max(1, result.GetValue(Parallel)), Sites = sites }, hooks);
    }
}
