using System.Runtime.CompilerServices;
using Marsad.Languages;

namespace Marsad.Analysis;

/// <summary>
/// A document's lexicon matches grouped by the token they start (or end) at, indexed once so that
/// the later stages' many questions "which phrase of this kind is here?" cost an array read: the
/// kinds present at each token are a bit mask, and only a token that has the kind asked for is
/// searched, among its own few matches.
/// </summary>
internal sealed class MatchesByToken
{
    private readonly LexiconMatch[] matches;

    /// <summary>The matches at token <c>t</c> are <c>matches[order[first[t]]..order[first[t + 1]]]</c>.</summary>
    private readonly int[] order;
    private readonly int[] first;
    private readonly uint[] kinds;

    private MatchesByToken(LexiconMatch[] matches, int[] order, int[] first, uint[] kinds)
    {
        this.matches = matches;
        this.order = order;
        this.first = first;
        this.kinds = kinds;
    }

    /// <summary>By the token they start at; <paramref name="matches"/> are in that order already (<see cref="PhraseIndex.MatchAll"/>).</summary>
    public static MatchesByToken ByStart(LexiconMatch[] matches, int tokens) => Index(matches, tokens, static match => match.Start);

    /// <summary>By the token just after their end.</summary>
    public static MatchesByToken ByEnd(LexiconMatch[] matches, int tokens) => Index(matches, tokens, static match => match.End);

    public bool Any(int token) => kinds[token] != 0;

    /// <summary>The longest match of a kind at a token, then the exact one; the first found of equals.</summary>
    /// <remarks>Inlined where it is asked: most tokens have no match of the kind, and that answer is one array read.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public LexiconMatch? Best(int token, LexiconKind kind) => (kinds[token] & (1u << (int)kind)) == 0 ? null : Find(token, kind);

    private LexiconMatch Find(int token, LexiconKind kind)
    {
        var best = -1;
        for (var at = first[token]; at < first[token + 1]; at++)
        {
            var candidate = order[at];
            var match = matches[candidate];
            if (match.Kind == kind
                && (best < 0 || match.Length > matches[best].Length || (match.Length == matches[best].Length && match.Exact && !matches[best].Exact)))
            {
                best = candidate;
            }
        }

        return matches[best];
    }

    /// <summary>A counting sort by token, stable: matches at one token keep the order they were found in.</summary>
    private static MatchesByToken Index(LexiconMatch[] matches, int tokens, Func<LexiconMatch, int> tokenOf)
    {
        var first = new int[tokens + 2];
        var kinds = new uint[tokens + 1];
        foreach (var match in matches)
        {
            var token = tokenOf(match);
            first[token + 1]++;
            kinds[token] |= 1u << (int)match.Kind;
        }

        for (var token = 0; token <= tokens; token++)
        {
            first[token + 1] += first[token];
        }

        var order = new int[matches.Length];
        var next = first[..^1];
        for (var i = 0; i < matches.Length; i++)
        {
            order[next[tokenOf(matches[i])]++] = i;
        }

        return new MatchesByToken(matches, order, first, kinds);
    }
}
