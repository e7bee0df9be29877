using System.Globalization;
using System.Text.Json;
using Marsad.Tests.Support;
using Marsad.Time;
using Xunit.Abstractions;

namespace Marsad.Tests.Time;

/// <summary>
/// The Arabic date-parsing cases of Microsoft Recognizers-Text (MIT), read in place from
/// <c>../shared/external/recognizers-text/DateTime/DateParser.json</c>: each input is resolved
/// against its reference date as if that were the report's publication day, and compared with the
/// expected past resolution (reports speak of what has happened). Cases outside what the codebook
/// needs are skipped with their reason; the pass rate of the rest is reported and held to a floor.
/// </summary>
public sealed partial class ExternalDateCasesTests(ITestOutputHelper output)
{
    private const double PassRateFloor = 0.85;

    [Fact]
    public void Single_day_cases_pass_at_the_floor()
    {
        var path = SharedData.PathTo("external", "recognizers-text", "DateTime", "DateParser.json");
        using var cases = JsonDocument.Parse(File.ReadAllText(path));
        var suite = new PassRate("Recognizers-Text Arabic dates");
        foreach (var @case in cases.RootElement.EnumerateArray())
        {
            var input = @case.GetProperty("Input").GetString()!;
            var results = @case.GetProperty("Results");
            var reference = DateOnly.FromDateTime(DateTime.Parse(
                @case.GetProperty("Context").GetProperty("ReferenceDateTime").GetString()!, CultureInfo.InvariantCulture));
            var expected = results.GetArrayLength() == 1 && results[0].GetProperty("Value").TryGetProperty("PastResolution", out var past)
                && past.TryGetProperty("date", out var date) ? date.GetString() : null;
            var timex = results.GetArrayLength() == 1 ? results[0].GetProperty("Value").GetProperty("Timex").GetString() : null;
            if (SkipReason(input, expected, timex) is { } reason)
            {
                suite.Skip(reason);
                continue;
            }

            var found = DateResolution.FirstDay(input, reference)?.ToString();
            suite.Check(found == expected, $"{input} (reference {reference:yyyy-MM-dd}) → expected {expected}, found {found ?? "nothing"}");
        }

        suite.AssertAtLeast(PassRateFloor, output);
    }

    /// <summary>Why a case is outside what the codebook needs, or null when it is in scope.</summary>
    private static string? SkipReason(string input, string? expected, string? timex)
    {
        if (expected is null || timex is null || expected.StartsWith("0001", StringComparison.Ordinal))
        {
            return "no single expected day (several results, or none)";
        }

        if (timex.Contains('W', StringComparison.Ordinal) || input.Contains("أسبوع", StringComparison.Ordinal) || input.Contains("الاسبوع", StringComparison.Ordinal))
        {
            return "weeks: reports date figures by day, month and weekday";
        }

        if (NumericDate().IsMatch(input))
        {
            return "numeric dates (4/22, 2016-04-21, 2. أكتوبر): not how the reports write dates";
        }

        if (OutOfScopeWords.FirstOrDefault(w => input.Contains(w, StringComparison.Ordinal)) is { } word)
        {
            return "counted or ordinal days and future weekdays (قبل، بعد، من الآن، الأحد الأول، القادم …): not needed to date report figures";
        }

        if (YearInWords.Any(w => input.Contains(w, StringComparison.Ordinal)))
        {
            return "years written in words: reports write years in digits";
        }

        if (!Months.Any(m => input.Contains(m, StringComparison.Ordinal)) && !input.Contains("الشهر", StringComparison.Ordinal)
            && (input.Any(char.IsAsciiDigit) || !Days.Any(d => input.Contains(d, StringComparison.Ordinal))))
        {
            return "a day number without a month ('عدت في 27', 'الجمعة 15'): reports name the month";
        }

        return null;
    }

    private static readonly string[] OutOfScopeWords =
        ["قبل", "بعد", "أول يوم", "آخر يوم", "من الآن", "هذا", "التالي", "السابق", "القادم", "الماضي يوم", "يومي", "اليوم الماضي",
         "الأحد الأول", "الأحد الثاني", "الأحد الخامس", "الثلاثاء الثالث", "واحد وعشرين"];

    private static readonly string[] YearInWords = ["ألف", "ألفين", "ألفان"];

    private static readonly string[] Months =
        ["يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
         "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين"];

    private static readonly string[] Days = ["الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "اليوم", "أمس", "غد"];

    [System.Text.RegularExpressions.GeneratedRegex(@"\d\s*[/.\-]\s*\d|\d\.\s")]
    private static partial System.Text.RegularExpressions.Regex NumericDate();
}
