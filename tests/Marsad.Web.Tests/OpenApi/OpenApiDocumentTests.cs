using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marsad.Extraction;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Reviews;
using Marsad.Storage;
using Marsad.Tests.Support;
using Marsad.Web;

namespace Marsad.Tests.OpenApi;

/// <summary>
/// The OpenAPI document as a contract: served live by a server on loopback, linted with Redocly's
/// CLI (installed by <c>./test</c> into <c>tools/openapi-lint</c>), and every documented
/// GET answered in its documented shape.
/// </summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime, IAsyncDisposable
{
    private static readonly string LintFolder = Path.Combine(SharedData.RepositoryRoot, "tools", "openapi-lint");

    private readonly LoopbackServer server = new("openapi");
    private string token = "";

    private string Database => server.Database;

    private HttpClient Client => server.Client;

    public async Task InitializeAsync()
    {
        using (var store = MarsadStore.Open(Database))
        {
            // Seed reports, so that series, places with coordinates and breakdowns are in the answers.
            foreach (var read in ReportReader.Read([SharedData.PathTo("corpus", "seeds")], DocumentMetadata.None).OfType<ReadDocument>().Take(6))
            {
                store.AddDocument(read.Document, ClaimExtractor.Default.Extract(read.Document), ClaimExtractor.Version);
            }

            token = store.AddUser("rania", UserRole.Admin)!;
        }

        await server.StartAsync(new WebOptions(Database, ClaimExtractor.Default));
    }

    [Fact]
    public async Task The_OpenAPI_document_lints_clean_with_Redocly()
    {
        var cli = Path.Combine(LintFolder, "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"{cli} is missing: ./test installs it (npm ci in {LintFolder}).");
        var file = Path.Combine(server.Folder, "openapi.json");
        await File.WriteAllTextAsync(file, await Client.GetStringAsync("/openapi/v1.json"));

        var start = new ProcessStartInfo("node", [cli, "lint", file, "--config", Path.Combine(LintFolder, "redocly.yaml"), "--format", "json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = LintFolder,
        };
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var lint = Process.Start(start)!;
        var output = lint.StandardOutput.ReadToEndAsync();
        var errors = lint.StandardError.ReadToEndAsync();
        Assert.True(lint.WaitForExit(TimeSpan.FromMinutes(2)), "the linter did not finish in two minutes");
        var report = JsonDocument.Parse(await output).RootElement;
        var problems = report.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()} at {p.GetProperty("location")[0].GetProperty("pointer").GetString()}: {p.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(problems.Count == 0, "Redocly found:\n" + string.Join('\n', problems) + "\n" + await errors);
        Assert.Equal(0, lint.ExitCode);
    }

    [Fact]
    public async Task Every_documented_GET_answers_in_its_documented_shape()
    {
        await Review("correct", new { value = 12 });
        await Authorized().PostAsJsonAsync("/api/users", new { name = "samir" });
        await Client.PostAsJsonAsync("/api/retractions", new { document = RetractedDocument(), reason = "a duplicate of another outlet's report" });
        var document = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json")).RootElement;
        var validator = new SchemaValidator(document);
        var tally = JsonDocument.Parse(await Client.GetStringAsync("/api/tally")).RootElement;
        var documentId = JsonDocument.Parse(await Client.GetStringAsync("/api/documents")).RootElement.GetProperty("items")[0].GetProperty("id").GetString()!;
        var claimId = ReviewedClaim();
        var seriesId = tally[0].GetProperty("id").GetString()!;
        // A value for each parameter a GET cannot be called without, by path: a new GET must be given one here.
        var samples = new Dictionary<string, Dictionary<string, string>>
        {
            ["/api/documents/{id}"] = new() { ["id"] = documentId },
            ["/api/claims/{id}/reviews"] = new() { ["id"] = claimId },
            ["/api/series/{id}"] = new() { ["id"] = seriesId },
            ["/api/chart"] = new() { ["series"] = seriesId },
        };

        var checkedShapes = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out var get))
            {
                continue;
            }

            foreach (var url in Urls(path.Name, get, samples.GetValueOrDefault(path.Name) ?? []))
            {
                var response = await Client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                var content = get.GetProperty("responses").GetProperty("200").GetProperty("content");
                var mediaType = response.Content.Headers.ContentType!.MediaType!;
                Assert.True(content.TryGetProperty(mediaType, out var documented), $"GET {url} answered {mediaType}, which its 200 response does not list");
                if (documented.GetProperty("schema").TryGetProperty("$ref", out _))
                {
                    var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                    var errors = validator.Errors(body, documented.GetProperty("schema"));
                    Assert.True(errors.Count == 0, $"GET {url}:\n" + string.Join('\n', errors.Take(20)));
                    checkedShapes++;
                }
            }

            if (path.Name.Contains("{id}", StringComparison.Ordinal) && get.GetProperty("responses").TryGetProperty("404", out var notFound))
            {
                await CheckProblem(validator, notFound, path.Name.Replace("{id}", "no-such-thing", StringComparison.Ordinal), HttpStatusCode.NotFound);
            }

            if (get.GetProperty("responses").TryGetProperty("400", out var badRequest))
            {
                await CheckProblem(validator, badRequest, BadUrl(path.Name, get, samples.GetValueOrDefault(path.Name) ?? []), HttpStatusCode.BadRequest);
            }
        }

        Assert.True(checkedShapes >= 9, $"only {checkedShapes} JSON answers were checked");
    }

    [Fact]
    public async Task Uploads_and_reviews_answer_in_their_documented_shape()
    {
        var document = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json")).RootElement;
        var validator = new SchemaValidator(document);
        var upload = await Authorized().PostAsync(
            "/api/documents", new StringContent("{\"id\": \"up1\", \"text\": \"قتل 27 مدنياً على الأقل جراء غارات\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var uploadSchema = document.GetProperty("paths").GetProperty("/api/documents").GetProperty("post").GetProperty("responses").GetProperty("201")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Empty(validator.Errors(JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement, uploadSchema));

        var review = await Review("confirm", null);
        var reviewSchema = document.GetProperty("paths").GetProperty("/api/claims/{id}/reviews").GetProperty("post").GetProperty("responses").GetProperty("201")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Empty(validator.Errors(review, reviewSchema));

        var retraction = await Client.PostAsJsonAsync("/api/retractions", new { document = "up1", reason = "uploaded by mistake" });
        Assert.Equal(HttpStatusCode.Created, retraction.StatusCode);
        Assert.Empty(validator.Errors(JsonDocument.Parse(await retraction.Content.ReadAsStringAsync()).RootElement, ResponseSchema(document, "/api/retractions", "post", "201")));
        var account = await Client.PostAsJsonAsync("/api/users", new { name = "samir", role = "reviewer" });
        Assert.Equal(HttpStatusCode.Created, account.StatusCode);
        Assert.Empty(validator.Errors(JsonDocument.Parse(await account.Content.ReadAsStringAsync()).RootElement, ResponseSchema(document, "/api/users", "post", "201")));

        var refused = await Client.PostAsync("/api/documents", new StringContent("", Encoding.UTF8, "text/plain"));
        var problem = document.GetProperty("paths").GetProperty("/api/documents").GetProperty("post").GetProperty("responses").GetProperty("400");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Empty(validator.Errors(JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement, problem.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema")));
    }

    [Fact]
    public async Task Every_operation_has_an_id_described_parameters_and_the_bearer_scheme_where_it_writes_or_manages_accounts()
    {
        var paths = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");
        foreach (var operation in paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, o.Value))))
        {
            var schemes = operation.Value.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name)).ToList();
            var needsToken = operation.Method != "get" || operation.Path.StartsWith("/api/users", StringComparison.Ordinal);
            Assert.True(needsToken ? schemes.SequenceEqual(["bearer"]) : schemes.Count == 0, $"{operation.Method} {operation.Path}: security {string.Join(", ", schemes)}");
            Assert.True(operation.Value.TryGetProperty("operationId", out _), $"{operation.Method} {operation.Path} has no operationId");
            foreach (var parameter in operation.Value.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : [])
            {
                Assert.True(parameter.TryGetProperty("description", out _), $"{operation.Method} {operation.Path}: the parameter '{parameter.GetProperty("name").GetString()}' says nothing of what it means");
            }
        }

        var upload = paths.GetProperty("/api/documents").GetProperty("post").GetProperty("requestBody");
        Assert.Equal(["text/plain", "text/html", "application/json", "application/x-ndjson"], upload.GetProperty("content").EnumerateObject().Select(c => c.Name));
        var review = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("components").GetProperty("schemas").GetProperty("ReviewRequest");
        Assert.Equal(["action", "reason"], review.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
    }

    /// <summary>xUnit calls <see cref="DisposeAsync"/> (IAsyncDisposable) after this; the server goes there.</summary>
    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => server.DisposeAsync();

    /// <summary>The URLs that call a GET: path parameters from the samples, or each value of their enum; required query parameters from the samples.</summary>
    private static IEnumerable<string> Urls(string path, JsonElement get, Dictionary<string, string> samples)
    {
        List<string> urls = [path];
        var query = new List<string>();
        foreach (var parameter in get.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : [])
        {
            var name = parameter.GetProperty("name").GetString()!;
            var required = parameter.TryGetProperty("required", out var r) && r.GetBoolean();
            var values = samples.TryGetValue(name, out var sample) ? [sample]
                : parameter.GetProperty("schema").TryGetProperty("enum", out var choices) ? choices.EnumerateArray().Select(c => c.GetString()!).ToList()
                : [];
            if (values.Count == 0)
            {
                Assert.False(required, $"GET {path}: no sample value for the required parameter '{name}'");
                continue;
            }

            if (parameter.GetProperty("in").GetString() == "path")
            {
                urls = [.. urls.SelectMany(u => values.Select(v => u.Replace("{" + name + "}", Uri.EscapeDataString(v), StringComparison.Ordinal)))];
            }
            else
            {
                query.Add($"{name}={Uri.EscapeDataString(values[0])}");
            }
        }

        return urls.Select(u => query.Count == 0 ? u : u + "?" + string.Join('&', query));
    }

    /// <summary>A call of a GET with one malformed parameter: a documented 400 must be one a client can meet.</summary>
    private static string BadUrl(string path, JsonElement get, Dictionary<string, string> samples)
    {
        Dictionary<string, string> malformed = new() { ["category"] = "kiled", ["as_of"] = "2019-02-30", ["since"] = "yesterday", ["page"] = "first", ["version"] = "latest" };
        var names = get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
        var bad = names.FirstOrDefault(malformed.ContainsKey);
        Assert.True(bad is not null, $"GET {path} documents a 400 but has no parameter the test knows how to malform");
        var url = Urls(path, get, samples).First();
        return url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + bad + "=" + malformed[bad];
    }

    private async Task CheckProblem(SchemaValidator validator, JsonElement documented, string url, HttpStatusCode status)
    {
        var response = await Client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Empty(validator.Errors(body, documented.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema")));
    }

    private static JsonElement ResponseSchema(JsonElement document, string path, string method, string status) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status)
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");

    private string RetractedDocument()
    {
        using var store = MarsadStore.Open(Database);
        return store.Documents().Last().Document.Id;
    }

    private string ReviewedClaim()
    {
        using var store = MarsadStore.Open(Database);
        return store.Claims().First(c => c.Value is not null).Id;
    }

    private async Task<JsonElement> Review(string action, object? correction)
    {
        var response = await Authorized().PostAsJsonAsync(
            $"/api/claims/{Uri.EscapeDataString(ReviewedClaim())}/reviews", new { action, reason = "checked against the report", correction });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private HttpClient Authorized()
    {
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Client;
    }
}
