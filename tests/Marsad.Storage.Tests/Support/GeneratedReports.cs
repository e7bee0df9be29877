using System.Globalization;
using Marsad.Model;

namespace Marsad.Tests.Support;

/// <summary>
/// Reports written by a template for load tests: Arabic and English sentences with varied figures,
/// places, baselines and publication days, each text distinct.
/// </summary>
public static class GeneratedReports
{
    private static readonly string[] Places = ["دير الزور", "الرقة", "إدلب", "حلب", "الحسكة", "حمص"];

    public static IEnumerable<SourceDocument> Take(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var published = new DateOnly(2019, 1, 1).AddDays(i % 300);
            var text = (i % 3) switch
            {
                0 => $"المرصد السوري: ارتفع إلى {100 + i} عدد المدنيين الذين قتلوا في {Places[i % Places.Length]} منذ الـ 10 من أيلول / سبتمبر 2018، بينهم {10 + (i % 50)} طفلاً.",
                1 => $"قتل {5 + (i % 90)} عنصراً من قوات سوريا الديمقراطية في اشتباكات في {Places[i % Places.Length]}، وأصيب {20 + (i % 40)} آخرون. (تقرير {i})",
                _ => $"Air strikes killed {3 + (i % 70)} civilians, among them {1 + (i % 3)} children, in Idlib on report day {i}.",
            };
            yield return new SourceDocument(
                "gen-" + i.ToString("D5", CultureInfo.InvariantCulture), text, new DocumentMetadata(Source: i % 2 == 0 ? "SOHR" : "AFP", Published: published));
        }
    }
}
