using Marsad.Analysis;
using Marsad.Recognition;
using Marsad.Text;

namespace Marsad.Claims;

/// <summary>
/// Figures laid out as a table under a header line: "توزع المصابون على المدن التالية:⏎الرقة: 45⏎الطبقة: 12",
/// "Reported wounded:⏎4 – 9". A cell is a line holding a figure alone or after a short label and a
/// colon; the cells above it, one a line, run up to the header, a line that ends with a colon. The
/// header says what the cells count (its cue, or its figure as their whole).
/// </summary>
internal sealed class TableReader(AnalyzedText text)
{
    /// <summary>The longest label before a cell's colon, in tokens ("ريف دمشق الغربي").</summary>
    private const int LongestLabel = 6;

    /// <summary>The header line, as a token range, that the figure stands under as a cell; null when it is no cell.</summary>
    public (int Start, int End)? Header(Quantity quantity)
    {
        if (CellStart(quantity) is not { } cellStart)
        {
            return null;
        }

        var lineStart = cellStart;

        while (lineStart > 0)
        {
            var aboveEnd = lineStart - 1;
            var aboveStart = LineStart(aboveEnd);
            if (aboveEnd > aboveStart && text.IsPunctuation(aboveEnd - 1, ':'))
            {
                return (aboveStart, aboveEnd);
            }

            if (!IsCellLine(aboveStart, aboveEnd))
            {
                return null;
            }

            lineStart = aboveStart;
        }

        return null;
    }

    /// <summary>"Killed: 14", "Deaths reported: 4": the label before a cell's colon, as a token range; null when the figure has none.</summary>
    public (int Start, int End)? Label(Quantity quantity) =>
        CellStart(quantity) is { } lineStart && quantity.First > lineStart ? (lineStart, quantity.First - 1) : null;

    /// <summary>
    /// Where the line of a figure that is a cell starts; null when it is none. Looks no further
    /// than a label's length either way, so a figure inside running text costs a token or two.
    /// </summary>
    private int? CellStart(Quantity quantity)
    {
        var lineStart = quantity.First;
        if (text.IsPunctuation(quantity.First - 1, ':'))
        {
            lineStart--;
            while (lineStart > 0 && quantity.First - lineStart <= LongestLabel + 1 && text.Tokens[lineStart - 1].Kind != TokenKind.LineBreak)
            {
                lineStart--;
            }
        }

        var opensLine = lineStart == 0 || text.Tokens[lineStart - 1].Kind == TokenKind.LineBreak;
        return opensLine && IsCell(lineStart, quantity.First, quantity.Last, LineEnd(quantity.Last)) ? lineStart : null;
    }

    /// <summary>A line with a figure on it, alone or after a label and a colon, and nothing but punctuation and figures after it.</summary>
    private bool IsCellLine(int start, int end)
    {
        for (var at = start; at < end; at++)
        {
            if (text.Tokens[at].Kind == TokenKind.Number)
            {
                return IsCell(start, at, at + 1, end);
            }
        }

        return false;
    }

    private bool IsCell(int lineStart, int figure, int figureEnd, int lineEnd)
    {
        if (lineEnd < text.Tokens.Count && text.Tokens[lineEnd].Kind != TokenKind.LineBreak)
        {
            return false;
        }

        var labelled = figure > lineStart && text.IsPunctuation(figure - 1, ':') && figure - 1 - lineStart <= LongestLabel;
        if (figure > lineStart && !labelled)
        {
            return false;
        }

        for (var at = lineStart; labelled && at < figure - 1; at++)
        {
            if (text.Tokens[at].Kind != TokenKind.Word)
            {
                return false;
            }
        }

        for (var at = figureEnd; at < lineEnd; at++)
        {
            if (text.Tokens[at].Kind is not (TokenKind.Number or TokenKind.Punctuation))
            {
                return false;
            }
        }

        return true;
    }

    private int LineStart(int at)
    {
        while (at > 0 && text.Tokens[at - 1].Kind != TokenKind.LineBreak)
        {
            at--;
        }

        return at;
    }

    /// <summary>Where the line ends, or a token past a cell's length when it runs on (no cell then).</summary>
    private int LineEnd(int at)
    {
        var limit = at + LongestLabel;
        while (at < text.Tokens.Count && at <= limit && text.Tokens[at].Kind != TokenKind.LineBreak)
        {
            at++;
        }

        return at;
    }
}
