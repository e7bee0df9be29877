using Xunit.Abstractions;

namespace Marsad.Tests.Support;

/// <summary>
/// A third-party case suite's result: what was skipped and why, what failed, and the pass rate of
/// the cases in scope held to a floor.
/// </summary>
public sealed class PassRate(string suite)
{
    private readonly Dictionary<string, int> skipped = [];
    private readonly List<string> failures = [];
    private int inScope;

    public void Skip(string reason) => skipped[reason] = skipped.GetValueOrDefault(reason) + 1;

    public void Check(bool passed, string failure)
    {
        inScope++;
        if (!passed)
        {
            failures.Add(failure);
        }
    }

    public void AssertAtLeast(double floor, ITestOutputHelper output)
    {
        var rate = (inScope - failures.Count) / (double)inScope;
        output.WriteLine($"{suite}: in scope: {inScope}, passed: {inScope - failures.Count} ({rate:P1})");
        foreach (var (reason, count) in skipped.OrderByDescending(p => p.Value))
        {
            output.WriteLine($"skipped {count}: {reason}");
        }

        failures.ForEach(output.WriteLine);
        Assert.True(rate >= floor, $"{suite}: pass rate {rate:P1} is under {floor:P0}; failures:\n{string.Join('\n', failures)}");
    }
}
