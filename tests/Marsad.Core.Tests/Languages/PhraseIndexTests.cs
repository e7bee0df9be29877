using Marsad.Languages;
using Marsad.Text;

namespace Marsad.Tests.Languages;

/// <summary>Phrases are found under every reading of a word's proclitics, the same whether the word is new or remembered.</summary>
public sealed class PhraseIndexTests
{
    private static readonly LexiconEntry Killed = Entry(LexiconKind.Category, "قتلى");
    private static readonly LexiconEntry KilledStem = Entry(LexiconKind.Category, "قتل*");
    private static readonly LexiconEntry State = Entry(LexiconKind.Actor, "الدولة الاسلامية");

    private static LexiconEntry Entry(LexiconKind kind, string phrase) => new(kind, phrase);

    private static PhraseIndex Index() => new(new Clitics([("و", "conjunction"), ("ال", "article")]), [Killed, KilledStem, State]);

    /// <summary>Each match as (token, entry phrase, exact, conjunction, article), in the order found.</summary>
    private static List<(int, string, bool, bool, bool)> Found(PhraseIndex index, string text) =>
        [.. index.MatchAll(text, Tokenizer.Tokenize(text)).Select(m => (m.Start, m.Entry.Phrase, m.Exact, m.Proclitics.Conjunction, m.Proclitics.Article))];

    [Fact]
    public void A_word_is_read_under_each_of_its_proclitics_exactly_and_by_its_stem()
    {
        Assert.Equal(
            [(0, "قتل*", false, true, true), (0, "قتلى", true, true, true), (1, "قتل*", false, false, false)],
            Found(Index(), "والقتلى قتلوا"));
    }

    [Fact]
    public void A_word_seen_before_is_found_as_it_was_the_first_time()
    {
        var index = Index();
        var first = Found(index, "والقتلى قتلوا الدولة الاسلامية");
        var again = Found(index, "والقتلى قتلوا الدولة الاسلامية");
        var repeated = Found(index, "قتلوا والقتلى الدولة الاسلامية والقتلى");

        Assert.Equal(first, again);
        Assert.Equal(Found(Index(), "قتلوا والقتلى الدولة الاسلامية والقتلى"), repeated);
        Assert.Equal(
            repeated.Where(m => m.Item1 == 1).Select(m => m with { Item1 = 0 }),
            repeated.Where(m => m.Item1 == 4).Select(m => m with { Item1 = 0 }));
    }

    [Fact]
    public void A_phrase_is_found_across_its_words_from_memory_too()
    {
        var index = Index();
        Found(index, "الدولة الاسلامية");
        Assert.Contains((0, "الدولة الاسلامية", true, false, false), Found(index, "الدولة الاسلامية"));
    }
}
