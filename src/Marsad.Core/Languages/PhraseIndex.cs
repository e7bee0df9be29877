using System.Collections.Concurrent;
using Marsad.Text;

namespace Marsad.Languages;

/// <summary>
/// All of a language's lexicon phrases, compiled for matching over tokens: a character trie over
/// arrays (<see cref="CharTrie"/>) recognizes words (exactly, or by a stem for entries ending in
/// <c>*</c>) under every reading of their proclitics, and a trie of word ids recognizes phrases.
/// Matching a token walks its characters once per clitic reading, with no hashing of characters;
/// there is no backtracking over the text. What a word is (its senses) depends on its letters
/// alone, so it is found once and remembered: most words of a report were seen in earlier ones,
/// and are then one lookup instead of a trie walk per reading.
/// </summary>
public sealed class PhraseIndex
{
    private const char Wildcard = '*';

    /// <summary>Words remembered at most: far more than a language's running vocabulary, a bound on memory whatever is read.</summary>
    private const int MostRememberedWords = 1 << 17;

    private readonly CharTrie letters;

    /// <summary>By trie node: the word id of the word that ends there, and of the stem (<c>word*</c>) that ends there; -1 for none.</summary>
    private readonly int[] exactAt;
    private readonly int[] stemAt;
    private readonly bool[] wordIsStem;
    private readonly PhraseNode root = new();
    private static readonly Sense[] NoSenses = [];

    private readonly Clitics clitics;

    /// <summary>The senses of words already seen, by their letters; extraction runs on several threads at once.</summary>
    private readonly ConcurrentDictionary<string, Sense[]> senseOfWord = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Sense[]>.AlternateLookup<ReadOnlySpan<char>> senseOfLetters;
    private int rememberedWords;

    public PhraseIndex(Clitics clitics, IEnumerable<LexiconEntry> entries)
    {
        this.clitics = clitics;
        senseOfLetters = senseOfWord.GetAlternateLookup<ReadOnlySpan<char>>();
        var wordIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new List<string>();
        foreach (var entry in entries)
        {
            Add(entry, wordIds, words);
        }

        wordIsStem = [.. words.Select(IsStem)];
        (letters, var nodeOfWord) = CharTrie.Build([.. words.Select(word => IsStem(word) ? word[..^1] : word)]);
        exactAt = new int[letters.NodeCount];
        stemAt = new int[letters.NodeCount];
        Array.Fill(exactAt, -1);
        Array.Fill(stemAt, -1);
        for (var id = 0; id < words.Count; id++)
        {
            (wordIsStem[id] ? stemAt : exactAt)[nodeOfWord[id]] = id;
        }
    }

    /// <summary>Every lexicon phrase that starts at a token, in token order.</summary>
    public LexiconMatch[] MatchAll(string text, TokenList tokens)
    {
        var senses = new Sense[]?[tokens.Count];
        var matches = new List<LexiconMatch>();
        for (var i = 0; i < tokens.Count; i++)
        {
            Walk(text, tokens, senses, root, i, i, exact: true, default, matches);
        }

        return [.. matches];
    }

    private void Walk(
        string text, TokenList tokens, Sense[]?[] senses, PhraseNode node,
        int start, int at, bool exact, Proclitics proclitics, List<LexiconMatch> matches)
    {
        if (at > start)
        {
            at = SkipQuotes(text, tokens, at);
        }

        if (at >= tokens.Count || node.Next.Count == 0)
        {
            return;
        }

        foreach (var sense in SensesOf(text, tokens, senses, at))
        {
            if (!node.Next.TryGetValue(sense.WordId, out var next))
            {
                continue;
            }

            var nextExact = exact && !wordIsStem[sense.WordId];
            var nextProclitics = at == start ? sense.Proclitics : proclitics;
            foreach (var entry in next.Entries)
            {
                matches.Add(new LexiconMatch(start, at + 1, entry, nextExact, nextProclitics));
            }

            Walk(text, tokens, senses, next, start, at + 1, nextExact, nextProclitics, matches);
        }
    }

    /// <summary>Quotation marks inside a name ("تنظيم “الدولة الإسلامية”") do not break a phrase.</summary>
    private static int SkipQuotes(string text, TokenList tokens, int at)
    {
        while (at < tokens.Count && tokens[at].Kind == TokenKind.Punctuation && text[tokens[at].Start] is '"' or '\'')
        {
            at++;
        }

        return at;
    }

    /// <summary>A token's senses, found once per document; a punctuation mark is one character, which no proclitic reading shortens.</summary>
    private Sense[] SensesOf(string text, TokenList tokens, Sense[]?[] cache, int at) =>
        cache[at] ??= tokens[at].Kind is TokenKind.Word or TokenKind.Punctuation ? SensesOfWord(tokens[at].In(text)) : NoSenses;

    /// <summary>A word's senses under every reading of its proclitics, remembered by its letters.</summary>
    private Sense[] SensesOfWord(ReadOnlySpan<char> word)
    {
        if (senseOfLetters.TryGetValue(word, out var remembered))
        {
            return remembered;
        }

        List<Sense>? senses = null;
        Span<Reading> readings = stackalloc Reading[Clitics.MostReadings];
        var count = clitics.Readings(word, readings);
        foreach (var reading in readings[..count])
        {
            Recognize(word[reading.Offset..], reading.Proclitics, ref senses);
        }

        // Most words are no lexicon word; they share one empty array.
        var found = senses is null ? NoSenses : senses.ToArray();
        if (Volatile.Read(ref rememberedWords) < MostRememberedWords && senseOfLetters.TryAdd(word, found))
        {
            Interlocked.Increment(ref rememberedWords);
        }

        return found;
    }

