using BenchmarkDotNet.Attributes;
using Marsad.Extraction;
using Marsad.Model;
using Marsad.Storage;
using Marsad.Tallies;
using Marsad.Time;

namespace Marsad.Benchmarks;

/// <summary>
/// Tallying 100,000 stored claims: the claims of the seed reports copied over about 1,050 report
/// days (each copy a day later, its figures a little higher, so series grow long), stored in a
/// SQLite file; then read back and tallied (<see cref="ReadAndTally"/>), or tallied from memory.
/// </summary>
[MemoryDiagnoser]
public class TallyBenchmarks
{
    private const int Claims = 100_000;

    private string folder = "";
    private MarsadStore? store;
    private IReadOnlyList<Mention> mentions = [];

    [GlobalSetup]
    public void Setup()
    {
        var seeds = Path.Combine(PipelineBenchmarks.RepositoryRoot(), "..", "shared", "corpus", "seeds");
        var extracted = Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => new SourceDocument(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f), DocumentMetadata.None))
            .Select(d => (Document: d, Result: ClaimExtractor.Default.Extract(d)))
            .ToList();
        folder = Directory.CreateTempSubdirectory("marsad-tally-bench-").FullName;
        store = MarsadStore.Open(Path.Combine(folder, "bench.db"));
        var stored = 0;
        for (var copy = 0; stored < Claims; copy++)
        {
            foreach (var (document, result) in extracted)
            {
                var id = $"{document.Id}-{copy:D5}";
                var claims = result.Claims.Take(Claims - stored).Select(c => Shift(c, id, copy)).ToList();
                var published = PublicationDate.Given(new DateOnly(2019, 1, 25).AddDays(copy));
                store.AddDocument(document with { Id = id, Text = document.Text + "\n" + id }, new ExtractionResult(claims, published), ClaimExtractor.Version);
                stored += claims.Count;
                if (stored >= Claims)
                {
                    break;
                }
            }
        }

        mentions = store.Mentions();
        if (mentions.Count != Claims)
        {
            throw new InvalidOperationException($"{mentions.Count} claims stored, {Claims} wanted.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        store?.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public int ReadAndTally() => TallyBuilder.Build(store!.Mentions()).Series.Count;

    [Benchmark]
    public int ReadOnly() => store!.Mentions().Count;

    [Benchmark]
    public int TallyInMemory() => TallyBuilder.Build(mentions).Series.Count;

    private static Claim Shift(Claim claim, string doc, int days) => claim with
    {
        Doc = doc,
        Id = doc + claim.Id[claim.Id.IndexOf('#', StringComparison.Ordinal)..],
        Parent = claim.Parent is { } parent ? doc + parent[parent.IndexOf('#', StringComparison.Ordinal)..] : null,
        Value = claim.Value + (days * 10),
        Time = claim.Time with { AsOf = claim.Time.AsOf?.AddDays(days), Start = claim.Time.Start?.AddDays(days), End = claim.Time.End?.AddDays(days) },
    };
}
