using Marsad.Analysis;
using Marsad.Languages;
using Marsad.Model;

namespace Marsad.Claims;

/// <summary>
/// Whether a figure is a running total since a baseline: a verb of totals right before it ("ارتفع
/// إلى 227"), a word of totals after it ("حصيلة"), or a toll that names one. Days come later, from
/// the time resolver; this reader only says which kind of span the figure covers.
/// </summary>
internal sealed class TimeSpanReader(AnalyzedText text)
{
    public bool IsTotalWord(int at) => text.StartingAt(at, LexiconKind.Time)?.Entry.Total == TimeKind.Cumulative;

    /// <summary>A word of totals ends just before token <paramref name="at"/> or starts at it.</summary>
    public bool IsTotalWordAround(int at) => text.EndingAt(at, LexiconKind.Time)?.Entry.Total == TimeKind.Cumulative || IsTotalWord(at);

    /// <summary>"ارتفع إلى 227": a verb of totals right before the number says it is a figure.</summary>
    public bool StatesATotal(int before)
    {
        for (var at = before - 1; at >= Math.Max(0, before - 3); at--)
        {
            if (IsTotalWord(at))
            {
                return true;
            }
        }

        return false;
    }

    public TimeKind? Kind(int qualifierStart, WordsAfter after, bool tollIsTotal) =>
        StatesATotal(qualifierStart) || after.Total || tollIsTotal ? TimeKind.Cumulative : null;
}
