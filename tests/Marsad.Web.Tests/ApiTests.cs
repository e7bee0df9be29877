using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marsad.Extraction;
using Marsad.Model;
using Marsad.Storage;
using Marsad.Tests.Support;
using Marsad.Web;

namespace Marsad.Tests;

/// <summary>The API over real HTTP on loopback and a real SQLite file.</summary>
public sealed class ApiTests : IAsyncLifetime, IAsyncDisposable
{
    private const string Report =
        "محافظة دير الزور – المرصد السوري:: ارتفع إلى 653 عدد عناصر قوات سوريا الديمقراطية الذين قضوا منذ الـ 10 من أيلول / سبتمبر 2018، بينما وثق المرصد السوري 388 بينهم 141 طفلاً";

    private readonly LoopbackServer server = new("api");
    private string token = "";
    private string adminToken = "";

    private string Database => server.Database;

    private HttpClient Client => server.Client;

    public async Task InitializeAsync() => await Start(openReading: true);

    private async Task Start(bool openReading, long maxUpload = 64 * 1024)
    {
        using (var store = MarsadStore.Open(Database))
        {
            if (store.DocumentCount == 0)
            {
                var document = new SourceDocument("r1", Report, new DocumentMetadata(Source: "SOHR", Published: new DateOnly(2019, 1, 25)));
                store.AddDocument(document, ClaimExtractor.Default.Extract(document), ClaimExtractor.Version);
                token = store.AddUser("rania")!;
                adminToken = store.AddUser("omar", Marsad.Reviews.UserRole.Admin)!;
            }
        }

        await server.StartAsync(new WebOptions(Database, ClaimExtractor.Default, openReading, maxUpload));
    }

    private HttpClient Authorized()
    {
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Client;
    }

    private async Task<JsonElement> Get(string path)
    {
        var response = await Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private async Task<long> SdfTotal() =>
        (await Get("/api/tally?actor=SDF")).EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "cumulative")
            .GetProperty("points")[0].GetProperty("value").GetInt64();

    [Fact]
    public async Task After_ingesting_the_seeds_every_claim_is_read_back_in_Arabic_and_English_with_its_figure()
    {
        foreach (var seed in Directory.GetFiles(Path.Combine(Tests.Support.SharedData.RepositoryRoot, "..", "shared", "corpus", "seeds"), "*.txt"))
        {
            var upload = await Authorized().PostAsync("/api/documents", new StringContent(await File.ReadAllTextAsync(seed), Encoding.UTF8, "text/plain"));
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        var page = await Get("/api/claims?size=500");
        var claims = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("claim")).ToList();
        Assert.True(claims.Count >= 90, $"{claims.Count} claims");
        var vague = new[] { "several", "dozens of", "hundreds of", "thousands of", "an unknown number of" };
        foreach (var claim in claims)
        {
            var ar = claim.GetProperty("rendered").GetProperty("ar").GetString()!;
            var en = claim.GetProperty("rendered").GetProperty("en").GetString()!;
            var id = claim.GetProperty("id").GetString();
            Assert.True(ar.Any(c => c is >= '\u0621' and <= '\u064A'), $"{id}: {ar}");
            if (claim.GetProperty("value").ValueKind == JsonValueKind.Number)
            {
                var value = claim.GetProperty("value").GetInt64();
                var figure = value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);
                // Arabic says one and two with the noun itself («مقاتل واحد», the dual «مقاتلَين»), not a digit.
                Assert.True(value <= 2 || ar.Contains(figure, StringComparison.Ordinal), $"{id}: {ar}");
                Assert.Contains(figure, en, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains(vague, v => en.Contains(v, StringComparison.Ordinal));
            }

            var category = claim.GetProperty("category").GetString()!;
            Assert.Contains(Rendering.RenderingGrammar.For("en").Text("event", category)!, en, StringComparison.Ordinal);
            // No codebook code: no snake_case code, no ISO 3166-2 code, no gazetteer id, no role or unit code.
            Assert.DoesNotContain('_', en);
            Assert.DoesNotMatch(@"\b[A-Z]{2}-[A-Z]{2}\b|opensyria:|geonames:|profile:|\bexited\b|\bkm2\b", en);
        }

        var titles = (await Get("/api/tally")).EnumerateArray().Select(s => s.GetProperty("title")).ToList();
        Assert.Contains(titles, t => t.GetProperty("en").GetString() == "Syrian Democratic Forces fighters killed in Deir ez-Zor since 10 September 2018");
        Assert.All(titles, t => Assert.DoesNotContain('_', t.GetProperty("en").GetString()!));
    }

