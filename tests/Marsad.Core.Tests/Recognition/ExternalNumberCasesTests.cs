using System.Globalization;
using System.Text.Json;
using Marsad.Recognition;
using Marsad.Tests.Support;
using Xunit.Abstractions;

namespace Marsad.Tests.Recognition;

/// <summary>
/// The Arabic cardinal number cases of Microsoft Recognizers-Text (MIT), read in place from
/// <c>../shared/external/recognizers-text/Number/NumberModel.json</c>. Cases the codebook rules out
/// are skipped with their reason; the pass rate of the rest is reported and held to a floor.
/// </summary>
public sealed partial class ExternalNumberCasesTests(ITestOutputHelper output)
{
    private const double PassRateFloor = 0.95;

    [Fact]
    public void Cardinal_number_cases_pass_at_the_floor()
    {
        var path = SharedData.PathTo("external", "recognizers-text", "Number", "NumberModel.json");
        using var cases = JsonDocument.Parse(File.ReadAllText(path));
        var suite = new PassRate("Recognizers-Text Arabic cardinals");
        foreach (var @case in cases.RootElement.EnumerateArray())
        {
            var input = @case.GetProperty("Input").GetString()!;
            var expected = @case.GetProperty("Results").EnumerateArray()
                .Select(r => r.GetProperty("Resolution").GetProperty("value").GetString()!).ToList();
            if (SkipReason(input, expected) is { } reason)
            {
                suite.Skip(reason);
                continue;
            }

            var found = QuantityRecognizer.Numbers(Analyze.Arabic(input))
                .Select(q => q.Value?.ToString(CultureInfo.InvariantCulture) ?? "?").ToList();
            suite.Check(found.SequenceEqual(expected), $"{input} → expected [{string.Join(", ", expected)}], found [{string.Join(", ", found)}]");
        }

        suite.AssertAtLeast(PassRateFloor, output);
    }

    /// <summary>Why a case is outside what the codebook counts, or null when it is in scope.</summary>
    private static string? SkipReason(string input, List<string> expected)
    {
        if (expected.Any(v => v.StartsWith('-')))
        {
            return "negative numbers: counts of people are never negative";
        }

        if (expected.Any(v => !long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return "fractions, decimals and powers: the codebook counts whole people";
        }

        if (FractionWords.Any(w => input.Contains(w, StringComparison.Ordinal)) || input.TrimEnd().EndsWith("خمس", StringComparison.Ordinal)
            || input.Contains('^', StringComparison.Ordinal) || input.Contains('e', StringComparison.Ordinal) || input.Contains(" - ", StringComparison.Ordinal))
        {
            return "fractions, divisions, powers and arithmetic written in words or symbols";
        }

        if (expected.Contains("0") || input.Contains("رقمان", StringComparison.Ordinal))
        {
            return "zero and 'two numbers' (رقمان): neither is a count of people";
        }

        if (GluedUnit().IsMatch(input))
        {
            return "digits glued to a unit (١٨٠ميلي، 20دولار): upstream reads no number there, but reports glue digits to nouns (و2100عنصر) and Marsad reads them";
        }

        if (DozenWords.Any(w => input.Contains(w, StringComparison.Ordinal)))
        {
            return "dozens and trillions: not how conflict reports count people";
        }

        if (DecimalComma().IsMatch(input))
        {
            return "a comma before fewer than three digits as a decimal point: the codebook reads commas as thousands";
        }

        if (Disagreements.Contains(input.Trim()))
        {
            return "the upstream value contradicts standard Arabic (322 ألف is 322,000; اثني عشر مليار is 12 billion)";
        }

        return null;
    }

    private static readonly string[] FractionWords = ["أخماس", "اخماس", "خمس ", " على ", "خمس؟", "نصف", "ربع", "ثلث"];

    private static readonly string[] DozenWords = ["دزينة", "دزينات", "دزينتين", "دستة", "دستات", "تريليون", "ترليون"];

    private static readonly HashSet<string> Disagreements =
    [
        "البيت قيمته ٣٢٢ ألف ريال",
        "كان ثمن حجرة الالماس اثني عشر مليار ريال.",
    ];

    [System.Text.RegularExpressions.GeneratedRegex(@"[0-9٠-٩](ميلي|مل|ك\.|دولار|مليون|M)")]
    private static partial System.Text.RegularExpressions.Regex GluedUnit();

    [System.Text.RegularExpressions.GeneratedRegex(@"[0-9٠-٩][,٫][0-9٠-٩]{1,2}(?![0-9٠-٩])")]
    private static partial System.Text.RegularExpressions.Regex DecimalComma();
}
