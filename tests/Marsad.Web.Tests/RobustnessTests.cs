using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Marsad.Extraction;
using Marsad.Ingest;
using Marsad.Storage;
using Marsad.Tests.Support;
using Marsad.Web;
using Xunit.Abstractions;

namespace Marsad.Tests;

/// <summary>The API under hostile uploads, concurrent writes and many distinct reads, over real HTTP on loopback.</summary>
public sealed class RobustnessTests(ITestOutputHelper output) : IAsyncLifetime, IAsyncDisposable
{
    private readonly LoopbackServer server = new("robust");
    private string token = "";

    private string Database => server.Database;

    private HttpClient Client => server.Client;

    public async Task InitializeAsync()
    {
        using (var store = MarsadStore.Open(Database))
        {
            token = store.AddUser("rania")!;
        }

        await server.StartAsync(new WebOptions(Database, ClaimExtractor.Default, OpenReading: true, MaxUploadBytes: 8L * 1024 * 1024));
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private static void Ingest(string database, IEnumerable<Model.SourceDocument> documents)
    {
        using var store = MarsadStore.Open(database);
        foreach (var report in ReportIngest.Run(store, ClaimExtractor.Default.Extract, documents.Select(d => new ReadDocument(d, "generated"))))
        {
            Assert.Null(report.Failure);
        }
    }

    [Fact]
    public async Task An_upload_of_reports_that_used_to_crash_stores_every_good_one_and_names_the_bad_one()
    {
        var lines = string.Join('\n',
            """{"id": "big", "text": "قتل 12345678901234567890123 شخصا، وأصيب 4 آخرون."}""",
            """{"id": "april", "text": "Since April 31, 40 people were killed.", "published": "2024-05-10"}""",
            """{"id": "digits", "text": "killed """ + new string('9', 100_000) + """ people and injured 3."}""",
            """{"id": "half", "text": "killed 5 \ud800 people"}""",
            """{"id": "odd", "text": "killed 6 people \ufffe here"}""");
        var response = await Client.PostAsync("/api/documents", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["big", "april", "digits", "odd"], body.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal((4, "read"), (error.GetProperty("line").GetInt32(), error.GetProperty("stage").GetString()));
    }

    [Fact]
    public async Task An_upload_that_stores_nothing_is_a_400_naming_each_failure()
    {
        var response = await Client.PostAsync("/api/documents", new StringContent("not json\n{\"id\": \"x\"}\n", Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal([1, 2], body.GetProperty("failures").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
    }

    [Theory]
    [InlineData("/api/tally")]
    [InlineData("/api/documents")]
    [InlineData("/api/no-such-thing")]
    [InlineData("/api/tally?since=yesterday")]
    [InlineData("/")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await Client.GetAsync(path);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("default-src", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_svg_chart_carries_the_security_headers()
    {
        Ingest(Database, GeneratedReports.Take(3));
        var series = JsonDocument.Parse(await Client.GetStringAsync("/api/tally")).RootElement[0].GetProperty("id").GetString();
        var chart = await Client.GetAsync("/api/chart?series=" + Uri.EscapeDataString(series!));
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(chart.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("default-src 'none'", Assert.Single(chart.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/documents?page=2147483647")]
    [InlineData("/api/claims?page=2147483647&size=500")]
    public async Task A_page_past_the_end_is_empty_not_the_first(string path)
    {
        Ingest(Database, GeneratedReports.Take(3));
        var body = JsonDocument.Parse(await Client.GetStringAsync(path)).RootElement;
        Assert.Empty(body.GetProperty("items").EnumerateArray());
        Assert.Equal(2147483647, body.GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task Forty_tally_and_checks_reads_during_an_ingest_of_3000_reports_all_succeed()
    {
        Client.DefaultRequestHeaders.Authorization = null;
        var readsStarted = 0;
        var ingest = Background.Start(() =>
        {
            using var store = MarsadStore.Open(Database);

            // The ingest keeps pace with the reads, however fast it is: report n is read only once
            // the read of its fortieth of the reports has begun, so every read meets the ingest
            // under way and batches commit between reads.
            var reads = GeneratedReports.Take(3000).Select((d, n) =>
            {
                while (Volatile.Read(ref readsStarted) <= n * 40 / 3000)
                {
                    Thread.Sleep(1);
                }

                return new ReadDocument(d, "generated");
            });
            Assert.All(ReportIngest.Run(store, ClaimExtractor.Default.Extract, reads), report => Assert.Null(report.Failure));
        });
        var failures = new List<string>();
        for (var read = 0; read < 40; read++)
        {
            Interlocked.Increment(ref readsStarted);
            var path = read % 2 == 0 ? "/api/tally" : "/api/checks";
            var response = await Client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{path}: {(int)response.StatusCode}");
            }
        }

        await ingest;
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_hundred_distinct_anonymous_reads_of_a_thousand_claims_grow_the_server_by_at_most_100_MB()
    {
        Ingest(Database, GeneratedReports.Take(520));
        Client.DefaultRequestHeaders.Authorization = null;
        var claims = JsonDocument.Parse(await Client.GetStringAsync("/api/claims?size=1")).RootElement.GetProperty("total").GetInt32();
        Assert.True(claims >= 1000, $"{claims} claims");
        string[] reads = ["/api/tally?x=", "/api/claims?size=500&x=", "/api/export/json?x=", "/api/checks?x=", "/api/export/geojson?x="];
        await Client.GetStringAsync("/api/tally");
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var sent = 0L;
        for (var i = 0; i < 100; i++)
        {
            sent += (await Client.GetByteArrayAsync(reads[i % reads.Length] + i)).Length;
        }

        var growth = GC.GetTotalMemory(forceFullCollection: true) - before;
        output.WriteLine($"{claims} claims; 100 distinct reads sent {sent / 1024 / 1024.0:F1} MB; managed heap after a full collection grew {growth / 1024 / 1024.0:F1} MB.");
        Assert.True(growth <= 100L * 1024 * 1024, $"grew {growth / 1024 / 1024} MB");
    }

    [Fact]
    public async Task Distinct_reads_of_a_large_document_keep_the_cache_within_its_budget()
    {
        var text = string.Concat(Enumerable.Repeat("قتل 5 مدنيين في قصف على ريف إدلب. ", 16_000));
        AddWithoutClaims("big", text);
        Client.DefaultRequestHeaders.Authorization = null;
        await Client.GetStringAsync("/api/documents/big");
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < 100; i++)
        {
            await Client.GetByteArrayAsync("/api/documents/big?x=" + i);
        }

        var growth = GC.GetTotalMemory(forceFullCollection: true) - before;
        output.WriteLine($"100 distinct reads of a {text.Length / 1024} K-character document: managed heap grew {growth / 1024 / 1024.0:F1} MB.");
        // The cache's budget is 48 MB; 16 MB more for the server's own buffers and pools.
        Assert.True(growth <= 64L * 1024 * 1024, $"grew {growth / 1024 / 1024} MB");
    }

    [Fact]
    public async Task A_body_too_large_to_cache_is_sent_whole_every_time()
    {
        var text = string.Concat(Enumerable.Repeat("Air strikes killed 19 civilians in Idlib. ", 80_000));
        AddWithoutClaims("huge", text);
        Client.DefaultRequestHeaders.Authorization = null;
        for (var i = 0; i < 2; i++)
        {
            var body = JsonDocument.Parse(await Client.GetStringAsync("/api/documents/huge")).RootElement;
            Assert.Equal(text, body.GetProperty("text").GetString());
        }
    }

    private void AddWithoutClaims(string id, string text)
    {
        using var store = MarsadStore.Open(Database);
        store.AddDocument(new Model.SourceDocument(id, text, Model.DocumentMetadata.None), new ExtractionResult([], new Time.PublicationDate(null, "unknown")), "test");
    }

    /// <summary>xUnit calls <see cref="DisposeAsync"/> (IAsyncDisposable) after this; the server goes there.</summary>
    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
