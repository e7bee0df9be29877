using System.Diagnostics;
using System.Globalization;
using System.Text;
using Marsad.Extraction;
using Marsad.Monitoring;
using Marsad.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

// One watch round over many loopback sources (bench/watch-throughput.sh): a site on HOSTS ports of
// 127.0.0.1 — each port a host to politeness and robots.txt — serving SOURCES RSS feeds, each with
// two article pages in site furniture, every article a distinct report; a fresh store; the round
// timed from its first request to its alerts. Prints articles per second and requests per host per second.
var sources = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var hosts = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var parallel = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;
var delayMs = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 0;

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
var ports = Enumerable.Range(0, hosts).Select(_ => FreePort()).ToList();
builder.WebHost.UseUrls([.. ports.Select(p => $"http://127.0.0.1:{p}")]);
var site = builder.Build();
site.MapGet("/feed/{n:int}.xml", (int n, HttpContext context) =>
{
    var root = $"http://127.0.0.1:{context.Connection.LocalPort}";
    var xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Site</title>");
    for (var j = 0; j < 2; j++)
    {
        xml.Append(CultureInfo.InvariantCulture, $"<item><title>Report {n}-{j}</title><link>{root}/news/{n}/{j}</link><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate></item>");
    }

    return Results.Text(xml.Append("</channel></rss>").ToString(), "application/rss+xml");
});
site.MapGet("/news/{n:int}/{j:int}", (int n, int j) => Results.Text(Page(n, j), "text/html; charset=utf-8"));
await site.StartAsync();

var folder = Path.Combine(Path.GetTempPath(), "marsad-watchbench-" + Guid.NewGuid().ToString("N"));
try
{
    using var store = MarsadStore.Open(Path.Combine(folder, "bench.db"));
    for (var n = 0; n < sources; n++)
    {
        store.AddSource($"http://127.0.0.1:{ports[n % hosts]}/feed/{n}.xml", $"site {n}", SourceKind.Rss, TimeSpan.FromMinutes(30));
    }

    var limits = FetchLimits.Default with { PerHostDelay = TimeSpan.FromMilliseconds(delayMs), Timeout = TimeSpan.FromSeconds(60) };
    using var fetcher = new HttpFetcher(limits);
    var watcher = new Watcher(store, ClaimExtractor.Default, fetcher, WatchOptions.Default with { Limits = limits, Parallelism = parallel });
    var clock = Stopwatch.StartNew();
    var round = await watcher.RunOnce(all: true);
    var seconds = clock.Elapsed.TotalSeconds;
    var perHost = fetcher.RequestsPerHost.Values.Select(r => r / seconds).ToList();
    Console.WriteLine(
        $"{round.Sources} sources on {hosts} hosts, {parallel} at once, {delayMs} ms between requests to a host: {round.Stored} articles stored "
        + $"({round.Failed} sources failed), {round.Requests} requests in {seconds:0.00} s");
    Console.WriteLine(
        $"{round.Stored / seconds:0.0} articles/s; {round.Requests / seconds:0.0} requests/s; per host {perHost.Average():0.00} requests/s on average, {perHost.Max():0.00} at most");
}
finally
{
    await site.StopAsync();
    Directory.Delete(folder, recursive: true);
}

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}

// A distinct report a page: its figures are made from its numbers, so no two are copies.
static string Page(int n, int j)
{
    var killed = 3 + (n * 2) + j;
    var injured = 7 + n + (j * 5);
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Site</title>"
        + "<meta property=\"article:published_time\" content=\"2024-03-04T10:00:00Z\"></head><body>"
        + "<header><nav class=\"menu\"><a href=\"/\">Home</a> <a href=\"/live\">Live: 7 updates</a></nav></header>"
        + $"<article><h1>Shelling kills {killed} civilians in district {n}</h1>"
        + $"<p>At least {killed} civilians were killed on Monday in shelling on district {n} of the city, the observatory said in report {j}.</p>"
        + "<div class=\"box\"><h3>Read also</h3><ul><li><a href=\"/x\">40 people killed elsewhere</a></li></ul></div>"
        + $"<p>Another {injured} people were injured, some of them critically, and rescue teams searched the rubble for survivors.</p></article>"
        + "<div id=\"comments\"><h3>Comments (12)</h3></div><footer><p>All rights reserved.</p></footer></body></html>";
}
