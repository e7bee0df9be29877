using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Marsad.Monitoring;

/// <summary>
/// The limits a fetch keeps: how long each request may take from its turn to its last byte, how large a body may be, how many
/// redirects it follows, how long to wait between two requests to one host (politeness: one at a
/// time per host, this far apart), and the product token it gives (also its robots.txt group).
/// </summary>
public sealed record FetchLimits(TimeSpan Timeout, long MaxBytes, int MaxRedirects, TimeSpan PerHostDelay, string ProductToken = "Marsad")
{
    public static FetchLimits Default { get; } = new(TimeSpan.FromSeconds(30), 5L * 1024 * 1024, 5, TimeSpan.FromSeconds(5));
}

/// <summary>What one fetch gave.</summary>
public abstract record Fetched(Uri Url);

/// <summary>A body, after redirects, with the validators the server gave.</summary>
public sealed record FetchedBody(Uri Url, int Status, byte[] Body, string? ContentType, string? ETag, string? LastModified) : Fetched(Url);

/// <summary>304: the server says the content has not changed since the validators sent.</summary>
public sealed record FetchedNotModified(Uri Url) : Fetched(Url);

/// <summary>Nothing usable, and why (the status, when there was one).</summary>
public sealed record FetchFailed(Uri Url, int? Status, string Reason) : Fetched(Url);

/// <summary>
/// Fetches over one <see cref="HttpClient"/> on a <see cref="SocketsHttpHandler"/>: redirects followed
/// by hand (so that a loop is named as one and the limit holds), each request under a timeout,
/// the body read up to the size limit and no further, robots.txt asked once per host and obeyed,
/// and requests to one host one at a time, <see cref="FetchLimits.PerHostDelay"/> apart. Never
/// throws for what a server does: every failure is a <see cref="FetchFailed"/> with its reason.
/// </summary>
public sealed class HttpFetcher : IDisposable
{
    private const int ChunkBytes = 64 * 1024;

    private readonly HttpClient client;
    private readonly FetchLimits limits;
    private readonly ConcurrentDictionary<string, HostGate> gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<Robots>>> robots = new(StringComparer.Ordinal);
    private long requests;

