using Marsad.Analysis;
using Marsad.Languages;
using Marsad.Model;
using Marsad.Recognition;

namespace Marsad.Claims;

/// <summary>
/// How a figure is hedged ("نحو", "at least", "على الأقل" after it) and where its words begin; the
/// two figures of a range ("ما بين 3000 و3500") become a lower bound with its high and an upper bound.
/// </summary>
internal sealed class HedgeReader(AnalyzedText text, IReadOnlyList<Quantity> quantities)
{
    /// <summary>The hedge of quantity <paramref name="index"/>, given the draft read just before it.</summary>
    public (Qualifier Qualifier, int Start, long? High) Read(int index, Draft? last)
    {
        var quantity = quantities[index];
        var start = quantity.First;
        if (text.EndingAt(start, LexiconKind.Marker) is { } glue && glue.Entry.Marker is MarkerWord.Definite or MarkerWord.Preposition)
        {
            start = glue.Start;
        }

        if (text.EndingAt(start, LexiconKind.Qualifier) is { } before && before.Entry.Position == HedgePosition.Before)
        {
            return Before(index, before);
        }

        if (ClosesRange(index, last))
        {
            return (Qualifier.AtMost, quantity.First, null);
        }

        for (var at = quantity.Last; at <= quantity.Last + 2 && at < text.Tokens.Count; at++)
        {
            if (text.StartingAt(at, LexiconKind.Qualifier) is { } after && after.Entry.Position == HedgePosition.After)
            {
                return (after.Entry.Qualifier ?? Qualifier.Exact, quantity.First, null);
            }
        }

        return (Qualifier.Exact, quantity.First, null);
    }

    private (Qualifier Qualifier, int Start, long? High) Before(int index, LexiconMatch hedge)
    {
        var quantity = quantities[index];
        if (!hedge.Entry.OpensRange)
        {
            return (hedge.Entry.Qualifier ?? Qualifier.Exact, hedge.Start, null);
        }

        var second = index + 1 < quantities.Count ? quantities[index + 1] : null;
        var joined = second is not null && second.First <= quantity.Last + 1;
        return joined ? (Qualifier.AtLeast, hedge.Start, second!.Value) : (Qualifier.Exact, quantity.First, null);
    }

    /// <summary>The second figure of a range ("ما بين 3000 و3500") is its upper bound.</summary>
    private bool ClosesRange(int index, Draft? last) =>
        index > 0 && last is not null && last.Quantity == quantities[index - 1] && last.High == quantities[index].Value
        && last.Qualifier == Qualifier.AtLeast && quantities[index - 1].Last >= quantities[index].First - 1;
}
