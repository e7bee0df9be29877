namespace Marsad.Monitoring;

/// <summary>
/// How often a source is polled (the adaptive scheme of Media Cloud's feed fetcher and EMM): a
/// round that found nothing new stretches the interval by half, one where most entries were new
/// halves it, always between <see cref="Floor"/> and <see cref="Ceiling"/>. A failure adds one to
/// the source's failure count and a success halves it, so the back-off (the interval doubled per
/// whole failure) fades after a source comes back instead of disabling it.
/// </summary>
public sealed record PollingPolicy(TimeSpan Floor, TimeSpan Ceiling, TimeSpan Initial)
{
    private const int MostDoublings = 8;

    public static PollingPolicy Default { get; } = new(TimeSpan.FromMinutes(5), TimeSpan.FromDays(1), TimeSpan.FromMinutes(30));

    /// <summary>The interval after a round that read <paramref name="items"/> entries of which <paramref name="fresh"/> were new.</summary>
    public TimeSpan After(TimeSpan interval, int items, int fresh)
    {
        var share = items == 0 ? 0 : (double)fresh / items;
        var next = share == 0 ? interval * 1.5 : share > 0.5 ? interval / 2 : interval;
        return Clamp(next);
    }

    /// <summary>The failure count after a round: one more when it failed, half when it did not.</summary>
    public static double Failures(double failures, bool failed) => failed ? failures + 1 : failures / 2;

    /// <summary>When to poll next: the interval, doubled per whole failure, never beyond the ceiling.</summary>
    public DateTimeOffset Next(DateTimeOffset now, TimeSpan interval, double failures) =>
        now + Clamp(interval * Math.Pow(2, Math.Min(Math.Floor(failures), MostDoublings)));

    public TimeSpan Clamp(TimeSpan interval) => interval < Floor ? Floor : interval > Ceiling ? Ceiling : interval;
}