    public HttpFetcher(FetchLimits limits)
    {
        this.limits = limits;
        client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = limits.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 4,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue(limits.ProductToken, "1.0"));
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("(+https://github.com/marsad; monitoring of conflict reports)"));
    }

    /// <summary>Requests sent so far, robots.txt included.</summary>
    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Requests sent so far to each host.</summary>
    public IReadOnlyDictionary<string, long> RequestsPerHost => gates.ToDictionary(g => g.Key, g => g.Value.Requests, StringComparer.Ordinal);

    /// <summary>GET, conditional when validators are given, if robots.txt allows it.</summary>
    public async Task<Fetched> Get(Uri url, string? etag = null, string? lastModified = null, CancellationToken cancel = default)
    {
        var rules = await RobotsOf(url, cancel).ConfigureAwait(false);
        if (!rules.Allows(url.PathAndQuery))
        {
            return new FetchFailed(url, null, rules.Unreadable is { } why
                ? $"robots.txt of {CanonicalUrl.Authority(url)} could not be read ({why}): the site is off limits until it can (RFC 9309)"
                : $"robots.txt of {CanonicalUrl.Authority(url)} disallows {url.PathAndQuery}");
        }

        return await Fetch(url, etag, lastModified, cancel).ConfigureAwait(false);
    }

    private async Task<Fetched> Fetch(Uri url, string? etag, string? lastModified, CancellationToken cancel)
    {
        var visited = new List<Uri> { url };
        var current = url;
        try
        {
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                if (etag is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                }

                if (lastModified is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
                }

                using var sent = await Send(request, cancel).ConfigureAwait(false);
                var response = sent.Response;
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && status != 304)
                {
                    if (response.Headers.Location is not { } location)
                    {
                        return new FetchFailed(url, status, $"{status} redirect without a Location");
                    }

                    var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                    if (visited.Contains(next))
                    {
                        return new FetchFailed(url, status, "redirect loop: " + string.Join(" → ", visited.Append(next).Select(u => u.PathAndQuery)));
                    }

                    if (visited.Count > limits.MaxRedirects)
                    {
                        return new FetchFailed(url, status, $"more than {limits.MaxRedirects} redirects (last to {next})");
                    }

                    visited.Add(next);
                    current = next;
                    continue;
                }

                if (status == 304)
                {
                    return new FetchedNotModified(current);
                }

                if (status != 200)
                {
                    return new FetchFailed(url, status, $"HTTP {status} {response.ReasonPhrase}".TrimEnd());
                }

                if (response.Content.Headers.ContentLength is { } length && length > limits.MaxBytes)
                {
                    return new FetchFailed(url, status, $"too large: Content-Length {length:#,0} bytes, the limit is {limits.MaxBytes:#,0}");
                }

                var body = await ReadCapped(response.Content, sent.Deadline.Token).ConfigureAwait(false);
                return body is null
                    ? new FetchFailed(url, status, $"too large: more than {limits.MaxBytes:#,0} bytes")
                    : new FetchedBody(current, status, body, response.Content.Headers.ContentType?.ToString(), response.Headers.ETag?.ToString(),
                        response.Content.Headers.LastModified?.ToString("R"));
            }
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return new FetchFailed(url, null, $"timed out after {limits.Timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException e)
        {
            return new FetchFailed(url, null, "connection failed: " + (e.InnerException?.Message ?? e.Message));
        }
        catch (IOException e)
        {
            return new FetchFailed(url, null, "connection broken: " + e.Message);
        }
    }

    /// <summary>
    /// One request through the host's gate: one at a time per host, <see cref="FetchLimits.PerHostDelay"/>
    /// apart. Its deadline starts when its turn comes, so waiting behind a slow page of the same host
    /// is not counted against it; it covers the headers and then the body.
    /// </summary>
    private async Task<Sent> Send(HttpRequestMessage request, CancellationToken cancel)
    {
        var gate = gates.GetOrAdd(CanonicalUrl.Authority(request.RequestUri!), _ => new HostGate());
        await gate.Turn.WaitAsync(cancel).ConfigureAwait(false);
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        try
        {
            var wait = gate.NextAllowed - Stopwatch.GetElapsedTime(0);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancel).ConfigureAwait(false);
            }

            Interlocked.Increment(ref requests);
            Interlocked.Increment(ref gate.Count);
            deadline.CancelAfter(limits.Timeout);
            return new Sent(await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false), deadline);
        }
        catch
        {
            deadline.Dispose();
            throw;
        }
        finally
        {
            gate.NextAllowed = Stopwatch.GetElapsedTime(0) + limits.PerHostDelay;
            gate.Turn.Release();
        }
    }

    /// <summary>A response and the deadline its body is read under.</summary>
    private sealed record Sent(HttpResponseMessage Response, CancellationTokenSource Deadline) : IDisposable
    {
        public void Dispose()
        {
            Response.Dispose();
            Deadline.Dispose();
        }
    }

    /// <summary>The body, or null as soon as it passes the limit (the rest is never read).</summary>
    private async Task<byte[]?> ReadCapped(HttpContent content, CancellationToken cancel)
    {
        using var stream = await content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        using var body = new MemoryStream();
        var buffer = new byte[ChunkBytes];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancel).ConfigureAwait(false)) > 0)
        {
            if (body.Length + read > limits.MaxBytes)
            {
                return null;
            }

            body.Write(buffer, 0, read);
        }

        return body.ToArray();
    }

    /// <summary>
    /// A host's robots.txt, fetched once: a 4xx means no rules; a server error or no answer means
    /// the whole site is off limits for now (RFC 9309 §2.3.1.4), and it is asked again next time.
    /// </summary>
    private async Task<Robots> RobotsOf(Uri url, CancellationToken cancel)
    {
        var authority = CanonicalUrl.Authority(url);
        var lazy = robots.GetOrAdd(authority, _ => new Lazy<Task<Robots>>(() => ReadRobots(new Uri(url, "/robots.txt"), cancel)));
        var rules = await lazy.Value.ConfigureAwait(false);
        if (rules.Unreadable is not null)
        {
            robots.TryRemove(new KeyValuePair<string, Lazy<Task<Robots>>>(authority, lazy));
        }

        return rules;
    }

    private async Task<Robots> ReadRobots(Uri robotsUrl, CancellationToken cancel) =>
        await Fetch(robotsUrl, null, null, cancel).ConfigureAwait(false) switch
        {
            FetchedBody body => PageDecoder.Decode(body.Body, body.ContentType) is ({ } text, _) ? Robots.Parse(text, limits.ProductToken) : Robots.AllowAll,
            FetchFailed { Status: >= 400 and < 500 } => Robots.AllowAll,
            FetchFailed failed => Robots.Unreachable(failed.Reason),
            _ => Robots.Unreachable("not modified without a request for it"),
        };

    public void Dispose() => client.Dispose();

    private sealed class HostGate
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public TimeSpan NextAllowed { get; set; }

        public long Count;

        public long Requests => Interlocked.Read(ref Count);
    }
}
