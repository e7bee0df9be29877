using Marsad.Analysis;

namespace Marsad.Tests.Support;

internal static class Analyze
{
    public static AnalyzedText Arabic(string text) =>
        new(LanguagePack.Arabic.Normalizer.Normalize(text), LanguagePack.Arabic);
}
