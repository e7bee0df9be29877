using Marsad.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Marsad.Tests.Support;

/// <summary>
/// The API as a user meets it: a store in a temporary folder of its own, served on a free loopback
/// port, with a client for it. Stopped and started again, it serves the same store; disposed, it
/// stops and its folder goes.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private WebApplication? app;

    public LoopbackServer(string name)
    {
        Folder = Path.Combine(Path.GetTempPath(), $"marsad-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string Database => Path.Combine(Folder, "marsad.db");

    /// <summary>The server's address, once started: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>A client of the running server; a new one each start, so headers set on it last one run.</summary>
    public HttpClient Client { get; private set; } = new();

    public async Task StartAsync(WebOptions options)
    {
        app = MarsadWeb.Create(options, "http://127.0.0.1:0");
        await app.StartAsync();
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Client.Dispose();
        Client = new HttpClient { BaseAddress = Address };
    }

    public async Task StopAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }

        // Pooled connections would keep the store's files open past the test.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Client.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
