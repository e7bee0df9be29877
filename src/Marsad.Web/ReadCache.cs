using System.Collections.Concurrent;
using System.IO.Compression;
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
            await Send(context, cached);
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

        if (context.Response.StatusCode != StatusCodes.Status200OK)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
            return;
        }

        if (entries.Count >= MostEntries)
        {
            entries.Clear();
        }

        var entry = entries[key] = new Entry(version, context.Response.ContentType ?? "application/json", buffer.ToArray(), Gzip(buffer));
        context.Response.Headers.ETag = etag;
        context.Response.ContentLength = null;
        await Send(context, entry);
    }

    /// <summary>The body as the client accepts it: compressed once when cached, sent compressed to every client that asks.</summary>
    private static async Task Send(HttpContext context, Entry entry)
    {
        context.Response.Headers.Vary = "Accept-Encoding";
        var gzip = context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        if (gzip)
        {
            context.Response.Headers.ContentEncoding = "gzip";
        }

        var body = gzip ? entry.Gzip : entry.Body;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static byte[] Gzip(MemoryStream body)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body.GetBuffer(), 0, (int)body.Length);
        }

        return compressed.ToArray();
    }

    private sealed record Entry(long Version, string ContentType, byte[] Body, byte[] Gzip);
}
