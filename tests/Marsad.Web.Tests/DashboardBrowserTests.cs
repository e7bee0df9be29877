using System.Text.Json;
using System.Text.RegularExpressions;
using Marsad.Extraction;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Storage;
using Marsad.Tests.Support;
using Marsad.Web;
using Microsoft.Playwright;

namespace Marsad.Tests;

/// <summary>
/// The dashboard in a real browser — Debian's Chromium, headless, driven by Playwright — against
/// the server on loopback, at a desktop width (1400 px) and a phone's (390 px): upload a seed
/// report, see its figures highlighted, correct one, see the tally change; review a claim by
/// keyboard from the queue; the map of the region; no English codebook code in the Arabic view, no
/// horizontal scrolling, no serious accessibility violation (axe-core, injected into the page). A
/// screenshot of each page at each width goes to <c>artifacts/screenshots/</c>.
/// </summary>
public sealed class DashboardBrowserTests : IAsyncLifetime, IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>A fictional Yemeni report, written for this test: one figure in Aden.</summary>
    private const string YemenReport = "عدن – قتل 12 مدنياً يوم الثلاثاء 2 نيسان / أبريل 2019 في قصف على مدينة عدن جنوبي اليمن.";

    private static readonly string Root = SharedData.RepositoryRoot;
    private static readonly string[] Views = ["documents", "queue", "tally", "map", "checks"];

    /// <summary>Every code of the codebook a reader could meet (categories, roles, hedges, kinds, statuses, warnings): none may show in the Arabic view.</summary>
    private static readonly Regex CodebookCode = new(
        @"\b(killed|injured|captured|detained|surrendered|executed|exited|displaced|missing|trapped|escaped|deployed|present|returned|released|fighter|leader|soldier|civilian|detainee|person|"
        + @"exact|approx|at_least|more_than|less_than|at_most|vague|tens|hundreds|thousands|cumulative|period|unreviewed|confirm|reject|correct|since|unknown|"
        + @"weekday_mismatch|since_after_as_of|year_conflict|parts_exceed_whole|sum_mismatch|series_decrease|value_conflict|increment_mismatch)\b");

    private readonly LoopbackServer server = new("browser");
    private IPlaywright? playwright;
    private IBrowser? browser;
    private string token = "";

    private string Database => server.Database;

    private string Url => server.Address.ToString();

    public async Task InitializeAsync()
    {
        using (var store = MarsadStore.Open(Database))
        {
            token = store.AddUser("rania")!;
        }

        await server.StartAsync(new WebOptions(Database, ClaimExtractor.Default));
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>The seed reports and the Yemeni one, stored as <c>marsad ingest</c> stores them.</summary>
    private void StoreReports()
    {
        using var store = MarsadStore.Open(Database);
        foreach (var read in ReportReader.Read([SharedData.PathTo("corpus", "seeds")], DocumentMetadata.None).OfType<ReadDocument>())
        {
            store.AddDocument(read.Document, ClaimExtractor.Default.Extract(read.Document), ClaimExtractor.Version);
        }

        var yemen = new SourceDocument("yemen-aden", YemenReport, new DocumentMetadata(Title: "Aden (fictional)", Source: "test"));
        store.AddDocument(yemen, ClaimExtractor.Default.Extract(yemen), ClaimExtractor.Version);
    }

    private async Task<IPage> Open(int width, bool bypassContentPolicy = false)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 844 : 900 },
            // axe-core is injected as a script of the test's own, which the page's content policy would refuse.
            BypassCSP = bypassContentPolicy,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url);
        // The page has shown its first view once that view is ready: before, its start-up would hide a view the test opened.
        await page.WaitForSelectorAsync("#documents[data-ready]");
        await page.FillAsync("#token", token);
        await page.DispatchEventAsync("#token", "change");
        return page;
    }

    private static async Task ShowView(IPage page, string view)
    {
        await page.ClickAsync($"nav button[data-view={view}]");
        await page.WaitForSelectorAsync($"#{view}[data-ready]");
    }

    [Fact]
    public async Task Upload_a_seed_report_see_its_claims_correct_one_and_see_the_tally_change()
    {
        var page = await Open(1400);
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));

        var report = await File.ReadAllTextAsync(Path.Combine(Root, "..", "shared", "corpus", "seeds", "000_056f64d75c95e8c1.txt"));
        await page.FillAsync("#upload-text", report);
        await page.ClickAsync("#upload button[type=submit]");
        await page.WaitForSelectorAsync("#document-list li");

        await page.ClickAsync("#document-list a");
        await page.WaitForSelectorAsync("mark.claim");
        var marks = await page.Locator("mark.claim").CountAsync();
        Assert.True(marks >= 30, $"{marks} figures highlighted");
        var sdf = page.Locator("mark.claim", new PageLocatorOptions { HasText = "653" }).First;
        await sdf.ClickAsync();
        await page.WaitForSelectorAsync("#claim-panel:not([hidden])");
        Assert.Contains("مقتل 653 مقاتلاً من قوات سوريا الديمقراطية", await page.InnerTextAsync("#claim-sentence"), StringComparison.Ordinal);
        Assert.Contains("653 Syrian Democratic Forces fighters killed", await page.InnerTextAsync("#claim-sentence-other"), StringComparison.Ordinal);

        await page.FillAsync("#review-reason", "The Observatory corrected the figure the next day");
        await page.FillAsync("#review-value", "663");
        await page.ClickAsync("#review [data-action=correct]");
        await page.WaitForSelectorAsync("mark.claim[data-status=correct]");
        await page.WaitForSelectorAsync("#review-log li >> text=rania");
        // The message stays after the report is read again, and the form is empty for the next decision.
        Assert.Contains("حُفظت المراجعة", await page.InnerTextAsync("#review-result"), StringComparison.Ordinal);
        Assert.Equal("", await page.InputValueAsync("#review-reason"));

        await ShowView(page, "tally");
        var sdfSeries = page.Locator("#series-list li[data-series='killed.SDF.fighter.SY-DY.since-2018-09-10']");
        Assert.Contains("663", await sdfSeries.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("مقتل مقاتلين من قوات سوريا الديمقراطية في دير الزور منذ 10 أيلول 2018", await sdfSeries.InnerTextAsync(), StringComparison.Ordinal);

        await ShowView(page, "map");
        Assert.True(await page.Locator("#map-canvas path[data-admin1]").CountAsync() >= 14 + 18 + 40, "Syria, Iraq and the region's divisions are drawn");
        Assert.NotEqual("#ffffff", await page.GetAttributeAsync("#map-canvas path[data-admin1='SY-DY']", "fill"));
        Assert.Contains("OCHA", await page.InnerTextAsync(".credits"), StringComparison.Ordinal);

        await page.ClickAsync("#language");
        Assert.Equal("ltr", await page.GetAttributeAsync("html", "dir"));
        await ShowView(page, "checks");

        await page.ClickAsync("nav button[data-view=reference]");
        await page.WaitForSelectorAsync("#endpoint-list li");
        Assert.Contains("POST /api/claims/{id}/reviews", await page.InnerTextAsync("#endpoint-list"), StringComparison.Ordinal);
        await Screenshot(page, "api-reference-1400");
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task Every_view_fits_the_width_and_the_Arabic_view_shows_no_English_codebook_code(int width)
    {
        StoreReports();
        var page = await Open(width);
        foreach (var view in Views)
        {
            await ShowView(page, view);
            if (view == "queue")
            {
                await page.ClickAsync("#queue-list > li");
                await page.WaitForSelectorAsync("#claim-panel:not([hidden])");
            }

            await AssertFits(page, view, width);
            var shown = await ArabicText(page);
            var code = CodebookCode.Match(shown);
            Assert.False(code.Success, $"the Arabic {view} view at {width} px shows the code '{code.Value}' in “{Around(shown, code.Index)}”");
            await Screenshot(page, $"{view}-{width}");
        }

        await page.ClickAsync("nav button[data-view=documents]");
        await page.ClickAsync("#document-list a >> nth=0");
        await page.WaitForSelectorAsync("mark.claim");
        await page.Locator("mark.claim").First.ClickAsync();
        await page.WaitForSelectorAsync("#claim-panel:not([hidden])");
        await AssertFits(page, "document", width);
        Assert.False(CodebookCode.IsMatch(await ArabicText(page)), "the Arabic report view shows a codebook code");
        if (width < 600)
        {
            // On a phone the claim panel is a sheet along the bottom of the screen.
            var box = (await page.Locator("#claim-panel").BoundingBoxAsync())!;
            Assert.True(Math.Abs(box.Y + box.Height - 844) < 2 && box.Width >= width - 2, $"the panel is at {box.Y}+{box.Height}, {box.Width} wide");
        }

        await Screenshot(page, $"document-{width}");
        await page.ClickAsync("#language");
        foreach (var view in Views)
        {
            await ShowView(page, view);
            await AssertFits(page, view + " (English)", width);
            await Screenshot(page, $"{view}-english-{width}");
        }
    }

    [Fact]
    public async Task A_claim_is_reviewed_from_the_queue_by_keyboard_alone()
    {
        StoreReports();
        var page = await Open(1400);
        await ShowView(page, "queue");
        var first = await page.GetAttributeAsync("#queue-list > li >> nth=0", "data-id");
        await page.Locator("body").FocusAsync();
        await page.Keyboard.PressAsync("j");
        await page.WaitForSelectorAsync("#queue-list > li[aria-selected=true]");
        // j on nothing selected takes the first; j again the second, k back to the first.
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("k");
        Assert.Equal(first, await page.GetAttributeAsync("#queue-list > li[aria-selected=true]", "data-id"));
        await page.Keyboard.PressAsync("c");
        Assert.Equal("review-reason", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("The Observatory's own total, checked against its report");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#review-result.ok");
        await Screenshot(page, "queue-review-1400");

        // The review is in the store, and the queue moved on to the next claim, the form empty.
        using (var store = MarsadStore.Open(Database))
        {
            Assert.Equal(ReviewAction.Confirm, Assert.Single(store.Reviews(first!)).Action);
        }

        Assert.NotEqual(first, await page.GetAttributeAsync("#queue-list > li[aria-selected=true]", "data-id"));
        Assert.Equal(0, await page.Locator($"#queue-list > li[data-id='{first}']").CountAsync());
        Assert.Equal("", await page.InputValueAsync("#review-reason"));

        // e edits: the value first, then the reason, Enter saves a correction.
        var second = await page.GetAttributeAsync("#queue-list > li[aria-selected=true]", "data-id");
        await page.Locator("body").FocusAsync();
        await page.Keyboard.PressAsync("e");
        await page.Keyboard.TypeAsync("7");
        await page.FocusAsync("#review-reason");
        await page.Keyboard.TypeAsync("The report's table gives 7");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator($"#queue-list > li[data-id='{second}']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        using (var store = MarsadStore.Open(Database))
        {
            var review = Assert.Single(store.Reviews(second!));
            Assert.Equal(ReviewAction.Correct, review.Action);
            Assert.Equal("7", review.Correction!.Fields[Reviews.ClaimField.Value]);
        }
    }

    [Fact]
    public async Task A_correction_the_API_refuses_shows_its_errors_at_the_fields_they_name()
    {
        StoreReports();
        var page = await Open(1400);
        await ShowView(page, "queue");
        await page.ClickAsync("#queue-list > li");
        await page.WaitForSelectorAsync("#claim-panel:not([hidden])");
        var id = await page.GetAttributeAsync("#queue-list > li[aria-selected=true]", "data-id");

        // The actor is a code of the profile (IS, SDF): the API refuses a name, naming the field.
        await page.FillAsync("#review-actor", "Islamic State");
        await page.FillAsync("#review-reason", "The report names the group");
        await page.ClickAsync("#review [data-action=correct]");
        await page.WaitForSelectorAsync("#review-result.error .problem[data-field=actor]");
        Assert.Contains("الجهة", await page.InnerTextAsync("#review-result .problem[data-field=actor]"), StringComparison.Ordinal);
        Assert.Contains("actor code", await page.InnerTextAsync("#review-result .problem[data-field=actor]"), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetAttributeAsync("#review-actor", "aria-invalid"));
        await Screenshot(page, "queue-refused-1400");

        // Nothing was recorded: the claim waits in the queue, the form as the reviewer left it.
        using (var store = MarsadStore.Open(Database))
        {
            Assert.Empty(store.Reviews(id!));
        }

        Assert.Equal(1, await page.Locator($"#queue-list > li[data-id='{id}']").CountAsync());
        Assert.Equal("Islamic State", await page.InputValueAsync("#review-actor"));
    }

    [Fact]
    public async Task The_queue_lists_claims_in_the_order_of_the_API_warnings_first()
    {
        StoreReports();
        var page = await Open(1400);
        await ShowView(page, "queue");
        var shown = await page.Locator("#queue-list > li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.id)");
        var queue = JsonDocument.Parse(await server.Client.GetStringAsync("/api/queue?size=500")).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(queue.Select(q => q.GetProperty("claim").GetProperty("id").GetString()), shown);
        var scores = queue.Select(q => q.GetProperty("score").GetInt32()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        // The seeds have claims with warnings: they lead, each with its warning in words.
        Assert.True(await page.Locator("#queue-list > li >> nth=0").Locator(".chip.warning").CountAsync() > 0, "the first claim shows no warning");
    }

    [Fact]
    public async Task The_map_shows_a_Yemeni_figure_in_its_governorate()
    {
        StoreReports();
        var page = await Open(1400);
        await ShowView(page, "map");
        await page.SelectOptionAsync("#map-region", "yemen");
        await page.WaitForSelectorAsync("#map-canvas text[data-admin1='YE-AD']");
        Assert.Equal("12", await page.GetAttributeAsync("#map-canvas path[data-admin1='YE-AD']", "data-people"));
        Assert.NotEqual("#ffffff", await page.GetAttributeAsync("#map-canvas path[data-admin1='YE-AD']", "fill"));
        Assert.Contains("عدن", await page.InnerTextAsync("#map-figures li[data-admin1='YE-AD']"), StringComparison.Ordinal);
        Assert.Contains("12", await page.InnerTextAsync("#map-figures li[data-admin1='YE-AD']"), StringComparison.Ordinal);
        Assert.True(await page.Locator("#map-legend li").CountAsync() >= 2, "the map has no legend");
        await Screenshot(page, "map-yemen-1400");
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task Axe_finds_no_serious_or_critical_accessibility_violation(int width)
    {
        StoreReports();
        var axe = Path.Combine(Root, "tools", "axe", "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(axe), $"{axe} is missing: ./test installs it (npm ci in tools/axe).");
        var page = await Open(width, bypassContentPolicy: true);
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = axe });
        var found = new List<string>();
        foreach (var view in Views.Append("document"))
        {
            if (view == "document")
            {
                await page.ClickAsync("nav button[data-view=documents]");
                await page.ClickAsync("#document-list a >> nth=0");
                await page.WaitForSelectorAsync("mark.claim");
                await page.Locator("mark.claim").First.ClickAsync();
                await page.WaitForSelectorAsync("#claim-panel:not([hidden])");
            }
            else
            {
                await ShowView(page, view);
            }

            var violations = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))");
            found.AddRange(violations.EnumerateArray()
                .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
                .Select(v => $"{view}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}) {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("nodes").EnumerateArray())}"));
        }

        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    [Fact]
    public async Task Correct_with_an_empty_value_box_records_nothing_and_says_what_is_missing()
    {
        using (var store = MarsadStore.Open(Database))
        {
            var document = new Model.SourceDocument("x", "قتل 5 مدنيين في قصف على ريف إدلب الجنوبي", Model.DocumentMetadata.None);
            store.AddDocument(document, ClaimExtractor.Default.Extract(document), ClaimExtractor.Version);
        }

        var page = await browser!.NewPageAsync();
        await page.GotoAsync(Url);
        await page.FillAsync("#token", token);
        await page.DispatchEventAsync("#token", "change");
        await page.ClickAsync("#document-list a");
        await page.ClickAsync("mark.claim");
        await page.WaitForSelectorAsync("#claim-panel:not([hidden])");
        await page.FillAsync("#review-reason", "checked");
        await page.ClickAsync("#review [data-action=correct]");
        await page.WaitForFunctionAsync("() => document.getElementById('review-result').textContent.length > 0");

        using (var store = MarsadStore.Open(Database))
        {
            Assert.Empty(store.Reviews());
        }

        Assert.Equal("unreviewed", await page.GetAttributeAsync("mark.claim", "data-status"));
        Assert.Equal(0, await page.Locator("#review-log li:not(.empty)").CountAsync());
    }

    [Fact]
    public async Task Text_from_a_report_is_never_rendered_as_HTML()
    {
        using (var store = MarsadStore.Open(Database))
        {
            var text = "<img src=x onerror=\"document.title='pwned'\"> قتل 5 مدنيين في قصف على ريف إدلب الجنوبي";
            var document = new SourceDocument("x", text, DocumentMetadata.None);
            store.AddDocument(document, ClaimExtractor.Default.Extract(document), ClaimExtractor.Version);
        }

        var page = await browser!.NewPageAsync();
        await page.GotoAsync(Url);
        await page.ClickAsync("#document-list a");
        await page.WaitForSelectorAsync("mark.claim");
        Assert.Equal(0, await page.Locator("#document-text img").CountAsync());
        Assert.NotEqual("pwned", await page.TitleAsync());
    }

    /// <summary>The text the Arabic view shows, less what is marked English on purpose (a claim's English reading, the API reference).</summary>
    private static Task<string> ArabicText(IPage page) => page.EvaluateAsync<string>(
        "() => { const english = [...document.querySelectorAll('main [lang=en]')]; english.forEach(e => e.style.display = 'none');"
        + " const shown = document.querySelector('main').innerText; english.forEach(e => e.style.display = ''); return shown; }");

    /// <summary>No horizontal scrolling: the page is no wider than the window.</summary>
    private static async Task AssertFits(IPage page, string view, int width)
    {
        var wide = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        if (wide > width)
        {
            // Name the elements that stick out, for the message.
            var outside = await page.EvaluateAsync<string[]>(
                "w => [...document.querySelectorAll('body *')].filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > w + 1 || r.left < -1); })"
                + ".slice(0, 8).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().left) + '…' + Math.round(e.getBoundingClientRect().right))",
                width);
            Assert.Fail($"the {view} view at {width} px is {wide} px wide: {string.Join(", ", outside)}");
        }
    }

    private static string Around(string text, int at) => text[Math.Max(0, at - 40)..Math.Min(text.Length, at + 40)];

    private static async Task Screenshot(IPage page, string name)
    {
        var folder = Path.Combine(Root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        // The queue is long: its screenshot is the window, where the list and the panel meet.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = !name.StartsWith("queue", StringComparison.Ordinal) });
    }

    /// <summary>xUnit calls <see cref="DisposeAsync"/> (IAsyncDisposable) after this; browser and server go there.</summary>
    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await server.DisposeAsync();
    }
}
