using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Marsad.Storage;
using Marsad.Web;
using Microsoft.Extensions.Hosting;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad serve</c>: the HTTP API and dashboard over the store, on loopback unless told otherwise.</summary>
internal static class ServeCommand
{
    public static Command Create(SharedOptions shared)
    {
        var port = new Option<int>("--port") { Description = "The port to listen on, 1 to 65535.", DefaultValueFactory = _ => 5080 };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 65535)
            {
                result.AddError($"--port: {result.GetValueOrDefault<int>()} is not a port; give one from 1 to 65535 (5080 by default).");
            }
        });
        var host = new Option<string>("--host") { Description = "The address to listen on: an IP address (0.0.0.0 for every interface) or localhost.", DefaultValueFactory = _ => "127.0.0.1" };
        host.Validators.Add(result =>
        {
            // Kestrel would listen on every interface for a name it does not know: only addresses are taken.
            var value = result.GetValueOrDefault<string>();
            if (value != "localhost" && !IPAddress.TryParse(value, out _))
            {
                result.AddError($"--host: {value} is not an IP address; give one such as 127.0.0.1 (this machine only) or 0.0.0.0 (every interface).");
            }
        });
        var closed = new Option<bool>("--token-to-read") { Description = "Reading needs a reviewer token too (by default only writing does)." };
        var watch = new Option<bool>("--watch") { Description = "Also run the watcher (marsad watch) inside the server: poll the sources, ingest, alert." };
        var watching = new WatchArguments();
        var command = new Command("serve", "Serve the dashboard and the HTTP API (OpenAPI at /openapi/v1.json): documents, claims and reviews, tallies, checks, places, exports, alerts.")
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
            int documents;
            using (var store = shared.StoreOrNew(result))
            {
                if (store is null)
                {
                    return ExitCodes.BadUsage;
                }

                documents = store.DocumentCount;
            }

            var address = IPAddress.TryParse(result.GetValue(host), out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{ip}]" : result.GetValue(host);
            var url = $"http://{address}:{result.GetValue(port)}";
            var watcher = result.GetValue(watch) ? new WatchSettings(watchOptions, webhooks, Console.WriteLine) : null;
            var app = MarsadWeb.Create(new WebOptions(database, extractor, OpenReading: !result.GetValue(closed), Watch: watcher), url);
            try
            {
                app.StartAsync().GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is IOException or SocketException)
            {
                Console.Error.WriteLine($"error: cannot listen on {url}: {e.Message.ReplaceLineEndings(" ")} Choose another --port, or stop what uses this one.");
                return ExitCodes.BadUsage;
            }

            Console.WriteLine($"Marsad serves {MarsadStore.Describe(database)}: dashboard at {url}/, API at {url}/api, OpenAPI at {url}/openapi/v1.json. Ctrl+C stops it.");
            if (documents == 0)
            {
                Console.WriteLine($"{database} holds no reports yet: upload them on the dashboard, or `marsad ingest REPORTS --db {database}`; `marsad demo` shows the sample reports in a store of its own.");
            }

            app.WaitForShutdown();
            return ExitCodes.Success;
        });
        return command;
    }
}
