using Marsad.Analysis;
using Marsad.Model;

namespace Marsad.Time;

/// <summary>Resolves the time expressions of a short text on their own, against a given today.</summary>
public static class DateResolution
{
    /// <summary>The first day a text names, resolved as a report published on <paramref name="today"/> would be.</summary>
    public static Day? FirstDay(string text, DateOnly today, LanguagePack? language = null)
    {
        language ??= LanguagePack.Arabic;
        var analyzed = new AnalyzedText(language.Normalizer.Normalize(text), language);
        var mentions = DateRecognizer.Recognize(analyzed);
        var resolver = new ClaimTimeResolver(analyzed, mentions, PublicationDate.Given(today));
        return mentions.Where(m => m.IsDay || m.Month is not null).Select(resolver.DayOf).FirstOrDefault(d => d is not null);
    }
}
