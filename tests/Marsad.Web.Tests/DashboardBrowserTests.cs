using Marsad.Extraction;
using Marsad.Storage;
using Marsad.Tests.Support;
using Marsad.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Marsad.Tests;

/// <summary>
/// The dashboard in a real browser — Debian's Chromium, headless, driven by Playwright — against
/// the server on loopback: upload a seed report, see its figures highlighted, correct one, see the
/// tally change. A screenshot of each page goes to <c>artifacts/screenshots/</c>.
/// </summary>
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string Root = SharedData.RepositoryRoot;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "marsad-browser-" + Guid.NewGuid().ToString("N"));
    private WebApplication? app;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private string url = "";
    private string token = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "marsad.db");
        using (var store = MarsadStore.Open(database))
        {
            token = store.AddUser("rania")!;
        }

        app = MarsadWeb.Create(new WebOptions(database, ClaimExtractor.Default), "http://127.0.0.1:0");
        await app.StartAsync();
        url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    [Fact]
    public async Task Upload_a_seed_report_see_its_claims_correct_one_and_see_the_tally_change()
    {
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(url);
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));

        await page.FillAsync("#token", token);
        await page.DispatchEventAsync("#token", "change");
        var report = await File.ReadAllTextAsync(Path.Combine(Root, "..", "shared", "corpus", "seeds", "000_056f64d75c95e8c1.txt"));
        await page.FillAsync("#upload-text", report);
        await page.ClickAsync("#upload button[type=submit]");
        await page.WaitForSelectorAsync("#document-list li");
        await Screenshot(page, "documents");

        await page.ClickAsync("#document-list a");
        await page.WaitForSelectorAsync("mark.claim");
        var marks = await page.Locator("mark.claim").CountAsync();
        Assert.True(marks >= 30, $"{marks} figures highlighted");
        var sdf = page.Locator("mark.claim", new PageLocatorOptions { HasText = "653" }).First;
        await sdf.ClickAsync();
        await page.WaitForSelectorAsync("#claim-panel:not([hidden])");
        await Screenshot(page, "document");

        await page.FillAsync("#review-reason", "The Observatory corrected the figure the next day");
        await page.FillAsync("#review-value", "663");
        await page.ClickAsync("#review [data-action=correct]");
        await page.WaitForSelectorAsync("mark.claim[data-status=correct]");
        await page.WaitForSelectorAsync("#review-log li");
        Assert.Contains("rania", await page.InnerTextAsync("#review-log"), StringComparison.Ordinal);

        await page.ClickAsync("nav button[data-view=tally]");
        await page.WaitForSelectorAsync("#series-list li");
        var sdfSeries = page.Locator("#series-list li", new PageLocatorOptions { HasText = "killed.SDF.fighter.SY-DY.since-2018-09-10" });
        Assert.Contains("663", await sdfSeries.InnerTextAsync(), StringComparison.Ordinal);
        await Screenshot(page, "tally");

        await page.ClickAsync("nav button[data-view=map]");
        await page.WaitForSelectorAsync("#map-canvas path[data-admin1='SY-DY']");
        Assert.Equal(14 + 18, await page.Locator("#map-canvas path[data-admin1]").CountAsync());
        Assert.NotEqual("#ffffff", await page.GetAttributeAsync("#map-canvas path[data-admin1='SY-DY']", "fill"));
        Assert.Contains("OCHA", await page.InnerTextAsync(".credits"), StringComparison.Ordinal);
        await Screenshot(page, "map");

        await page.ClickAsync("#language");
        Assert.Equal("ltr", await page.GetAttributeAsync("html", "dir"));
        await page.ClickAsync("nav button[data-view=checks]");
        await Screenshot(page, "checks-english");

        await page.ClickAsync("nav button[data-view=reference]");
        await page.WaitForSelectorAsync("#endpoint-list li");
        Assert.Contains("POST /api/claims/{id}/reviews", await page.InnerTextAsync("#endpoint-list"), StringComparison.Ordinal);
        await Screenshot(page, "api-reference");
    }

    [Fact]
    public async Task Text_from_a_report_is_never_rendered_as_HTML()
    {
        using (var store = MarsadStore.Open(Path.Combine(folder, "marsad.db")))
        {
            var text = "<img src=x onerror=\"document.title='pwned'\"> قتل 5 مدنيين في قصف على ريف إدلب الجنوبي";
            var document = new Model.SourceDocument("x", text, Model.DocumentMetadata.None);
            store.AddDocument(document, ClaimExtractor.Default.Extract(document), ClaimExtractor.Version);
        }

        var page = await browser!.NewPageAsync();
        await page.GotoAsync(url);
        await page.ClickAsync("#document-list a");
        await page.WaitForSelectorAsync("mark.claim");
        Assert.Equal(0, await page.Locator("#document-text img").CountAsync());
        Assert.NotEqual("pwned", await page.TitleAsync());
    }

    private static async Task Screenshot(IPage page, string name)
    {
        var folder = Path.Combine(Root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
