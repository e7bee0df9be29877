using Marsad.Languages;
using Marsad.Text;

namespace Marsad.Analysis;

/// <summary>
/// A document after the language-independent stages: normalized, tokenized, segmented into
/// sentences and lines, and with every lexicon phrase found. The recognizers and the claim parser
/// read only this.
/// </summary>
public sealed class AnalyzedText
{
    private readonly MatchesByToken startingAt;
    private readonly MatchesByToken endingAt;
    private readonly int[] sentenceOf;
    private readonly int[] lineOf;

    public AnalyzedText(NormalizedText normalized, LanguagePack language)
    {
        Normalized = normalized;
        Tokens = Tokenizer.Tokenize(normalized.Text);
        Language = language;
        var matches = language.Phrases.MatchAll(normalized.Text, Tokens);
        var timesNamed = TimesNamed(matches);
        for (var i = 0; i < matches.Length; i++)
        {
            if (matches[i].Kind == LexiconKind.Actor && matches[i].Entry.Anaphor is not null)
            {
                matches[i] = matches[i] with { Entry = language.ResolveAnaphor(matches[i].Entry, timesNamed) };
            }
        }

        startingAt = MatchesByToken.ByStart(matches, Tokens.Count);
        endingAt = MatchesByToken.ByEnd(matches, Tokens.Count);

        (sentenceOf, Sentences) = Segment(Tokens, IsSentenceEnd);
        lineOf = new int[Tokens.Count];
        var line = 0;
        for (var i = 0; i < Tokens.Count; i++)
        {
            lineOf[i] = line;
            if (Tokens[i].Kind == TokenKind.LineBreak)
            {
                line++;
            }
        }
    }

    public LanguagePack Language { get; }

    public NormalizedText Normalized { get; }

    public string Text => Normalized.Text;

    public TokenList Tokens { get; }

    /// <summary>Sentences as token ranges <c>[Start, End)</c>.</summary>
    public List<(int Start, int End)> Sentences { get; }

    public int SentenceOf(int token) => sentenceOf[token];

    public int LineOf(int token) => lineOf[token];

    public bool IsPunctuation(int token, char c) =>
        token >= 0 && token < Tokens.Count && Tokens[token].Kind == TokenKind.Punctuation && Text[Tokens[token].Start] == c;

    /// <summary>A clause ends at its language's clause punctuation (a comma, a semicolon), or where the sentence ends.</summary>
    public bool IsClauseEnd(int token) =>
        token >= 0 && token < Tokens.Count
        && (IsSentenceEnd(token) || (Tokens[token].Kind == TokenKind.Punctuation && Language.Conventions.ClauseEnd.Contains(Text[Tokens[token].Start])));

    /// <summary>A sentence ends at a line break or at its language's sentence punctuation.</summary>
    public bool IsSentenceEnd(int token) =>
        Tokens[token].Kind == TokenKind.LineBreak
        || (Tokens[token].Kind == TokenKind.Punctuation && Language.Conventions.SentenceEnd.Contains(Text[Tokens[token].Start]));

    /// <summary>
    /// Where the clause that runs from <paramref name="from"/> ends, at <paramref name="limit"/> at
    /// the latest: at the end of the sentence, or at a comma unless a relative clause follows it
    /// ("…، ممن قتلوا"), which still speaks of what came before — also after a short aside
    /// without figures ("نحو 3370 عنصر، القسم الغالب منهم عراقيون، ممن جرى اعتقالهم").
    /// </summary>
    public int ClauseEnd(int from, int limit)
    {
        for (var at = from; at < limit; at++)
        {
            if (IsSentenceEnd(at) || (IsClauseEnd(at) && !RelativeClauseFollows(at)))
            {
                return at;
            }
        }

        return limit;
    }

    private const int LongestAside = 8;

    private bool RelativeClauseFollows(int comma)
    {
        if (IsRelative(comma + 1))
        {
            return true;
        }

        for (var at = comma + 1; at < Tokens.Count && at <= comma + 1 + LongestAside; at++)
        {
            if (Tokens[at].Kind == TokenKind.Number || IsSentenceEnd(at))
            {
                return false;
            }

            if (IsClauseEnd(at))
            {
                return IsRelative(at + 1);
            }
        }

        return false;
    }

    private bool IsRelative(int token) => token < Tokens.Count && StartingAt(token, LexiconKind.Marker)?.Entry.Marker == MarkerWord.Relative;

    /// <summary>Whether any lexicon phrase starts at a token.</summary>
    public bool HasAnyMatch(int token) => token >= 0 && token < Tokens.Count && startingAt.Any(token);

    /// <summary>The best match of a kind starting at a token: the longest, then the exact one.</summary>
    public LexiconMatch? StartingAt(int token, LexiconKind kind) => token < 0 || token > Tokens.Count ? null : startingAt.Best(token, kind);

    /// <summary>The best match of a kind ending just before a token.</summary>
    public LexiconMatch? EndingAt(int token, LexiconKind kind) => token < 0 || token > Tokens.Count ? null : endingAt.Best(token, kind);

    /// <summary>How often the document names each actor by name (anaphora aside).</summary>
    private static Dictionary<string, int> TimesNamed(LexiconMatch[] matches)
    {
        var named = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var match in matches)
        {
            if (match.Kind == LexiconKind.Actor && match.Entry.Anaphor is null)
            {
                named[match.Entry.Actor!] = named.GetValueOrDefault(match.Entry.Actor!) + 1;
            }
        }

        return named;
    }

    private static (int[] Of, List<(int Start, int End)> Ranges) Segment(TokenList tokens, Func<int, bool> isEnd)
    {
        var of = new int[tokens.Count];
        var ranges = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            of[i] = ranges.Count;
            if (isEnd(i))
            {
                ranges.Add((start, i + 1));
                start = i + 1;
            }
        }

        if (start < tokens.Count)
        {
            ranges.Add((start, tokens.Count));
        }

        return (of, ranges);
    }
}
