using Marsad.Analysis;
using Marsad.Languages;
using Marsad.Text;

namespace Marsad.Claims;

/// <summary>Small questions every claim reader asks of the analysed text.</summary>
internal static class TextReading
{
    public static bool HasMarker(this AnalyzedText text, int at, MarkerWord marker) =>
        at >= 0 && text.StartingAt(at, LexiconKind.Marker)?.Entry.Marker == marker;

    /// <summary>The word before a token, past quotes and brackets ("مناطق «داعش»").</summary>
    public static int WordBefore(this AnalyzedText text, int at)
    {
        at--;
        while (at >= 0 && text.Tokens[at].Kind == TokenKind.Punctuation && !text.IsClauseEnd(at))
        {
            at--;
        }

        return at;
    }

    /// <summary>The nearest phrase of a kind that starts before <paramref name="end"/>, looking back to <paramref name="start"/>.</summary>
    public static LexiconMatch? NearestBefore(this AnalyzedText text, int end, int start, LexiconKind kind)
    {
        for (var at = end - 1; at >= start && at >= 0; at--)
        {
            if (text.StartingAt(at, kind) is { } match)
            {
                return match;
            }
        }

        return null;
    }

    /// <summary>Where the counted noun's phrase ends: past the noun standing in its slot, else the slot itself.</summary>
    public static int NounPhraseEnd(this AnalyzedText text, int nounSlot, LexiconEntry? noun) =>
        noun is null || text.StartingAt(nounSlot, LexiconKind.Noun) is not { } match ? nounSlot : match.End;
}
