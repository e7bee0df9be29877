using System.Collections.Concurrent;
using Marsad.Storage;
using Microsoft.AspNetCore.Http;

namespace Marsad.Web;

/// <summary>
/// Answers a read the store has already answered since it last changed: the response is kept with
/// the changes a watching connection has seen (<see cref="MarsadStore.ChangesSeen"/>), sent again
/// while no change comes, and its ETag lets a client that has it get a 304. A repeated read of a
/// tally over every claim then costs one pragma.
/// </summary>
internal sealed class ReadCache(RequestDelegate next, WebOptions options) : IDisposable
{
    private const int MostEntries = 2048;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly MarsadStore watcher = MarsadStore.OpenMigrated(options.Database);
    private readonly Lock watching = new();

    public void Dispose() => watcher.Dispose();

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || !context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        long version;
        lock (watching)
        {
            version = watcher.ChangesSeen();
        }

        var key = context.Request.Path + context.Request.QueryString + "|" + context.Request.Headers.Authorization;
        var etag = $"\"{version}-{(uint)key.GetHashCode(StringComparison.Ordinal):x8}\"";
        if (entries.TryGetValue(key, out var cached) && cached.Version == version)
        {
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.ContentType = cached.ContentType;
            context.Response.Headers.ETag = etag;
            await context.Response.Body.WriteAsync(cached.Body, context.RequestAborted);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            if (entries.Count >= MostEntries)
            {
                entries.Clear();
            }

            entries[key] = new Entry(version, context.Response.ContentType ?? "application/json", buffer.ToArray());
            context.Response.Headers.ETag = etag;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private sealed record Entry(long Version, string ContentType, byte[] Body);
}
