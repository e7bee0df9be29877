using Marsad.Analysis;
using Marsad.Languages;
using Marsad.Model;
using Marsad.Recognition;
using Marsad.Text;

namespace Marsad.Claims;

/// <summary>
/// Which earlier figure a figure is a part of, and which later figures are parts of it: breakdown
/// words ("بينهم", "of whom"), lists joined by "و" or commas, one item a line, "the rest".
/// </summary>
internal sealed class BreakdownReader(AnalyzedText text, IReadOnlyList<Quantity> quantities, IReadOnlyList<Draft> drafts, CueReader cues)
{
    /// <summary>
    /// "11 قتيلا ونحو أربع مصابين", "وامرأتان": a figure joined on by "و" starts its own statement
    /// or, after a part, is the next part of the same whole.
    /// </summary>
    public bool Conjoined(Quantity quantity, int qualifierStart) =>
        text.StartingAt(qualifierStart, LexiconKind.Qualifier) is { Proclitics.Conjunction: true }
        || text.StartingAt(qualifierStart, LexiconKind.Number) is { Proclitics.Conjunction: true }
        || (quantity.Form == QuantityForm.Dual && text.StartingAt(qualifierStart, LexiconKind.Noun) is { Proclitics.Conjunction: true });

    /// <summary>
    /// A breakdown word before the number ("بينهم", "من ضمنهم", "هم:"), or one after it ("20
    /// منهم"), makes it a part of the nearest earlier figure that can hold it: same unit, not smaller.
    /// "و" or a list comma right after a part makes a sibling part, unless the figure names an outcome
    /// of its own that its whole does not share ("60 وفاة (منهم 12 طفلاً)، و140 إصابة"); a number that
    /// opens a line after a part that opened the line before is the next item of the list; "الـ 7
    /// الآخرين" is the rest of the same whole; "أحدهم" is one of the last figure.
    /// </summary>
    public (Draft? Parent, Draft? ListHead, bool CompleteList) Parent(
        Quantity quantity, int qualifierStart, Draft? previous, (int Start, int End) sentence, WordsAfter after, bool conjoined)
    {
        if (previous is null)
        {
            return (null, null, false);
        }

        var unit = after.Noun?.Unit ?? Units.Person;
        if (quantity.Noun?.Part is true)
        {
            return (previous, null, false);
        }

        if ((BreakdownBefore(qualifierStart) ?? BreakdownBefore(NamedItemBefore(qualifierStart, conjoined))) is { } breakdown)
        {
            var crossSentences = breakdown.Marker.Length > 1 || breakdown.FirstLine < text.LineOf(qualifierStart) || breakdown.Gap;
            return (Whole(quantity, unit, crossSentences, breakdown.FirstLine), null, breakdown.Marker.Entry.Complete);
        }

        if (after.Partitive)
        {
            return (Whole(quantity, unit, crossSentences: true, text.LineOf(quantity.First)), null, false);
        }

        if (IsNextItem(quantity, qualifierStart, previous, sentence, conjoined))
        {
            return (previous.Parent, previous.ListHead, previous.CompleteList);
        }

        if ((after.Elliptical && !ListedWithAnd(qualifierStart, conjoined)) || (!after.Others && InApposition(qualifierStart, previous, sentence))
            || AfterOpeningWhole(qualifierStart, previous, sentence))
        {
            return (Whole(quantity, unit, crossSentences: true, text.LineOf(previous.Quantity.First)), null, false);
        }

        if (text.EndingAt(qualifierStart, LexiconKind.Marker) is { Entry: var marker } && marker.Marker == MarkerWord.Definite
            && after.Others && previous.Parent is not null)
        {
            return (previous.Parent, previous.ListHead, true);
        }

        return (null, null, false);
    }

