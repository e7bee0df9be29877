using BenchmarkDotNet.Attributes;
using Marsad.Analysis;
using Marsad.Claims;
using Marsad.Extraction;
using Marsad.Model;
using Marsad.Recognition;
using Marsad.Text;
using Marsad.Time;

namespace Marsad.Benchmarks;

/// <summary>
/// Each pipeline stage over the five seed reports (41 KB of Arabic), read in place from
/// <c>../shared/corpus/seeds</c>. Bytes per operation are the UTF-8 size of the seeds, so
/// MB/s = 0.041 / mean seconds.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private readonly LanguagePack arabic = LanguagePack.Arabic;
    private SourceDocument[] documents = [];
    private NormalizedText[] normalized = [];
    private AnalyzedText[] analyzed = [];
    private List<Draft>[] drafts = [];

    [GlobalSetup]
    public void Setup()
    {
        var seeds = Path.Combine(RepositoryRoot(), "..", "shared", "corpus", "seeds");
        documents = [.. Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => new SourceDocument(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f), DocumentMetadata.None))];
        normalized = [.. documents.Select(d => arabic.Normalizer.Normalize(d.Text))];
        analyzed = [.. normalized.Select(n => new AnalyzedText(n, arabic))];
        drafts = [.. analyzed.Select(a => ClaimParser.Parse(a, QuantityRecognizer.Recognize(a)))];
    }

    [Benchmark]
    public int Normalize() => documents.Sum(d => arabic.Normalizer.Normalize(d.Text).Text.Length);

    [Benchmark]
    public int Tokenize() => normalized.Sum(n => Tokenizer.Tokenize(n.Text).Count);

    [Benchmark]
    public int AnalyzeWithPhrases() => normalized.Sum(n => new AnalyzedText(n, arabic).Tokens.Count);

    [Benchmark]
    public int RecognizeQuantities() => analyzed.Sum(a => QuantityRecognizer.Recognize(a).Count);

    [Benchmark]
    public int ParseClaims() => analyzed.Sum(a => ClaimParser.Parse(a, QuantityRecognizer.Recognize(a)).Count);

    /// <summary>The time stage alone: date mentions, publication inference, claim time.</summary>
    [Benchmark]
    public int ResolveTime()
    {
        var resolved = 0;
        for (var i = 0; i < analyzed.Length; i++)
        {
            var mentions = DateRecognizer.Recognize(analyzed[i]);
            var publication = PublicationDateInference.Infer(analyzed[i], mentions);
            resolved += new ClaimTimeResolver(analyzed[i], mentions, publication).Resolve(drafts[i]).Count;
        }

        return resolved;
    }

    [Benchmark(Baseline = true)]
    public int ExtractClaims() => documents.Sum(d => ClaimExtractor.Default.Extract(d).Claims.Count);

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Marsad.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
