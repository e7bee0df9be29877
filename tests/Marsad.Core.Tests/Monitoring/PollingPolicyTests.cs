using Marsad.Monitoring;

namespace Marsad.Tests.Monitoring;

public sealed class PollingPolicyTests
{
    private static readonly PollingPolicy Policy = new(TimeSpan.FromMinutes(5), TimeSpan.FromDays(1), TimeSpan.FromMinutes(30));

    [Theory]
    [InlineData(30, 20, 0, 45)]
    [InlineData(30, 0, 0, 45)]
    [InlineData(30, 20, 15, 15)]
    [InlineData(30, 20, 5, 30)]
    [InlineData(6, 20, 20, 5)]
    [InlineData(1200, 20, 0, 1440)]
    public void The_interval_follows_the_share_of_new_entries_between_floor_and_ceiling(double minutes, int items, int fresh, double expected) =>
        Assert.Equal(TimeSpan.FromMinutes(expected), Policy.After(TimeSpan.FromMinutes(minutes), items, fresh));

    [Fact]
    public void Failures_back_off_by_doubling_and_fade_by_halving()
    {
        var now = DateTimeOffset.UnixEpoch;
        Assert.Equal(now.AddMinutes(30), Policy.Next(now, TimeSpan.FromMinutes(30), 0.5));
        Assert.Equal(now.AddMinutes(120), Policy.Next(now, TimeSpan.FromMinutes(30), 2));
        Assert.Equal(now.AddDays(1), Policy.Next(now, TimeSpan.FromMinutes(30), 40));
        Assert.Equal(3, PollingPolicy.Failures(2, failed: true));
        Assert.Equal(1, PollingPolicy.Failures(2, failed: false));
    }
}
