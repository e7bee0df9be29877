using System.CommandLine;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Storage;
using Marsad.Web;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad serve</c>: the HTTP API over the store, on loopback unless told otherwise.</summary>
internal static class ServeCommand
{
    public static Command Create(SharedOptions shared)
    {
        var port = new Option<int>("--port") { Description = "The port to listen on.", DefaultValueFactory = _ => 5080 };
        var host = new Option<string>("--host") { Description = "The address to listen on (0.0.0.0 for every interface).", DefaultValueFactory = _ => "127.0.0.1" };
        var closed = new Option<bool>("--token-to-read") { Description = "Reading needs a reviewer token too (by default only writing does)." };
        var watch = new Option<bool>("--watch") { Description = "Also run the watcher (marsad watch) inside the server: poll the sources, ingest, alert." };
        var watching = new WatchArguments();
        var command = new Command("serve", "Serve the HTTP API (OpenAPI at /openapi/v1.json): documents, claims and reviews, tallies, checks, places, exports, alerts.")
        {
            port, host, closed, watch,
        };
        foreach (var option in watching.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            if (shared.Extractor(result) is not { } extractor || watching.Read(result) is not var (watchOptions, webhooks))
            {
                return ExitCodes.BadUsage;
            }

            var database = result.GetValue(shared.Database)!;
            using (var store = MarsadStore.Open(database))
            {
                // A fresh store shows something: the bundled (fictional) sample reports.
                if (store.DocumentCount == 0)
                {
                    var samples = Path.Combine(AppContext.BaseDirectory, "samples", "reports");
                    var tally = IngestCommand.Ingest(store, extractor, ReportReader.Read([samples], DocumentMetadata.None));
                    Console.WriteLine($"{database} was empty: {tally.Added} sample reports from {samples} ingested.");
                }
            }

            var url = $"http://{result.GetValue(host)}:{result.GetValue(port)}";
            var watcher = result.GetValue(watch) ? new WatchSettings(watchOptions, webhooks, Console.WriteLine) : null;
            var app = MarsadWeb.Create(new WebOptions(database, extractor, OpenReading: !result.GetValue(closed), Watch: watcher), url);
            Console.WriteLine($"Marsad serves {database}: dashboard at {url}/, API at {url}/api, OpenAPI at {url}/openapi/v1.json. Ctrl+C stops it.");
            app.Run();
            return ExitCodes.Success;
        });
        return command;
    }
}