    private void Recognize(ReadOnlySpan<char> word, Proclitics proclitics, ref List<Sense>? senses)
    {
        var node = CharTrie.Root;
        for (var i = 0; i < word.Length; i++)
        {
            if ((node = letters.Next(node, word[i])) < 0)
            {
                return;
            }

            if (stemAt[node] >= 0 && i + 1 < word.Length)
            {
                (senses ??= []).Add(new Sense(stemAt[node], proclitics));
            }
        }

        if (exactAt[node] >= 0)
        {
            (senses ??= []).Add(new Sense(exactAt[node], proclitics));
        }

        if (stemAt[node] >= 0)
        {
            (senses ??= []).Add(new Sense(stemAt[node], proclitics));
        }
    }

    private void Add(LexiconEntry entry, Dictionary<string, int> wordIds, List<string> words)
    {
        var node = root;
        foreach (var word in entry.Phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!wordIds.TryGetValue(word, out var id))
            {
                id = words.Count;
                wordIds.Add(word, id);
                words.Add(word);
            }

            if (!node.Next.TryGetValue(id, out var next))
            {
                next = new PhraseNode();
                node.Next.Add(id, next);
            }

            node = next;
        }

        node.Entries.Add(entry);
    }

    private static bool IsStem(string word) => word.Length > 1 && word[^1] == Wildcard;

    private readonly record struct Sense(int WordId, Proclitics Proclitics);

    private sealed class PhraseNode
    {
        public Dictionary<int, PhraseNode> Next { get; } = [];

        public List<LexiconEntry> Entries { get; } = [];
    }
}

/// <summary>One way to read a word: its stem starts at <paramref name="Offset"/>, after these proclitics.</summary>
public readonly record struct Reading(int Offset, Proclitics Proclitics);

/// <summary>Which proclitics a reading of a word took off: the conjunction (و، ف), a preposition (ب، ل) and the article (ال).</summary>
public readonly record struct Proclitics(bool Conjunction, bool Article, bool Preposition = false);

/// <summary>
/// The proclitics of a language (from its <c>clitics.tsv</c>): a conjunction, then a preposition,
/// then the article. <see cref="Readings"/> lists where the stem may start.
/// </summary>
public sealed class Clitics(IReadOnlyList<(string Clitic, string Slot)> clitics)
{
    private const int ShortestStem = 2;

    private readonly string[] conjunctions = Of(clitics, "conjunction");
    private readonly string[] prepositions = Of(clitics, "preposition");
    private readonly string[] articles = Of(clitics, "article");
    private readonly string[] prepositionsWithArticle = Of(clitics, "preposition+article");

    /// <summary>The most readings one word can have: bare, and conjunction × (preposition | article | both).</summary>
    public const int MostReadings = 12;

    /// <summary>Writes where the stem of <paramref name="word"/> may start into <paramref name="readings"/>; returns how many.</summary>
    public int Readings(ReadOnlySpan<char> word, Span<Reading> readings)
    {
        // The word as it stands is always a reading, however short ("و", "ال").
        readings[0] = new Reading(0, default);
        var count = 1;
        var afterConjunction = StartsWithAny(word, conjunctions, 0) ?? 0;
        for (var pass = 0; pass < (afterConjunction > 0 ? 2 : 1); pass++)
        {
            var start = pass == 0 ? 0 : afterConjunction;
            var conjunction = start > 0;
            if (conjunction)
            {
                Add(readings, ref count, new Reading(start, new(conjunction, false)), word.Length);
            }

            if (StartsWithAny(word, prepositionsWithArticle, start) is { } pa)
            {
                Add(readings, ref count, new Reading(pa, new(conjunction, true, true)), word.Length);
            }

            var afterPreposition = StartsWithAny(word, prepositions, start) ?? start;
            if (afterPreposition > start)
            {
                Add(readings, ref count, new Reading(afterPreposition, new(conjunction, false, true)), word.Length);
            }

            if (StartsWithAny(word, articles, start) is { } a)
            {
                Add(readings, ref count, new Reading(a, new(conjunction, true)), word.Length);
            }

            if (afterPreposition > start && StartsWithAny(word, articles, afterPreposition) is { } pa2)
            {
                Add(readings, ref count, new Reading(pa2, new(conjunction, true, true)), word.Length);
            }
        }

        return count;
    }

    private static void Add(Span<Reading> readings, ref int count, Reading reading, int length)
    {
        if (length - reading.Offset < ShortestStem || count == readings.Length || readings[..count].Contains(reading))
        {
            return;
        }

        readings[count++] = reading;
    }

    private static int? StartsWithAny(ReadOnlySpan<char> word, string[] prefixes, int at)
    {
        foreach (var prefix in prefixes)
        {
            if (word[at..].StartsWith(prefix, StringComparison.Ordinal))
            {
                return at + prefix.Length;
            }
        }

        return null;
    }

    private static string[] Of(IReadOnlyList<(string Clitic, string Slot)> clitics, string slot) =>
        [.. clitics.Where(c => c.Slot == slot).Select(c => c.Clitic)];
}
