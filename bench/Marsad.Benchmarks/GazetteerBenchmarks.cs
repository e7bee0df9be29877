using BenchmarkDotNet.Attributes;
using Marsad.Analysis;
using Marsad.Gazetteer;

namespace Marsad.Benchmarks;

/// <summary>
/// Gazetteer lookups by name, as a user or report writes them: a fixed, seeded mix of 10,000
/// queries — every known name once in a while, bare, with a conjunction or preposition glued on
/// ("وهجين", "بمنبج"), after a place word ("بلدة …"), with diacritics, and names it does not know.
/// Names per second = 10,000 / mean seconds.
/// </summary>
[MemoryDiagnoser]
public class GazetteerBenchmarks
{
    private const int Queries = 10_000;

    private readonly GazetteerIndex gazetteer = LanguagePack.Arabic.Gazetteer;
    private string[] queries = [];

    [GlobalSetup]
    public void Setup()
    {
        var names = gazetteer.Names;
        var random = new Random(20190125);
        queries = new string[Queries];
        for (var i = 0; i < Queries; i++)
        {
            var name = names[random.Next(names.Count)];
            queries[i] = (i % 6) switch
            {
                0 => name,
                1 => "و" + name,
                2 => "ب" + name,
                3 => "بلدة " + name,
                4 => string.Join('\u064E', name.ToCharArray()),
                _ => name + "ستان",
            };
        }
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int Lookup()
    {
        var found = 0;
        foreach (var query in queries)
        {
            found += gazetteer.Lookup(query) is null ? 0 : 1;
        }

        return found;
    }
}
