using Marsad.Languages;
using Marsad.Tests.Support;

namespace Marsad.Tests.Analysis;

/// <summary>The phrases at a token, as the later stages ask for them, are the phrase finder's matches: the best of a kind, none of a kind absent.</summary>
public sealed class AnalyzedTextTests
{
    private const string Report = "قتل 3 مدنيين بقصف على ريف ادلب وسقط 12 جريحا، واعتقلت قوات النظام خمسة شبان.";

    /// <summary>The best match of a kind among all matches, as the rule reads: the longest, then the exact one, then the first found.</summary>
    private static LexiconMatch? BestOf(IEnumerable<LexiconMatch> matches, LexiconKind kind)
    {
        LexiconMatch? best = null;
        foreach (var match in matches.Where(m => m.Kind == kind))
        {
            if (best is not { } b || match.Length > b.Length || (match.Length == b.Length && match.Exact && !b.Exact))
            {
                best = match;
            }
        }

        return best;
    }

    [Fact]
    public void Starting_and_ending_at_give_the_best_match_of_each_kind_at_every_token()
    {
        var text = Analyze.Arabic(Report);
        var all = text.Language.Phrases.MatchAll(text.Text, text.Tokens);
        Assert.NotEmpty(all);

        for (var token = 0; token <= text.Tokens.Count; token++)
        {
            foreach (var kind in Enum.GetValues<LexiconKind>().Where(k => k != LexiconKind.Actor))
            {
                Assert.Equal(BestOf(all.Where(m => m.Start == token), kind), text.StartingAt(token, kind));
                Assert.Equal(BestOf(all.Where(m => m.End == token), kind), text.EndingAt(token, kind));
            }

            Assert.Equal(all.Any(m => m.Start == token), text.HasAnyMatch(token));
        }
    }

    [Fact]
    public void Outside_the_text_no_phrase_starts_or_ends()
    {
        var text = Analyze.Arabic(Report);

        Assert.Null(text.StartingAt(-1, LexiconKind.Number));
        Assert.Null(text.EndingAt(-1, LexiconKind.Number));
        Assert.Null(text.StartingAt(text.Tokens.Count, LexiconKind.Number));
        Assert.False(text.HasAnyMatch(text.Tokens.Count));
    }
}
