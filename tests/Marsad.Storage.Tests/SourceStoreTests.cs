using Marsad.Monitoring;
using Marsad.Storage;
using Marsad.Tests.Support;

namespace Marsad.Tests;

/// <summary>Watched sources, their fetch log and alerts in a real SQLite file.</summary>
public abstract class SourceStoreTests(Engine engine) : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "marsad-sources-" + Guid.NewGuid().ToString("N"));

    private string? database;

    /// <summary>The store of this test: a file in the folder, or a new database on the tests' PostgreSQL server.</summary>
    private string Database => database ??= engine.NewStore(folder);

    private MarsadStore Open() => MarsadStore.Open(Database);

    [Fact]
    public void A_source_is_added_once_found_by_number_or_URL_paused_and_removed()
    {
        using var store = Open();
        var source = store.AddSource("https://s.org/feed", "S", SourceKind.Rss, TimeSpan.FromMinutes(30))!;
        Assert.Null(store.AddSource("https://s.org/feed", "again", SourceKind.Auto, TimeSpan.FromMinutes(30)));
        Assert.Equal(source, store.FindSource("1"));
        Assert.Equal(source, store.FindSource("https://s.org/feed"));
        Assert.Single(store.DueSources(DateTimeOffset.UtcNow));

        store.PauseSource(source.Id, paused: true);
        Assert.Empty(store.DueSources(DateTimeOffset.UtcNow));
        Assert.True(store.FindSource("1")!.Paused);

        Assert.True(store.RemoveSource(source.Id));
        Assert.Empty(store.Sources());
    }

    [Fact]
    public void A_poll_saves_the_state_and_the_log_keeps_the_last_polls_latest_first()
    {
        using var store = Open();
        var source = store.AddSource("https://s.org/feed", "S", SourceKind.Auto, TimeSpan.FromMinutes(30))!;
        var at = DateTimeOffset.UtcNow;
        for (var i = 0; i < MarsadStore.FetchEventsKept + 5; i++)
        {
            store.RecordFetch(
                source with { Failures = 1.5, ETag = "\"e\"", NextFetchAt = at.AddHours(1) },
                new FetchEvent(at.AddSeconds(i), FetchOutcome.Failed, 500, $"HTTP 500 #{i}", 0, 0, 0, 0, TimeSpan.FromMilliseconds(12)));
        }

        var events = store.FetchEvents(source.Id);
        Assert.Equal(MarsadStore.FetchEventsKept, events.Count);
        Assert.Equal($"HTTP 500 #{MarsadStore.FetchEventsKept + 4}", events[0].Reason);
        var saved = store.FindSource("1")!;
        Assert.Equal(1.5, saved.Failures);
        Assert.Equal("\"e\"", saved.ETag);
        Assert.Empty(store.DueSources(at));
    }

    [Fact]
    public void Alerts_come_back_with_their_claims_latest_first_and_filtered()
    {
        using var store = Open();
        var at = new DateTimeOffset(2026, 11, 29, 6, 0, 0, TimeSpan.Zero);
        store.AddAlerts([
            new Alert(0, "value_conflict", "s1", "S1", "a", "x", [new AlertClaim("a#1", "3", "3", "q")], at),
            new Alert(0, "series_decrease", "s2", "S2", "b", "y", [], at.AddHours(1)),
        ]);

        Assert.Equal(["series_decrease", "value_conflict"], store.Alerts().Select(a => a.Kind));
        Assert.Equal("q", store.Alerts(kind: "value_conflict")[0].Claims[0].Quote);
        Assert.Equal("s2", Assert.Single(store.Alerts(since: at.AddMinutes(30))).SeriesId);
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The contract on a SQLite file.</summary>
    public sealed class OnSqlite() : SourceStoreTests(Engine.Sqlite);

    /// <summary>The contract on a PostgreSQL database.</summary>
    public sealed class OnPostgreSql() : SourceStoreTests(Engine.PostgreSql);
}