    [Fact]
    public async Task The_queue_puts_claims_with_warnings_first_and_drops_reviewed_ones()
    {
        var upload = await Authorized().PostAsync("/api/documents", new StringContent(
            "دير الزور – المرصد السوري: قتل يوم السبت 27 كانون الثاني / يناير 2019 نحو 12 مدنياً في قصف", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var queue = (await Get("/api/queue?size=500")).GetProperty("items").EnumerateArray().ToList();
        var scores = queue.Select(i => i.GetProperty("score").GetInt32()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        var codes = typeof(WarningCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet();
        bool Warned(JsonElement item) => item.GetProperty("reasons").EnumerateArray().Any(r => codes.Contains(r.GetString()!));
        var at = queue.FindIndex(i => i.GetProperty("reasons").EnumerateArray().Any(r => r.GetString() == "weekday_mismatch"));
        Assert.True(at >= 0, "the claim with a wrong weekday is not in the queue");
        Assert.All(queue.Take(at), i => Assert.True(Warned(i)));
        Assert.Contains(queue.Skip(at), i => !Warned(i));
        var first = queue[at];
        Assert.True(first.GetProperty("claim").TryGetProperty("rendered", out _));

        var id = first.GetProperty("claim").GetProperty("id").GetString()!;
        var review = await Authorized().PostAsJsonAsync($"/api/claims/{Uri.EscapeDataString(id)}/reviews", new { action = "confirm", reason = "27 January 2019 was a Sunday: the weekday is the typo, the figure stands" });
        Assert.Equal(HttpStatusCode.Created, review.StatusCode);
        var after = (await Get("/api/queue?size=500")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("claim").GetProperty("id").GetString()).ToList();
        Assert.DoesNotContain(id, after);
        Assert.Equal(queue.Count - 1, after.Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/queue?category=kiled")).StatusCode);
    }

    [Fact]
    public async Task Labels_give_the_words_for_codes_actors_divisions_and_warnings_in_each_language()
    {
        var arabic = await Get("/api/labels/ar");
        Assert.Equal("قتل", arabic.GetProperty("label").GetProperty("category:killed").GetString());
        Assert.Equal("قوات سوريا الديمقراطية", arabic.GetProperty("label").GetProperty("actor:SDF").GetString());
        Assert.Equal("دير الزور", arabic.GetProperty("label").GetProperty("admin1:SY-DY").GetString());
        Assert.Equal("Deir ez-Zor", (await Get("/api/labels/en")).GetProperty("label").GetProperty("admin1:SY-DY").GetString());
        Assert.Contains("اليوم", arabic.GetProperty("warning").GetProperty("weekday_mismatch").GetString()!, StringComparison.Ordinal);
        Assert.Equal("أيلول", arabic.GetProperty("month").GetProperty("9").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/labels/fr")).StatusCode);
    }

    [Fact]
    public async Task Reading_is_open_and_returns_documents_claims_and_series()
    {
        var documents = await Get("/api/documents");
        Assert.Equal(1, documents.GetProperty("total").GetInt32());
        var document = await Get("/api/documents/r1");
        Assert.Equal(Report, document.GetProperty("text").GetString());
        var claim = document.GetProperty("claims")[0];
        var span = claim.GetProperty("span");
        Assert.Equal("653", Report[span[0].GetInt32()..span[1].GetInt32()]);
        Assert.Equal(653, await SdfTotal());
        var claims = await Get("/api/claims?category=killed&status=unreviewed");
        Assert.True(claims.GetProperty("total").GetInt32() >= 3);
    }

    [Fact]
    public async Task Claims_of_a_day_are_those_that_hold_on_it_and_a_day_not_written_YYYY_MM_DD_matches_none()
    {
        static string? AsOf(JsonElement item) => item.GetProperty("claim").GetProperty("time").GetProperty("as_of").GetString();
        var all = (await Get("/api/claims?size=500")).GetProperty("items").EnumerateArray().ToList();
        var day = all.Select(AsOf).First(d => d is not null)!;
        var onTheDay = await Get($"/api/claims?date={day}&size=500");
        Assert.Equal(all.Count(c => AsOf(c) == day), onTheDay.GetProperty("total").GetInt32());
        Assert.All(onTheDay.GetProperty("items").EnumerateArray(), c => Assert.Equal(day, AsOf(c)));
        var unpadded = day.Replace("-0", "-", StringComparison.Ordinal);
        Assert.NotEqual(day, unpadded);
        Assert.Equal(0, (await Get($"/api/claims?date={unpadded}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Alerts_are_listed_as_JSON_and_as_an_Atom_feed_of_a_saved_filter()
    {
        using (var store = MarsadStore.Open(Database))
        {
            store.AddAlerts([
                new Marsad.Monitoring.Alert(0, "series_decrease", "killed.SDF.fighter.SY-DY.since-2018-09-10", "SDF fighters killed", "r2", "600 is below 653",
                    [new Marsad.Monitoring.AlertClaim("r2#1", "600", "600", "the sentence")], DateTimeOffset.UtcNow),
                new Marsad.Monitoring.Alert(0, "new_series", "killed.child.SY-DY.period", "children killed", "r3", "a new series", [], DateTimeOffset.UtcNow),
            ]);
        }

        var all = await Get("/api/alerts");
        Assert.Equal(["new_series", "series_decrease"], all.EnumerateArray().Select(a => a.GetProperty("kind").GetString()));
        var decreases = await Get("/api/alerts?kind=series_decrease");
        Assert.Equal("the sentence", Assert.Single(decreases.EnumerateArray()).GetProperty("claims")[0].GetProperty("quote").GetString());

        var feed = await Client.GetAsync("/api/alerts.atom?kind=series_decrease");
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType!.MediaType);
        var atom = System.Xml.Linq.XDocument.Parse(await feed.Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2005/Atom";
        var entry = Assert.Single(atom.Root!.Elements(ns + "entry"));
        Assert.Contains("600 is below 653", entry.Element(ns + "content")!.Value, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/alerts?since=yesterday")).StatusCode);
    }

    [Fact]
    public async Task Writing_without_a_token_is_refused()
    {
        var upload = await Client.PostAsync("/api/documents", new StringContent("قتل 5 مدنيين", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Unauthorized, upload.StatusCode);
        Assert.Equal("application/problem+json", upload.Content.Headers.ContentType!.MediaType);
        var review = await Client.PostAsJsonAsync("/api/claims/r1%231/reviews", new { action = "reject", reason = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, review.StatusCode);
    }

    [Fact]
    public async Task An_upload_is_extracted_and_stored_once()
    {
        var body = JsonSerializer.Serialize(new { id = "up1", text = "قتل 27 مدنياً على الأقل بينهم 10 أطفال جراء غارات روسية", published = "2019-02-01" });
        var first = await Authorized().PostAsync("/api/documents", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("documents")[0].GetProperty("claims").GetInt32());
        var again = await Client.PostAsync("/api/documents", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, (await Get("/api/documents")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Json_lines_upload_every_good_line_and_name_the_bad_ones()
    {
        var lines = "{\"id\": \"a\", \"text\": \"قتل 12 مدنياً في قصف على ريف إدلب\"}\nnot json\n{\"id\": \"b\", \"text\": \"Air strikes killed 19 civilians on Tuesday.\"}\n";
        var response = await Authorized().PostAsync("/api/documents", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["a", "b"], body.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal((2, "read"), (error.GetProperty("line").GetInt32(), error.GetProperty("stage").GetString()));
    }

    [Fact]
    public async Task An_oversized_upload_gets_413_and_bad_text_a_problem_naming_the_line()
    {
        var large = await Authorized().PostAsync("/api/documents", new ByteArrayContent(new byte[100 * 1024]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        var invalid = await Client.PostAsync("/api/documents", new ByteArrayContent([0x61, 0x0A, 0xFF, 0xFE]));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Line 2", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_review_changes_the_tally_is_logged_and_survives_re_extraction()
    {
        var review = await Authorized().PostAsJsonAsync(
            "/api/claims/r1%231/reviews", new { action = "correct", reason = "SOHR corrected it the next day", correction = new { value = 663 } });
        Assert.Equal(HttpStatusCode.Created, review.StatusCode);
        Assert.Equal(663, await SdfTotal());

        var log = await Get("/api/claims/r1%231/reviews");
        var entry = Assert.Single(log.EnumerateArray());
        Assert.Equal(("rania", "correct", 663L), (entry.GetProperty("reviewer").GetString(), entry.GetProperty("action").GetString(), entry.GetProperty("correction").GetProperty("value").GetInt64()));
        var claims = await Get("/api/claims?status=correct");
        Assert.Equal(653, claims.GetProperty("items")[0].GetProperty("claim").GetProperty("value").GetInt64());
        Assert.Equal(663, claims.GetProperty("items")[0].GetProperty("reviewed").GetProperty("value").GetInt64());

        using (var store = MarsadStore.Open(Database))
        {
            var stored = store.Document("r1")!;
            store.ReplaceClaims(stored.Document, ClaimExtractor.Default.Extract(stored.Document), ClaimExtractor.Version);
        }

        Assert.Equal(663, await SdfTotal());
    }

    [Theory]
    [InlineData("""{"value": -5}""", "value")]
    [InlineData("""{"value": 9.2e18}""", "value")]
    [InlineData("""{"as_of": "not-a-date"}""", "as_of")]
    [InlineData("""{"since": "2019-02-30"}""", "since")]
    [InlineData("""{"category": "kiled"}""", "category")]
    [InlineData("""{"low": 700}""", "low")]
    public async Task A_correction_the_codebook_does_not_allow_is_a_400_naming_the_field(string correction, string field)
    {
        var body = $$"""{"action": "correct", "reason": "r", "correction": {{correction}}}""";
        var response = await Authorized().PostAsync("/api/claims/r1%231/reviews", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        Assert.Empty((await Get("/api/claims/r1%231/reviews")).EnumerateArray());
    }

    [Fact]
    public async Task Corrections_of_several_fields_compose_over_HTTP()
    {
        await Authorized().PostAsJsonAsync("/api/claims/r1%231/reviews", new { action = "correct", reason = "wounded, not killed", correction = new { category = "injured" } });
        await Client.PostAsJsonAsync("/api/claims/r1%231/reviews", new { action = "correct", reason = "SOHR corrected it", correction = new { value = 663 } });
        var item = (await Get("/api/claims?status=correct")).GetProperty("items")[0];
        var reviewed = item.GetProperty("reviewed");
        Assert.Equal(("injured", 663L), (reviewed.GetProperty("category").GetString(), reviewed.GetProperty("value").GetInt64()));
        Assert.Equal(2, (await Get("/api/claims/r1%231/reviews")).GetArrayLength());
    }

    [Fact]
    public async Task A_bad_review_is_a_problem_and_an_unknown_claim_is_not_found()
    {
        var noReason = await Authorized().PostAsJsonAsync("/api/claims/r1%231/reviews", new { action = "reject" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var badField = await Client.PostAsJsonAsync("/api/claims/r1%231/reviews", new { action = "correct", reason = "r", correction = new { category = "kiled" } });
        Assert.Equal(HttpStatusCode.BadRequest, badField.StatusCode);
        var unknown = await Client.PostAsJsonAsync("/api/claims/r1%2399/reviews", new { action = "reject", reason = "r" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task An_upload_under_a_stored_id_is_a_new_version_and_every_view_still_answers()
    {
        var edited = Report.Replace("653", "663", StringComparison.Ordinal);
        var upload = await Authorized().PostAsync("/api/documents?id=r1", new StringContent(edited, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var stored = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("documents")[0];
        Assert.Equal((2, 2), (stored.GetProperty("version").GetInt32(), stored.GetProperty("versions").GetInt32()));

        Assert.Equal(663, await SdfTotal());
        foreach (var path in new[] { "/api/checks", "/api/places", "/api/export/csv", "/api/export/json", "/api/export/geojson", "/api/export/hxl", "/api/claims" })
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(path)).StatusCode);
        }

        var document = await Get("/api/documents/r1");
        Assert.Equal(edited, document.GetProperty("text").GetString());
        Assert.Equal([1, 2], document.GetProperty("all_versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(Report, (await Get("/api/documents/r1?version=1")).GetProperty("text").GetString());
        Assert.Equal(1, (await Get("/api/documents")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_document_whose_id_holds_a_slash_is_read_and_reviewed_over_HTTP()
    {
        var body = JsonSerializer.Serialize(new { id = "2019/report", text = "قتل 27 مدنياً على الأقل بينهم 10 أطفال جراء غارات روسية", published = "2019-02-01" });
        Assert.Equal(HttpStatusCode.Created, (await Authorized().PostAsync("/api/documents", new StringContent(body, Encoding.UTF8, "application/json"))).StatusCode);

        Assert.Equal("2019/report", (await Get("/api/documents/2019/report")).GetProperty("id").GetString());
        var document = await Get("/api/documents/2019%2Freport");
        var claim = document.GetProperty("claims")[0].GetProperty("id").GetString()!;
        Assert.Equal("2019/report#1", claim);

        var review = await Client.PostAsJsonAsync($"/api/claims/{Uri.EscapeDataString(claim)}/reviews", new { action = "reject", reason = "a recap" });
        Assert.Equal(HttpStatusCode.Created, review.StatusCode);
        var log = await Get($"/api/claims/{Uri.EscapeDataString(claim)}/reviews");
        Assert.Equal("2019/report#1", Assert.Single(log.EnumerateArray()).GetProperty("claim").GetString());
    }

    [Fact]
    public async Task Retraction_is_for_admins_logged_and_takes_the_document_out_of_the_tally()
    {
        var asReviewer = await Authorized().PostAsJsonAsync("/api/retractions", new { document = "r1", reason = "withdrawn" });
        Assert.Equal(HttpStatusCode.Forbidden, asReviewer.StatusCode);

        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        var noReason = await Client.PostAsJsonAsync("/api/retractions", new { document = "r1" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True(JsonDocument.Parse(await noReason.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync("/api/retractions", new { document = "r9", reason = "x" })).StatusCode);

        var retracted = await Client.PostAsJsonAsync("/api/retractions", new { document = "r1", reason = "the outlet withdrew it" });
        Assert.Equal(HttpStatusCode.Created, retracted.StatusCode);
        Assert.Empty((await Get("/api/tally")).EnumerateArray());
        var log = Assert.Single((await Get("/api/retractions")).EnumerateArray());
        Assert.Equal(("r1", "omar"), (log.GetProperty("document").GetString(), log.GetProperty("by").GetString()));
        Assert.Equal("omar", (await Get("/api/documents/r1")).GetProperty("retracted").GetProperty("by").GetString());
    }

    [Fact]
    public async Task Accounts_are_managed_by_admins_and_a_revoked_token_is_refused()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await Authorized().GetAsync("/api/users")).StatusCode);
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        var added = await Client.PostAsJsonAsync("/api/users", new { name = "lina", role = "reviewer" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var linaToken = JsonDocument.Parse(await added.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.PostAsJsonAsync("/api/users", new { name = "x", role = "boss" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Client.PostAsJsonAsync("/api/users", new { name = "lina" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync("/api/users/lina/revoke", null)).StatusCode);
        Assert.Equal(["lina", "omar", "rania"], (await Get("/api/users")).EnumerateArray().Select(u => u.GetProperty("name").GetString()));

        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", linaToken);
        var refused = await Client.PostAsJsonAsync("/api/claims/r1%231/reviews", new { action = "confirm", reason = "checked" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Exports_and_the_OpenAPI_document_are_served()
    {
        var hxl = await Client.GetStringAsync("/api/export/hxl");
        Assert.StartsWith("#meta+schema,#meta+series,", hxl.Split("\r\n")[1], StringComparison.Ordinal);
        var excel = await Client.GetByteArrayAsync("/api/export/csv?excel=true");
        Assert.Equal([0xEF, 0xBB, 0xBF], excel[..3]);
        Assert.Contains("محافظة دير الزور", Encoding.UTF8.GetString(excel), StringComparison.Ordinal);
        var xlsx = await Client.GetAsync("/api/export/xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using (var zip = new System.IO.Compression.ZipArchive(await xlsx.Content.ReadAsStreamAsync()))
        {
            Assert.NotNull(zip.GetEntry("xl/worksheets/sheet1.xml"));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/export/pdf")).StatusCode);
        var geojson = JsonDocument.Parse(await Client.GetStringAsync("/api/export/geojson"));
        Assert.Equal("FeatureCollection", geojson.RootElement.GetProperty("type").GetString());
        var openapi = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json"));
        Assert.True(openapi.RootElement.GetProperty("paths").TryGetProperty("/api/claims/{id}/reviews", out _));
    }

    [Fact]
    public async Task A_chart_in_Arabic_has_its_words_days_and_title_in_Arabic_drawn_right_to_left()
    {
        const string id = "killed.SDF.fighter.SY-DY.since-2018-09-10";
        var arabic = await Client.GetStringAsync("/api/chart?lang=ar&series=" + id);
        Assert.Contains("direction=\"rtl\"", arabic, StringComparison.Ordinal);
        Assert.Contains("مقتل مقاتلين من قوات سوريا الديمقراطية في دير الزور منذ 10 أيلول 2018", arabic, StringComparison.Ordinal);
        Assert.Contains("كانون الثاني 2019", arabic, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"SY-DY|\d{4}-\d{2}-\d{2}|\b(exact|about)\b", arabic);
        Assert.Contains("25 January 2019", await Client.GetStringAsync("/api/chart?series=" + id), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/chart?lang=fr&series=" + id)).StatusCode);
    }

    [Fact]
    public async Task A_series_is_read_by_its_URL_safe_id_and_by_the_older_form_with_slashes()
    {
        const string id = "killed.SDF.fighter.SY-DY.since-2018-09-10";
        Assert.Equal(id, (await Get("/api/series/" + Uri.EscapeDataString(id))).GetProperty("id").GetString());
        Assert.Equal(id, (await Get("/api/series/killed/SDF/fighter/SY-DY/since-2018-09-10")).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/chart?series=" + id)).StatusCode);
        var missing = await Client.GetAsync("/api/series/killed.nobody");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/chart?series=" + id + "&as_of=2019-02-30")).StatusCode);
    }

    [Fact]
    public async Task A_read_carries_an_ETag_that_holds_until_the_store_changes()
    {
        var first = await Client.GetAsync("/api/tally");
        var etag = first.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/tally");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(again)).StatusCode);

        await Authorized().PostAsJsonAsync("/api/claims/r1%231/reviews", new { action = "reject", reason = "a recap" });
        using var afterReview = new HttpRequestMessage(HttpMethod.Get, "/api/tally");
        afterReview.Headers.IfNoneMatch.Add(etag);
        var changed = await Client.SendAsync(afterReview);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Fact]
    public async Task A_client_that_accepts_gzip_gets_the_same_body_compressed()
    {
        var plain = await Client.GetStringAsync("/api/documents/r1");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/documents/r1");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var response = await Client.SendAsync(request);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        await using var gzip = new System.IO.Compression.GZipStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        Assert.Equal(plain, await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task Reading_can_be_closed_to_token_holders()
    {
        await server.StopAsync();
        await Start(openReading: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync("/api/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Authorized().GetAsync("/api/documents")).StatusCode);
    }

    /// <summary>xUnit calls <see cref="DisposeAsync"/> (IAsyncDisposable) after this; the server goes there.</summary>
    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
