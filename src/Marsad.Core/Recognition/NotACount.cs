using Marsad.Analysis;
using Marsad.Languages;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Recognition;

/// <summary>Numbers written in digits that count nothing: years, dates, clock times, shares, codes and lone page counters.</summary>
internal static class NotACount
{
    private const int FirstYear = 1900;
    private const int LastYear = 2100;

    /// <summary>Years, dates, clock times, shares and lone page counters are numbers but not counts.</summary>
    public static bool Is(AnalyzedText text, Quantity quantity)
    {
        if (quantity.Form != QuantityForm.Digits)
        {
            return false;
        }

        var first = quantity.First;
        var next = quantity.Last;
        if (quantity.Value is >= FirstYear and <= LastYear
            && (Marker(text.EndingAt(first, LexiconKind.Marker)) == MarkerWord.Year || IsDate(text, first - 1) || IsDate(text, first - 2)
                || text.IsPunctuation(first - 1, '/')))
        {
            return true;
        }

        var unitAfter = text.StartingAt(next, LexiconKind.Unit)
            ?? (Marker(text.StartingAt(next, LexiconKind.Marker)) == MarkerWord.Of ? text.StartingAt(next + 1, LexiconKind.Unit) : null);
        if (unitAfter?.Entry.Unit is Units.Date or Units.Percent || IsFirstDayOfTwo(text, next))
        {
            return true;
        }

        // Numbers joined by hyphens are dates or codes: "2025-10-31".
        if ((text.IsPunctuation(next, '-') && next + 1 < text.Tokens.Count && text.Tokens[next + 1].Kind == TokenKind.Number)
            || (text.IsPunctuation(first - 1, '-') && first >= 2 && text.Tokens[first - 2].Kind == TokenKind.Number))
        {
            return true;
        }

        // Clock times: "10:30" is neither 10 nor 30.
        if ((text.IsPunctuation(next, ':') && next + 1 < text.Tokens.Count && text.Tokens[next + 1].Kind == TokenKind.Number)
            || (text.IsPunctuation(first - 1, ':') && first >= 2 && text.Tokens[first - 2].Kind == TokenKind.Number))
        {
            return true;
        }

        if (text.IsPunctuation(next, '/') && next + 1 < text.Tokens.Count && text.Tokens[next + 1].Kind == TokenKind.Number)
        {
            return true;
        }

        return IsAloneOnItsLine(text, quantity);
    }

    /// <summary>"في الـ 23 والـ 24 من كانون الثاني": the first day of a pair shares the second's month.</summary>
    private static bool IsFirstDayOfTwo(AnalyzedText text, int next)
    {
        while (next < text.Tokens.Count && text.StartingAt(next, LexiconKind.Marker)?.Entry.Marker is MarkerWord.And or MarkerWord.Definite)
        {
            next++;
        }

        if (next >= text.Tokens.Count || text.Tokens[next].Kind != TokenKind.Number)
        {
            return false;
        }

        var after = next + 1;
        if (text.StartingAt(after, LexiconKind.Marker)?.Entry.Marker == MarkerWord.Of)
        {
            after++;
        }

        return IsDate(text, after);
    }

    private static bool IsDate(AnalyzedText text, int token) =>
        token >= 0 && text.StartingAt(token, LexiconKind.Unit)?.Entry.Unit == Units.Date;

    private static bool IsAloneOnItsLine(AnalyzedText text, Quantity quantity)
    {
        var before = quantity.First - 1;
        var after = quantity.Last;
        return (before < 0 || text.Tokens[before].Kind == TokenKind.LineBreak)
            && (after >= text.Tokens.Count || text.Tokens[after].Kind == TokenKind.LineBreak);
    }

    private static MarkerWord? Marker(LexiconMatch? match) => match?.Entry.Marker;
}
