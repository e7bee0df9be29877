using System.Text.Json;
using Marsad.Monitoring;
using Marsad.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Marsad.Tests;

public sealed class WebhooksTests
{
    private static readonly Alert Alert = new(
        7, "series_decrease", "killed.civilian.SY-DY.since-2019-01-01", "civilians killed", "b", "250 is below 300",
        [new AlertClaim("b#1", "250", "250", "the sentence")], DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task An_alert_is_posted_as_JSON_and_retried_until_the_receiver_takes_it()
    {
        await using var receiver = await FixtureServer.Start();
        var bodies = new List<string>();
        receiver.Serve("/hook", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            bodies.Add(await reader.ReadToEndAsync());
            context.Response.StatusCode = bodies.Count < 3 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status204NoContent;
        });
        using var hooks = new Webhooks([receiver.Url("/hook")], TimeSpan.FromSeconds(2), [TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10)]);

        var failures = await hooks.Deliver([Alert]);

        Assert.Empty(failures);
        Assert.Equal(3, bodies.Count);
        using var json = JsonDocument.Parse(bodies[^1]);
        Assert.Equal("series_decrease", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("killed.civilian.SY-DY.since-2019-01-01", json.RootElement.GetProperty("series").GetString());
    }

    [Fact]
    public async Task A_receiver_that_never_takes_it_is_named_with_the_last_reason()
    {
        await using var receiver = await FixtureServer.Start();
        receiver.Serve("/hook", context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        });
        using var hooks = new Webhooks([receiver.Url("/hook")], TimeSpan.FromSeconds(2), [TimeSpan.FromMilliseconds(10)]);

        var failure = Assert.Single(await hooks.Deliver([Alert]));

        Assert.EndsWith("HTTP 500", failure, StringComparison.Ordinal);
        Assert.Equal(2, receiver.Hits("/hook"));
    }
}
