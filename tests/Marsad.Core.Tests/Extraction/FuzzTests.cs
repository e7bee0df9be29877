using System.Globalization;
using System.Text;
using CsCheck;
using Marsad.Extraction;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Tests.Support;
using Xunit.Abstractions;

namespace Marsad.Tests.Extraction;

/// <summary>
/// Property tests over generated reports (CsCheck): Arabic and English text built from the
/// project's own lexicons (every phrase of every TSV under <c>src/Marsad.Core/Languages</c>),
/// digits of every script with separators, controls and odd code points, read as a text or an
/// HTML upload and extracted with and without a publication date. For every document: no stage
/// throws, every span is exactly its text in the original, its quote is the original's too,
/// low ≤ value ≤ high, nothing is negative, and every parent exists.
/// </summary>
/// <remarks>
/// CI runs <see cref="DefaultDocuments"/> documents. A longer run sets <c>MARSAD_FUZZ_DOCUMENTS</c>
/// (see <c>tests/fuzz.md</c>); a failure prints the seed that replays it with <c>MARSAD_FUZZ_SEED</c>.
/// </remarks>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const long DefaultDocuments = 10_000;

    private static readonly string[] Phrases = LexiconPhrases();

    /// <summary>Zero in each script whose digits Unicode numbers 0–9 in a row (the folding maps several of them).</summary>
    private static readonly char[] Zeros = ['0', '\u0660', '\u06F0', '\u0966', '\u09E6', '\u0E50', '\uFF10', '\u07C0', '\u1040'];

    private static readonly string[] Separators = [",", ".", "٬", "،", "٫", " ", "\u00A0", "\u202F", "'", "-", "/", ":", "، ", ", "];

    private static readonly string[] Odd =
    [
        "\0", "\t", "\r", "\r\n", "\u000B", "\u0085", "\u2028", "\u2029", "\u200B", "\u200C", "\u200D", "\u200E", "\u200F",
        "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2069", "\uFEFF", "\uFFFE", "\uFFFF", "\uFDD0", "\uFFFD",
        "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uD83D\uDE00", "\u0640", "\u064B", "\u0651", "\u0670", "\u0301", "\u0300",
        "<", ">", "</", "<p>", "<br>", "<!--", "-->", "<script>", "&", "&amp;", "&#1633;", "&#x0;", "&#99999999;", "\"", "«", "»",
        "(", ")", "[", "]", "%", "٪", "+", "−", "-", "—", "…", "؟", "?", "!", "؛", ";",
    ];

    private static readonly string[] Spaces = ["", " ", " ", " ", "  ", "\n", "\n\n", "، ", ". ", "\t"];

    private static readonly Gen<string> Digits =
        Gen.Select(Gen.Int[0, Zeros.Length - 1], Gen.Int[1, 4].SelectMany(groups => Gen.Int[1, 12].Array[groups]), Gen.Int[0, Separators.Length - 1], Gen.Int[0, 20])
            .Select((script, groups, separator, seed) =>
            {
                var random = new Random(seed);
                return string.Join(Separators[separator], groups.Select(length =>
                    new string([.. Enumerable.Range(0, length).Select(_ => (char)(Zeros[script] + random.Next(10)))])));
            });

    private static readonly Gen<string> Piece = Gen.Frequency(
        (12, Gen.Int[0, Phrases.Length - 1].Select(i => Phrases[i])),
        (4, Digits),
        (1, Gen.Int[1, 30].Select(n => new string('9', n))),
        (2, Gen.Int[0, Odd.Length - 1].Select(i => Odd[i])),
        (1, Gen.Char.Select(c => c.ToString())),
        (1, Gen.Int[1900, 2100].Select(y => y.ToString(CultureInfo.InvariantCulture))));

    /// <summary>A report: pieces joined by spaces, lines or nothing, a kind to read it as, and maybe a publication date.</summary>
    private static readonly Gen<(string Text, ReportKind Kind, DateOnly? Published)> Report =
        Gen.Select(
            Gen.Select(Piece, Gen.Int[0, Spaces.Length - 1]).Array[0, 80].Select(parts => string.Concat(parts.Select(p => p.Item1 + Spaces[p.Item2]))),
            Gen.Frequency((4, Gen.Const(ReportKind.Text)), (1, Gen.Const(ReportKind.Html))),
            Gen.Frequency((1, Gen.Const((DateOnly?)null)), (3, Gen.Int[0, 365 * 30].Select(d => (DateOnly?)new DateOnly(2000, 1, 1).AddDays(d)))));

    [Fact]
    public void Generated_reports_never_throw_and_every_claim_keeps_its_invariants()
    {
        var documents = long.TryParse(Environment.GetEnvironmentVariable("MARSAD_FUZZ_DOCUMENTS"), out var n) ? n : DefaultDocuments;
        var claims = 0L;
        Report.Sample(
            report =>
            {
                Interlocked.Add(ref claims, Check(report.Text, report.Kind, report.Published));
            },
            seed: Environment.GetEnvironmentVariable("MARSAD_FUZZ_SEED"),
            iter: documents,
            print: report => $"{report.Kind} published {report.Published}: \"{Escaped(report.Text)}\"");
        output.WriteLine($"{documents} generated documents, {claims} claims, 0 exceptions, 0 violated properties.");
    }

    /// <summary>Reads the report as an upload of its kind and checks every claim extracted from it; returns how many.</summary>
    private static int Check(string text, ReportKind kind, DateOnly? published)
    {
        var count = 0;
        foreach (var read in ReportReader.Read(Encoding.UTF8.GetBytes(text), kind, "fuzz", new DocumentMetadata(Published: published)))
        {
            if (read is not ReadDocument { Document: var document })
            {
                continue;
            }

            var claims = ClaimExtractor.Default.Extract(document).Claims;
            var ids = claims.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var claim in claims)
            {
                Assert.InRange(claim.Span.Start, 0, document.Text.Length);
                Assert.InRange(claim.Span.End, claim.Span.Start + 1, document.Text.Length);
                Assert.Equal(document.Text[claim.Span.Start..claim.Span.End], claim.Text);
                Assert.Contains(claim.Quote, document.Text, StringComparison.Ordinal);
                Assert.True(claim.Value is null or >= 0, $"negative value {claim.Value}");
                Assert.True(claim.Low is null or >= 0, $"negative low {claim.Low}");
                Assert.True(claim.High is null or >= 0, $"negative high {claim.High}");
                Assert.True(InBounds(claim), $"{claim.Qualifier} value {claim.Value} outside [{claim.Low}, {claim.High}]");
                Assert.True(claim.Low is null || claim.High is null || claim.Low <= claim.High, $"low {claim.Low} above high {claim.High}");
                Assert.True(claim.Parent is null || ids.Contains(claim.Parent), $"parent {claim.Parent} missing");
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// low ≤ value ≤ high; for "more than" and "less than" the stated figure is just outside its
    /// bound by the codebook's own rule (CODEBOOK §2: more_than 260 → low 261).
    /// </summary>
    private static bool InBounds(Claim claim) => claim.Qualifier switch
    {
        Qualifier.MoreThan => claim.Low == claim.Value + 1,
        Qualifier.LessThan => claim.High == Math.Max(0, claim.Value!.Value - 1),
        _ => (claim.Low is null || claim.Value is null || claim.Low <= claim.Value) && (claim.High is null || claim.Value is null || claim.Value <= claim.High),
    };

    private static string Escaped(string text) =>
        string.Concat(text.Select(c => c < ' ' || char.IsSurrogate(c) || c >= '\uFDD0' ? $"\\u{(int)c:X4}" : c.ToString()));

    /// <summary>The first field of every row of every language file: the phrases the engine knows.</summary>
    private static string[] LexiconPhrases()
    {
        var languages = Path.Combine(SharedData.RepositoryRoot, "src", "Marsad.Core", "Languages");
        return [.. Directory.EnumerateFiles(languages, "*.tsv", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines)
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('\t')[0].TrimEnd('*'))
            .Where(phrase => phrase.Length > 0)
            .Distinct(StringComparer.Ordinal)];
    }
}