    /// <summary>
    /// The figure on a table's header line that its cells break down ("57 قتيلا موزعين كالتالي:⏎إدلب:
    /// 30⏎حلب: 27"); null when the header holds none that can hold the part.
    /// </summary>
    public Draft? WholeOnLine(Quantity part, string unit, int line)
    {
        for (var i = drafts.Count - 1; i >= 0; i--)
        {
            var candidate = drafts[i];
            var candidateLine = text.LineOf(candidate.Quantity.First);
            if (candidateLine < line)
            {
                return null;
            }

            if (candidateLine == line && candidate.IsClaim && candidate.OtherUnit is null && candidate.Unit == unit
                && (candidate.Quantity.Value is not { } whole || part.Value is not { } value || value <= whole))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// The index of the last quantity that is introduced as a part of this one; found by looking
    /// ahead for breakdown words, before the parts themselves are parsed.
    /// </summary>
    public int LastDescendant(int index)
    {
        var last = index;
        for (var next = index + 1; next < quantities.Count; next++)
        {
            var start = quantities[next].First;
            if (text.SentenceOf(start) != text.SentenceOf(quantities[index].First))
            {
                break;
            }

            var marker = MarkerBefore(start);
            if (marker is not (MarkerWord.Breakdown or MarkerWord.And) && quantities[next].Noun?.Part is not true)
            {
                break;
            }

            last = next;
        }

        return last;
    }

    /// <summary>
    /// "قتل 20 شخصا، 12 في إدلب و8 في حلب", "Fifty civilians were killed, 30 by airstrikes and 20
    /// by shelling", "and one in June": a figure with no noun or cue of its own that names only where
    /// or by whom, listed after a figure of its sentence. After a comma or colon it is an item of that
    /// figure; after "و"/"and" the next item, or a figure of the same kind.
    /// </summary>
    public bool Elliptical(Quantity quantity, int qualifierStart, Draft? previous, (int Start, int End) sentence, WordsAfter after, bool conjoined)
    {
        if (previous is null || after.HasEvidence || quantity.Form == QuantityForm.Vague || !SameStatement(qualifierStart, previous, sentence))
        {
            return false;
        }

        var next = text.StartingAt(quantity.Last, LexiconKind.Marker)?.Entry.Marker;
        var namesWhereOrWho = next is MarkerWord.PlaceCue or MarkerWord.Agent || text.StartingAt(quantity.Last, LexiconKind.Place) is not null;
        return namesWhereOrWho
            && (ListedWithAnd(qualifierStart, conjoined) || ListSeparatorBefore(qualifierStart) || previous.Sentence != sentence);
    }

    /// <summary>
    /// In the sentence of the figure before, or right after the colon that ends it, on its line or
    /// the next ("Twelve people died: eight in Idlib").
    /// </summary>
    private bool SameStatement(int qualifierStart, Draft previous, (int Start, int End) sentence)
    {
        var colon = qualifierStart - 1;
        colon -= colon > 0 && text.Tokens[colon].Kind == TokenKind.LineBreak ? 1 : 0;
        return previous.Sentence == sentence
            || (text.IsPunctuation(colon, ':') && text.SentenceOf(colon) == text.SentenceOf(previous.Quantity.First));
    }

    private bool ListedWithAnd(int qualifierStart, bool conjoined) => conjoined || text.HasMarker(text.WordBefore(qualifierStart), MarkerWord.And);

    /// <summary>
    /// "Nine farm workers – four boys and five men – were killed": a figure right after a dash or an
    /// opening bracket that follows the counted noun of the figure before it describes those people.
    /// </summary>
    private bool InApposition(int qualifierStart, Draft previous, (int Start, int End) sentence)
    {
        var opening = qualifierStart - 1;
        if (previous.Sentence != sentence || opening <= previous.Quantity.Last
            || !OpensAside(opening))
        {
            return false;
        }

        for (var at = previous.Quantity.Last; at < opening; at++)
        {
            if (text.Tokens[at].Kind != TokenKind.Word || text.StartingAt(at, LexiconKind.Category) is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// "من ضمنهم مسعف و4 أطفال", "including a paramedic and 4 children": where a first item named
    /// without a figure starts, when the figure is joined on after it; else -1.
    /// </summary>
    private int NamedItemBefore(int qualifierStart, bool conjoined)
    {
        var at = qualifierStart;
        if (text.EndingAt(at, LexiconKind.Marker) is { Entry.Marker: MarkerWord.And } and)
        {
            at = and.Start;
        }
        else if (!conjoined)
        {
            return -1;
        }

        if (text.EndingAt(at, LexiconKind.Noun) is not { } noun)
        {
            return -1;
        }

        // "a paramedic": an article the lexicons do not know.
        at = noun.Start;
        return at > 0 && text.Tokens[at - 1].Kind == TokenKind.Word && !text.HasAnyMatch(at - 1) ? at - 1 : at;
    }

    /// <summary>
    /// "Of the 90 people killed, 60 were civilians": the first figure after the clause of a sentence
    /// that opens with "of the" and a figure is a part of that figure.
    /// </summary>
    private bool AfterOpeningWhole(int qualifierStart, Draft previous, (int Start, int End) sentence)
    {
        if (previous.Sentence != sentence || !ListSeparatorBefore(qualifierStart) || text.ClauseEnd(previous.Quantity.Last, qualifierStart) != qualifierStart - 1)
        {
            return false;
        }

        var at = previous.Quantity.First;
        at = text.EndingAt(at, LexiconKind.Marker) is { Entry.Marker: MarkerWord.Definite } article ? article.Start : at;
        return text.EndingAt(at, LexiconKind.Marker) is { Entry.Marker: MarkerWord.Of } of && of.Start == sentence.Start;
    }

    /// <summary>A sibling of the part before: listed after it in its sentence (or on the next line), naming no other outcome.</summary>
    private bool IsNextItem(Quantity quantity, int qualifierStart, Draft previous, (int Start, int End) sentence, bool conjoined)
    {
        var listed = conjoined || text.HasMarker(text.WordBefore(qualifierStart), MarkerWord.And) || ListSeparatorBefore(qualifierStart)
            || OpensLineAfterItem(qualifierStart, previous);
        return listed && previous.Parent is not null && quantity.Form != QuantityForm.Vague
            && (previous.Sentence == sentence || OpensLineAfterItem(qualifierStart, previous))
            && (cues.OutcomeNamedBy(quantity) is not { } own || own == previous.Parent.Category);
    }

    /// <summary>
    /// The breakdown word that introduces a number, seen through the punctuation a list puts between
    /// them ("هم: 40", "(منها 20", "Of these, 230", "– 1.3 million"); <c>Gap</c> when a colon or a
    /// line break stands between them, which ends the sentence but not the breakdown.
    /// </summary>
    private (LexiconMatch Marker, bool Gap, int FirstLine)? BreakdownBefore(int start)
    {
        if (start < 0)
        {
            return null;
        }

        var at = start;
        var gap = false;
        while (at > 0 && (text.Tokens[at - 1].Kind == TokenKind.LineBreak || IsListPunctuation(at - 1)))
        {
            gap |= text.Tokens[at - 1].Kind == TokenKind.LineBreak || text.IsPunctuation(at - 1, ':');
            at--;
        }

        return text.EndingAt(at, LexiconKind.Marker) is { } marker && marker.Entry.Marker == MarkerWord.Breakdown
            ? (marker, gap, text.LineOf(marker.Start))
            : null;
    }

    private bool IsListPunctuation(int at) =>
        OpensAside(at) || (text.Tokens[at].Kind == TokenKind.Punctuation && text.Text[text.Tokens[at].Start] is ':' or ',' or '،');

    /// <summary>A dash or an opening bracket: what sets words aside ("Nine farm workers – four boys and five men –").</summary>
    private bool OpensAside(int at) =>
        text.Tokens[at].Kind == TokenKind.Punctuation && text.Text[text.Tokens[at].Start] is '(' or '-' or '–' or '—';

    /// <summary>A comma that separates items of a list: "23 children, 11 women".</summary>
    private bool ListSeparatorBefore(int start) => text.IsPunctuation(start - 1, ',') || text.IsPunctuation(start - 1, '،');

    /// <summary>"هم:⏎50 من سكان القرى.⏎46 من حرس الحدود": items of a list, one a line.</summary>
    private bool OpensLineAfterItem(int start, Draft previous) =>
        OpensLine(start) && OpensLine(previous.Quantity.First) && text.LineOf(start) == text.LineOf(previous.Quantity.First) + 1;

    private bool OpensLine(int start)
    {
        var at = start - 1;
        while (at >= 0 && text.Tokens[at].Kind == TokenKind.Punctuation)
        {
            at--;
        }

        return at < 0 || text.Tokens[at].Kind == TokenKind.LineBreak;
    }

    /// <summary>The nearest earlier claim of the same unit that can hold the part, within its sentence unless told to cross.</summary>
    private Draft? Whole(Quantity part, string unit, bool crossSentences, int firstLine)
    {
        var sentence = text.SentenceOf(part.First);
        for (var i = drafts.Count - 1; i >= 0; i--)
        {
            var candidate = drafts[i];
            var line = text.LineOf(candidate.Quantity.First);
            if (line < firstLine || (!crossSentences && text.SentenceOf(candidate.Quantity.First) != sentence))
            {
                return null;
            }

            if (!candidate.IsClaim || candidate.OtherUnit is not null || candidate.Unit != unit)
            {
                continue;
            }

            if (candidate.Quantity.Value is not { } whole || part.Value is not { } value || value <= whole)
            {
                return candidate;
            }
        }

        return null;
    }

    private MarkerWord? MarkerBefore(int start)
    {
        if (text.EndingAt(start, LexiconKind.Qualifier) is { } qualifier)
        {
            start = qualifier.Start;
        }

        return text.EndingAt(start, LexiconKind.Marker)?.Entry.Marker;
    }
}
