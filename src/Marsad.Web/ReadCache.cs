using System.IO.Compression;
using Marsad.Storage;
using Microsoft.AspNetCore.Http;

namespace Marsad.Web;

/// <summary>
/// Answers a read the store has already answered since what it reads last changed, and its ETag
/// lets a client that has it get a 304: a repeated read of a tally over every claim then costs a
/// lookup. An anonymous read depends on the record only (<see cref="MarsadStore.Generation"/>:
/// documents, claims, reviews), so adding a user or recording a failed upload keeps it; a read
/// with a token depends on every commit (<see cref="MarsadStore.ChangesSeen"/>), as the token's
/// user may have changed.
/// </summary>
/// <remarks>
/// Memory is bounded whatever clients ask: the entries share a byte budget and the least recently
/// used go first, and a body larger than <see cref="LargestEntryBytes"/> is streamed to its
/// client and never kept (nor buffered past that size).
/// </remarks>
internal sealed class ReadCache(RequestDelegate next, WebOptions options) : IDisposable
{
    /// <summary>What all entries together may hold, bodies and their compressed copies.</summary>
    public const long BudgetBytes = 48L * 1024 * 1024;

    /// <summary>The largest body kept: a tally or a page of claims, not a whole long report.</summary>
    public const int LargestEntryBytes = 2 * 1024 * 1024;

    private readonly Dictionary<string, LinkedListNode<Entry>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> leastRecentLast = new();
    private readonly Lock guard = new();
    private readonly MarsadStore watcher = MarsadStore.OpenMigrated(options.Database);
    private readonly Lock watching = new();
    private long bytes;

    public void Dispose() => watcher.Dispose();

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var anonymous = string.IsNullOrEmpty(context.Request.Headers.Authorization);
        long version;
        lock (watching)
        {
            version = anonymous ? watcher.Generation() : watcher.ChangesSeen();
        }

        var key = (anonymous ? "r|" : "c|") + context.Request.Path + context.Request.QueryString + "|" + context.Request.Headers.Authorization;
        var etag = $"\"{(anonymous ? "r" : "c")}{version}-{(uint)key.GetHashCode(StringComparison.Ordinal):x8}\"";
        if (Find(key, version) is { } cached)
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
        await using var buffer = new BoundedBuffer(original, LargestEntryBytes);
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (buffer.Overflowed || context.Response.StatusCode != StatusCodes.Status200OK)
        {
            await buffer.SendKept(context.RequestAborted);
            return;
        }

        var body = buffer.Kept.ToArray();
        var entry = new Entry(key, version, context.Response.ContentType ?? "application/json", body, Gzip(body));
        Keep(entry);
        context.Response.Headers.ETag = etag;
        context.Response.ContentLength = null;
        await Send(context, entry);
    }

    private Entry? Find(string key, long version)
    {
        lock (guard)
        {
            if (!entries.TryGetValue(key, out var node))
            {
                return null;
            }

            if (node.Value.Version != version)
            {
                Remove(node);
                return null;
            }

            leastRecentLast.Remove(node);
            leastRecentLast.AddFirst(node);
            return node.Value;
        }
    }

    private void Keep(Entry entry)
    {
        lock (guard)
        {
            if (entries.TryGetValue(entry.Key, out var old))
            {
                Remove(old);
            }

            entries[entry.Key] = leastRecentLast.AddFirst(entry);
            bytes += entry.Size;
            while (bytes > BudgetBytes && leastRecentLast.Last is { } last)
            {
                Remove(last);
            }
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        leastRecentLast.Remove(node);
        entries.Remove(node.Value.Key);
        bytes -= node.Value.Size;
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

    private static byte[] Gzip(byte[] body)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return compressed.ToArray();
    }

    private sealed record Entry(string Key, long Version, string ContentType, byte[] Body, byte[] Gzip)
    {
        public long Size => Key.Length * 2L + Body.Length + Gzip.Length;
    }

    /// <summary>
    /// Keeps what a response writes while it is small enough to cache; past the limit it sends
    /// what it kept and everything after straight to the client, holding nothing more.
    /// </summary>
    private sealed class BoundedBuffer(Stream client, int limit) : Stream
    {
        public MemoryStream Kept { get; } = new();

        public bool Overflowed { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) =>
            WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!Overflowed && Kept.Length + buffer.Length <= limit)
            {
                Kept.Write(buffer.Span);
                return;
            }

            if (!Overflowed)
            {
                Overflowed = true;
                await client.WriteAsync(Kept.GetBuffer().AsMemory(0, (int)Kept.Length), cancellationToken);
                Kept.SetLength(0);
                Kept.Capacity = 0;
            }

            await client.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        /// <summary>Sends what was kept, for a response that is not cached.</summary>
        public async Task SendKept(CancellationToken cancellationToken)
        {
            if (!Overflowed && Kept.Length > 0)
            {
                await client.WriteAsync(Kept.GetBuffer().AsMemory(0, (int)Kept.Length), cancellationToken);
                Kept.SetLength(0);
            }
        }

        /// <summary>A response that flushes while it is kept stays kept: it is sent whole at the end.</summary>
        public override Task FlushAsync(CancellationToken cancellationToken) =>
            Overflowed ? client.FlushAsync(cancellationToken) : Task.CompletedTask;

        public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Kept.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
