using Marsad.Model;

namespace Marsad.Tests.Support;

/// <summary>Days in test data, written as the codebook writes them.</summary>
public static class Days
{
    /// <summary>The day a text writes (null for null); a text that is no day fails the test that wrote it.</summary>
    public static Day? Of(string? text) =>
        text is null ? null : Day.TryParse(text) ?? throw new ArgumentException($"'{text}' is no day (YYYY-MM-DD or --MM-DD).", nameof(text));
}
