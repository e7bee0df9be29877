using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marsad.Tests.Support;

/// <summary>
/// A web site on 127.0.0.1 (a free port) that tests fill with feeds and pages and change between
/// rounds, and that misbehaves on request; it counts the requests to each path and keeps when they came.
/// </summary>
public sealed class FixtureServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RequestDelegate> routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, DateTimeOffset At)> requests = new();
    private readonly WebApplication app;

    private FixtureServer(WebApplication app) => this.app = app;

    public Uri Root { get; private set; } = new("http://127.0.0.1/");

    public static async Task<FixtureServer> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FixtureServer(app);
        app.Run(server.Handle);
        await app.StartAsync();
        server.Root = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return server;
    }

    public Uri Url(string pathAndQuery) => new(Root, pathAndQuery);

    public void Serve(string path, string contentType, string body) => Serve(path, contentType, Encoding.UTF8.GetBytes(body));

    public void Serve(string path, string contentType, byte[] body) => routes[path] = context =>
    {
        context.Response.ContentType = contentType;
        return context.Response.Body.WriteAsync(body).AsTask();
    };

    public void Serve(string path, RequestDelegate handler) => routes[path] = handler;

    /// <summary>How many requests came for a path (with its query).</summary>
    public int Hits(string path) => requests.Count(r => r.Path == path);

    public IReadOnlyList<DateTimeOffset> TimesOf(string path) => [.. requests.Where(r => r.Path == path).Select(r => r.At)];

    private Task Handle(HttpContext context)
    {
        var path = context.Request.Path + context.Request.QueryString;
        requests.Enqueue((context.Request.Path.Value!, DateTimeOffset.UtcNow));
        if (routes.TryGetValue(path, out var handler) || routes.TryGetValue(context.Request.Path.Value!, out handler))
        {
            return handler(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
