using Marsad.Languages;
using Marsad.Model;
using Marsad.Recognition;
using Marsad.Text;

namespace Marsad.Claims;

/// <summary>
/// Turns the quantities of one document into claims: reads the hedge, the counted noun, the
/// actor, the cue that says what happened, and the breakdown words that make one figure a part of
/// another. Works in text order, so a part's whole is always settled before the part.
/// </summary>
public sealed class ClaimParser
{
    /// <summary>How far from a number a cue word may stand, in tokens.</summary>
    private const int WindowAfter = 14;

    private const int WindowBefore = 8;

    private readonly AnalyzedText text;
    private readonly List<Quantity> quantities;
    private readonly List<Draft> drafts = [];

    private ClaimParser(AnalyzedText text, List<Quantity> quantities)
    {
        this.text = text;
        this.quantities = quantities;
    }

    /// <summary>The claims of one document, before time and place are resolved.</summary>
    public static List<Draft> Parse(AnalyzedText text, List<Quantity> quantities)
    {
        var parser = new ClaimParser(text, quantities);
        for (var i = 0; i < quantities.Count; i++)
        {
            parser.Read(i);
        }

        return [.. parser.drafts.Where(d => d.IsClaim)];
    }

    private void Read(int index)
    {
        var quantity = quantities[index];
        var sentence = text.Sentences[text.SentenceOf(quantity.First)];
        var draft = new Draft(quantity) { Sentence = sentence };

        var (qualifier, qualifierStart, high) = ReadQualifier(index);
        draft.Qualifier = quantity.Form == QuantityForm.Vague ? Qualifier.Vague : qualifier;
        draft.High = high;

        // The first figure of a range shares the words after the second: "ما بين 3000 و3500 شخص".
        var described = high is null ? index : index + 1;
        var afterStart = quantities[described].Last;
        var after = ReadAfter(afterStart, NextBoundary(described, afterStart, sentence.End, extended: false), quantity.Noun);
        var previous = LastClaim();

        // "11 قتيلا ونحو أربع مصابين", "وامرأتان": a figure joined on by "و" starts its own statement
        // or, after a part, is the next part of the same whole.
        var conjoined = text.StartingAt(qualifierStart, LexiconKind.Qualifier) is { Proclitics.Conjunction: true }
            || text.StartingAt(qualifierStart, LexiconKind.Number) is { Proclitics.Conjunction: true }
            || (quantity.Form == QuantityForm.Dual && text.StartingAt(qualifierStart, LexiconKind.Noun) is { Proclitics.Conjunction: true });
        (draft.Parent, draft.ListHead, draft.CompleteList) = ReadParent(quantity, qualifierStart, previous, sentence, after, conjoined);
        draft.ListHead ??= draft.Parent is null ? null : draft;

        // A whole whose parts follow it is described after the parts:
        // "388 بينهم 141 طفلاً و86 مواطنة … عدد المدنيين الذين قضوا".
        var lastPart = LastDescendant(index);
        if (lastPart != index && after.Category is null)
        {
            var partEnd = NextBoundary(lastPart, quantities[lastPart].Last, sentence.End, extended: false);
            partEnd += text.IsClauseEnd(partEnd) && !text.IsSentenceEnd(partEnd) ? 1 : 0;
            var late = ReadAfter(partEnd, NextBoundary(lastPart, partEnd, sentence.End, extended: true), null);
            (after.Noun, after.Actor, after.Category) = (after.Noun ?? late.Noun, after.Actor ?? (after.Noun is null ? late.Actor : null), late.Category);
        }

        if ((after.OfThem || after.Others) && (previous is null || previous.Sentence != sentence) && after.Actor is null)
        {
            (after.Noun, after.Actor) = (after.Noun ?? NearestBefore(qualifierStart, sentence.Start, LexiconKind.Noun)?.Entry,
                NearestBefore(qualifierStart, sentence.Start, LexiconKind.Actor)?.Entry);
            previous = null;
        }

        draft.OtherUnit = after.OtherUnit;
        draft.Unit = after.Unit;
        draft.Group = after.Group;
        draft.Perpetrator = after.Perpetrator;
        draft.Nationality = after.Nationality;

        var governing = conjoined ? null : GoverningCue(qualifierStart, sentence.Start);
        draft.Perpetrator ??= governing?.Perpetrator;
        var toll = governing is null && !after.HasEvidence ? TollBefore(qualifierStart, sentence.Start) : null;
        draft.Category = toll is { } tollCue ? CategoryFor(tollCue.Cue, draft) : ChooseCategory(draft, qualifierStart, governing?.Cue, after, sentence);
        draft.Also = after.Category is { } own && CategoryOf(own) == draft.Category ? after.Also : null;
        draft.Kind = StatesATotal(qualifierStart) || after.Total || toll?.Total == true ? TimeKind.Cumulative : null;
        draft.Cause = ReadCause(quantity, sentence);
        draft.HasEvidence = after.HasEvidence || governing is not null || draft.Parent is not null || toll is not null
            || (draft.Category is not null && StatesATotal(qualifierStart));

        Inherit(draft, after, previous);
        drafts.Add(draft);
    }

    /// <summary>
    /// The cause named in the figure's own clause, after it first ("قتل 27 مدنياً جراء غارات"), else
    /// before it ("في القصف على … قتل 5"). An actor right after the cause did it ("غارات روسية" has
    /// no actor word, "طائرات التحالف" does).
    /// </summary>
    private Cause? ReadCause(Quantity quantity, (int Start, int End) sentence)
    {
        var end = text.ClauseEnd(quantity.Last, sentence.End);
        for (var at = quantity.Last; at < end; at++)
        {
            if (text.StartingAt(at, LexiconKind.Cause) is { } cause)
            {
                return cause.Entry.Cause;
            }
        }

        for (var at = quantity.First - 1; at >= sentence.Start && !text.IsClauseEnd(at); at--)
        {
            if (text.StartingAt(at, LexiconKind.Cause) is { } cause)
            {
                return cause.Entry.Cause;
            }
        }

        return null;
    }

    private Draft? LastClaim()
    {
        for (var i = drafts.Count - 1; i >= 0; i--)
        {
            if (drafts[i].IsClaim && drafts[i].OtherUnit is null)
            {
                return drafts[i];
            }
        }

        return null;
    }

    /// <summary>
    /// A cue that governs the number from before it: only the actor who did it, quotation marks,
    /// prepositions, "another" or the article stand between ("قتل ما لا يقل عن 34", "إعدام تنظيم
    /// “الدولة الإسلامية” لأكثر من 713").
    /// </summary>
    private (LexiconMatch Cue, string? Perpetrator)? GoverningCue(int before, int sentenceStart)
    {
        string? perpetrator = null;
        var at = before;
        while (at > sentenceStart)
        {
            if (text.EndingAt(at, LexiconKind.Category) is { } cue)
            {
                return (cue, perpetrator);
            }

            if (text.EndingAt(at, LexiconKind.Actor) is { } actor)
            {
                perpetrator ??= actor.Entry.Actor;
                at = actor.Start;
            }
            else if (text.EndingAt(at, LexiconKind.Marker) is { } marker && marker.Entry.Marker is MarkerWord.Definite or MarkerWord.Preposition or MarkerWord.Of or MarkerWord.Others)
            {
                at = marker.Start;
            }
            else if (text.IsPunctuation(at - 1, '"'))
            {
                at--;
            }
            else
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// "إجمالي الوفيات في المخيم 40", "the number of dead has passed 260": a bare figure whose toll
    /// (a word of totals or "عدد" before an outcome word) stands earlier in its clause.
    /// </summary>
    private (LexiconMatch Cue, bool Total)? TollBefore(int start, int sentenceStart)
    {
        for (var at = start - 1; at >= sentenceStart && !text.IsClauseEnd(at); at--)
        {
            if (text.StartingAt(at, LexiconKind.Category) is not { } cue)
            {
                continue;
            }

            var total = text.EndingAt(at, LexiconKind.Time)?.Entry.Total == TimeKind.Cumulative || text.StartingAt(at, LexiconKind.Time)?.Entry.Total == TimeKind.Cumulative;
            if (total || text.EndingAt(at, LexiconKind.Marker)?.Entry.Marker == MarkerWord.Count)
            {
                return (cue, total);
            }
        }

        return null;
    }

    /// <summary>"ارتفع إلى 227": a verb of totals right before the number says it is a figure.</summary>
    private bool StatesATotal(int before)
    {
        for (var at = before - 1; at >= Math.Max(0, before - 3); at--)
        {
            if (text.StartingAt(at, LexiconKind.Time)?.Entry.Total == TimeKind.Cumulative)
            {
                return true;
            }
        }

        return false;
    }

    private (Qualifier Qualifier, int Start, long? High) ReadQualifier(int index)
    {
        var quantity = quantities[index];
        var start = quantity.First;
        if (text.EndingAt(start, LexiconKind.Marker) is { } glue && glue.Entry.Marker is MarkerWord.Definite or MarkerWord.Preposition)
        {
            start = glue.Start;
        }

        if (text.EndingAt(start, LexiconKind.Qualifier) is { } before && before.Entry.Position == HedgePosition.Before)
        {
            if (before.Entry.OpensRange)
            {
                var second = index + 1 < quantities.Count ? quantities[index + 1] : null;
                var joined = second is not null && second.First <= quantity.Last + 1;
                return joined ? (Qualifier.AtLeast, before.Start, second!.Value) : (Qualifier.Exact, quantity.First, null);
            }

            return (before.Entry.Qualifier ?? Qualifier.Exact, before.Start, null);
        }

        // The second figure of a range ("ما بين 3000 و3500") is its upper bound.
        if (index > 0 && drafts.Count > 0 && drafts[^1].Quantity == quantities[index - 1] && drafts[^1].High == quantity.Value
            && drafts[^1].Qualifier == Qualifier.AtLeast && quantities[index - 1].Last >= quantity.First - 1)
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

    /// <summary>
    /// Where the words about a number end: at the next number, the end of the clause (though a
    /// relative clause after a comma, "، ممن قتلوا", still belongs to it), or the window's end.
    /// With <paramref name="extended"/> the window runs over commas to the end of the sentence.
    /// </summary>
    private int NextBoundary(int index, int from, int sentenceEnd, bool extended)
    {
        var limit = Math.Min(sentenceEnd, index + 1 < quantities.Count ? quantities[index + 1].First : int.MaxValue);
        if (extended)
        {
            for (var at = from; at < limit; at++)
            {
                if (text.IsSentenceEnd(at))
                {
                    return at;
                }
            }

            return limit;
        }

        var end = text.ClauseEnd(from, Math.Min(limit, from + WindowAfter));

        // Past a comma the clause went on into a relative clause ("…، القسم الغالب منهم عراقيون،
        // ممن جرى اعتقالهم"): it still speaks of the figure, however far the window.
        for (var at = from; at < end; at++)
        {
            if (text.IsClauseEnd(at))
            {
                return text.ClauseEnd(from, Math.Min(limit, from + (2 * WindowAfter)));
            }
        }

        return end;
    }

    /// <summary>
    /// What the words right after a number say about it. Up to the verb that says what happened,
    /// an actor is the group counted; past it, an actor is who did it, unless "من" makes it the
    /// group again ("ممن قتلوا من مقاتلي … التنظيم").
    /// </summary>
    private After ReadAfter(int from, int end, LexiconEntry? dualNoun)
    {
        var after = new After { Noun = dualNoun };
        var nounSlot = CountedNounSlot(from, end);
        var reopenedAt = -1;
        for (var at = from; at < end; at++)
        {
            // In the counted noun's place a noun is read as the noun ("37 displaced people were killed").
            var nounHere = at == nounSlot && after.Noun is null && text.StartingAt(at, LexiconKind.Noun) is not null;
            if (after.Category is null && !nounHere && !DescribesPlace(at) && text.StartingAt(at, LexiconKind.Category) is { } cue)
            {
                // "… بينهم 5 أطفال وإصابة 20 آخرين", "إجمالي الوفيات 40 والإصابات 120": a cue joined by
                // "و" after other words starts the next statement; it does not say what happened to this figure.
                if (cue.Proclitics.Conjunction)
                {
                    return after;
                }

                after.Category = cue;
                after.Also = AlsoCounted(cue);
                continue;
            }

            after.Total |= text.StartingAt(at, LexiconKind.Time)?.Entry.Total == TimeKind.Cumulative;
            var marker = text.StartingAt(at, LexiconKind.Marker)?.Entry.Marker;
            if (marker is MarkerWord.Breakdown && at == from)
            {
                var partitive = text.StartingAt(at, LexiconKind.Marker)!.Value;
                after.OfThem = partitive.Length == 1 || partitive.Entry.MayFollow;
                after.Partitive = partitive.Entry.MayFollow;
            }
            else if (marker is MarkerWord.Others or MarkerWord.Remainder && at <= from + 1)
            {
                after.Others = true;
            }

            // Past the verb, "من" reopens the group for the words that follow it.
            if (after.Category is not null && HasMarker(at - 1, MarkerWord.Of))
            {
                (after.GroupReopened, reopenedAt) = (true, at);
            }

            var describesGroup = after.Category is null || after.GroupReopened;
            // "5,000 family tents": a noun of people right before a thing only says what kind of
            // thing ("10 أطفال اليوم" is children, on a day).
            // A thing behind a preposition is not what is counted ("3 أشخاص بانفجار", "3 أطفال بقذائف").
            var unitAt = text.StartingAt(at, LexiconKind.Noun) is { } modifier
                && text.StartingAt(modifier.End, LexiconKind.Unit) is { Proclitics.Preposition: false, Entry.Unit: { } thing }
                && !Units.OfTime.Contains(thing)
                ? modifier.End
                : at;
            if (at == from && after.Noun is null && text.StartingAt(unitAt, LexiconKind.Unit) is { } unit
                && (unitAt > at || text.StartingAt(at, LexiconKind.Noun) is null))
            {
                after.OtherUnit = unit.Entry.Unit;
                return after;
            }

            var isNounSlot = at == nounSlot || (after.GroupReopened && HasMarker(at - 1, MarkerWord.Of));
            if (after.Noun is null && describesGroup && isNounSlot && text.StartingAt(at, LexiconKind.Noun) is { } noun)
            {
                after.Noun = noun.Entry;

                // "37 displaced people were killed": a noun that names a state yields to the verb of
                // the event; one that names a casualty ("49 قتيلاً") is the event.
                if (CategoryOf(noun) is Category.Killed or Category.Injured)
                {
                    after.Category ??= noun;
                    after.Also = AlsoCounted(noun);
                }
                else if (noun.Entry.Category is not null)
                {
                    after.StateNoun = noun;
                }
            }

            if (text.StartingAt(at, LexiconKind.Actor) is { } actor && !HasMarker(WordBefore(at), MarkerWord.Opponent) && !HasMarker(WordBefore(at), MarkerWord.Possessed))
            {
                if (after.Actor is null && describesGroup && (at < nounSlot || ModifiesCounted(after.GroupReopened ? reopenedAt : NounPhraseEnd(nounSlot, after.Noun), at)))
                {
                    after.Actor = actor.Entry;
                }
                else if (after.Category is not null)
                {
                    after.Perpetrator ??= actor.Entry.Actor;
                }

                at = actor.End - 1;
                continue;
            }

            if (after.Nationality is null && describesGroup && text.StartingAt(at, LexiconKind.Nationality) is { } nationality
                && (at <= nounSlot || ModifiesCounted(NounPhraseEnd(nounSlot, after.Noun), at)))
            {
                // "4 آلاف صومالي", "900 Israelis": a nationality in the noun's place is the counted people.
                after.Nationality = nationality.Entry.Nationality;
                after.NationalityHead |= at == nounSlot && after.Noun is null;
            }
        }

        after.Nationality ??= NationalityOfAll(end);
        return after;
    }

    /// <summary>"من الحي المحاصر", "the besieged enclave": a cue right after a place word describes the place.</summary>
    private bool DescribesPlace(int at)
    {
        var before = WordBefore(at);
        return HasMarker(before, MarkerWord.PlaceCue) || HasMarker(before, MarkerWord.Possessed) || text.EndingAt(before + 1, LexiconKind.Place) is not null;
    }

    /// <summary>
    /// "76 قتيلا وجريحا", "killed or wounded": a second casualty word joined to the first counts the
    /// same people for another outcome (CODEBOOK §3 <c>also</c>).
    /// </summary>
    private Category? AlsoCounted(LexiconMatch first)
    {
        var at = first.End;
        var joined = false;
        if (HasMarker(at, MarkerWord.And) || HasMarker(at, MarkerWord.Or))
        {
            (at, joined) = (at + 1, true);
        }

        var second = text.StartingAt(at, LexiconKind.Noun) is { } noun && noun.Entry.Category is not null ? noun : text.StartingAt(at, LexiconKind.Category);
        if (second is not { } other || !(joined || other.Proclitics.Conjunction))
        {
            return null;
        }

        var (one, two) = (CategoryOf(first), CategoryOf(other));
        return one is Category.Killed or Category.Injured && two is Category.Killed or Category.Injured && one != two ? two : null;
    }

    private int NounPhraseEnd(int nounSlot, LexiconEntry? noun) =>
        noun is null || text.StartingAt(nounSlot, LexiconKind.Noun) is not { } match ? nounSlot : match.End;

    /// <summary>
    /// A nationality or an actor describes the counted people only next to them, through nothing
    /// but more nouns, "و", "من" and quotes: "226 مواطناً سورياً", "23200 شخصاً من الجنسية
    /// العراقية", "عدد مقاتلي وقادة التنظيم". Further on it belongs to something else ("من جنسيات
    /// مختلفة سورية وعراقية", "الرئيس الأمريكي", "تحت سيطرة تنظيم داعش").
    /// </summary>
    private bool ModifiesCounted(int phraseEnd, int at)
    {
        var between = phraseEnd;
        while (between < at)
        {
            if (text.StartingAt(between, LexiconKind.Noun) is { } noun)
            {
                between = noun.End;
            }
            else if (text.StartingAt(between, LexiconKind.Qualifier) is { } hedge && hedge.Entry.Position == HedgePosition.After)
            {
                between = hedge.End;
            }
            else if (HasMarker(between, MarkerWord.Of) || HasMarker(between, MarkerWord.And) || text.Tokens[between].Kind == Text.TokenKind.Punctuation)
            {
                between++;
            }
            else
            {
                return false;
            }
        }

        return between == at;
    }

    /// <summary>"6000 عائلة، جميعها من الجنسية العراقية": a nationality said of all of them.</summary>
    private string? NationalityOfAll(int clauseEnd)
    {
        var at = clauseEnd + 1;
        if (!text.IsClauseEnd(clauseEnd) || text.IsSentenceEnd(clauseEnd) || !HasMarker(at, MarkerWord.All))
        {
            return null;
        }

        at++;
        at += HasMarker(at, MarkerWord.Of) ? 1 : 0;
        return text.StartingAt(at, LexiconKind.Nationality)?.Entry.Nationality;
    }

    /// <summary>
    /// Where the counted noun stands: right after the number, or after what may come between —
    /// a trailing hedge ("16 على الأقل من"), "من", "عدد", "آخرين", punctuation.
    /// </summary>
    private int CountedNounSlot(int from, int end)
    {
        var at = from;
        while (at < end)
        {
            if (text.StartingAt(at, LexiconKind.Qualifier) is { } hedge && hedge.Entry.Position == HedgePosition.After)
            {
                at = hedge.End;
            }
            else if ((text.StartingAt(at, LexiconKind.Nationality) ?? text.StartingAt(at, LexiconKind.Actor)) is { } modifier
                && text.StartingAt(modifier.End, LexiconKind.Noun) is not null)
            {
                // "29 Syrian civilians", "470 IS fighters": a word before the noun that says whose.
                at = modifier.End;
            }
            else if (text.Tokens[at].Kind == Text.TokenKind.Word && !text.HasAnyMatch(at) && text.StartingAt(at + 1, LexiconKind.Noun) is not null)
            {
                // "100 unaccompanied children": a word the lexicons do not know, before a noun they do.
                at++;
            }
            else if (text.StartingAt(at, LexiconKind.Marker)?.Entry.Marker is MarkerWord.Of or MarkerWord.Count or MarkerWord.Others or MarkerWord.Remainder or MarkerWord.Definite
                || (text.Tokens[at].Kind == Text.TokenKind.Punctuation && !text.IsClauseEnd(at)))
            {
                at++;
            }
            else if (at == from && text.StartingAt(at, LexiconKind.Marker) is { } partitive && partitive.Entry.MayFollow)
            {
                // "6 منهم من الأطفال", "40 of them militiamen".
                at = partitive.End;
            }
            else
            {
                break;
            }
        }

        return at;
    }

    /// <summary>The word before a token, past quotes and brackets ("مناطق «داعش»").</summary>
    private int WordBefore(int at)
    {
        at--;
        while (at >= 0 && text.Tokens[at].Kind == Text.TokenKind.Punctuation && !text.IsClauseEnd(at))
        {
            at--;
        }

        return at;
    }

    private bool HasMarker(int at, MarkerWord marker) => at >= 0 && text.StartingAt(at, LexiconKind.Marker)?.Entry.Marker == marker;

    /// <summary>
    /// A breakdown word before the number ("بينهم", "من ضمنهم", "هم:"), or one after it ("20
    /// منهم"), makes it a part of the nearest earlier figure that can hold it: same unit, not smaller.
    /// "و" or a list comma right after a part makes a sibling part, unless the figure names an outcome
    /// of its own that its whole does not share ("60 وفاة (منهم 12 طفلاً)، و140 إصابة"); a number that
    /// opens a line after a part that opened the line before is the next item of the list; "الـ 7
    /// الآخرين" is the rest of the same whole; "أحدهم" is one of the last figure.
    /// </summary>
    private (Draft? Parent, Draft? ListHead, bool CompleteList) ReadParent(
        Quantity quantity, int qualifierStart, Draft? previous, (int Start, int End) sentence, After after, bool conjoined)
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

        if (BreakdownBefore(qualifierStart) is { } breakdown)
        {
            var crossSentences = breakdown.Marker.Length > 1 || breakdown.FirstLine < text.LineOf(qualifierStart) || breakdown.Gap;
            return (Whole(quantity, unit, crossSentences, breakdown.FirstLine), null, breakdown.Marker.Entry.Complete);
        }

        if (after.Partitive)
        {
            return (Whole(quantity, unit, crossSentences: true, text.LineOf(quantity.First)), null, false);
        }

        var listed = conjoined || HasMarker(WordBefore(qualifierStart), MarkerWord.And) || ListSeparatorBefore(qualifierStart)
            || OpensLineAfterItem(qualifierStart, previous);
        if (listed && previous.Parent is not null && quantity.Form != QuantityForm.Vague
            && (previous.Sentence == sentence || OpensLineAfterItem(qualifierStart, previous))
            && (OutcomeNamedBy(quantity) is not { } own || own == previous.Parent.Category))
        {
            return (previous.Parent, previous.ListHead, previous.CompleteList);
        }

        if (text.EndingAt(qualifierStart, LexiconKind.Marker) is { Entry: var marker } && marker.Marker == MarkerWord.Definite
            && after.Others && previous.Parent is not null)
        {
            return (previous.Parent, previous.ListHead, true);
        }

        return (null, null, false);
    }

    /// <summary>What the word right after a number says happened, when it is an outcome noun ("140 جريحا", "30 wounded").</summary>
    private Category? OutcomeNamedBy(Quantity quantity)
    {
        var at = quantity.Last;
        if (text.StartingAt(at, LexiconKind.Category) is { } cue)
        {
            return CategoryOf(cue);
        }

        return text.StartingAt(at, LexiconKind.Noun)?.Entry.Category;
    }

    /// <summary>
    /// The breakdown word that introduces a number, seen through the punctuation a list puts between
    /// them ("هم: 40", "(منها 20", "Of these, 230", "– 1.3 million"); <c>Gap</c> when a colon or a
    /// line break stands between them, which ends the sentence but not the breakdown.
    /// </summary>
    private (LexiconMatch Marker, bool Gap, int FirstLine)? BreakdownBefore(int start)
    {
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
        text.Tokens[at].Kind == TokenKind.Punctuation && text.Text[text.Tokens[at].Start] is ':' or ',' or '،' or '(' or '-' or '–' or '—';

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

    /// <summary>
    /// The cue that says what happened, in order of trust: one that governs the number from before
    /// it, one in the words after it, one further back in the sentence; a part without its own
    /// takes its whole's (see <see cref="Inherit"/>), a figure without any the nearest cue ahead.
    /// </summary>
    private Category? ChooseCategory(Draft draft, int qualifierStart, LexiconMatch? governing, After after, (int Start, int End) sentence)
    {
        // "left 21 injured": a cue of several meanings yields to the figure's own casualty noun.
        if (governing is { } cue && !(cue.Entry.Yields && OutcomeNamedBy(draft.Quantity) is not null))
        {
            return CategoryFor(cue, draft);
        }

        if (after.Category is { } own)
        {
            return CategoryFor(own, draft);
        }

        if (draft.Parent is not null)
        {
            return null;
        }

        if (NearestBefore(qualifierStart, Math.Max(sentence.Start, qualifierStart - WindowBefore), LexiconKind.Category) is { } near)
        {
            return CategoryFor(near, draft);
        }

        if (after.StateNoun is { } state)
        {
            return CategoryOf(state);
        }

        for (var at = draft.Quantity.Last; at < sentence.End; at++)
        {
            if (text.StartingAt(at, LexiconKind.Category) is { } ahead)
            {
                return CategoryFor(ahead, draft);
            }
        }

        return null;
    }

    /// <summary>
    /// What a cue says happened to the people counted; a cue that means something else for people
    /// who are not troops ("وصل 1,200 شخص إلى مخيم" is displacement, "وصول 700 جندي" a deployment)
    /// says that for them.
    /// </summary>
    private static Category? CategoryFor(LexiconMatch cue, Draft draft) =>
        cue.Entry.ForCivilians is { } forCivilians && draft.Group.Actor is null && draft.Group.Role is not (Role.Soldier or Role.Fighter or Role.Leader)
            ? forCivilians
            : CategoryOf(cue);

    /// <summary>
    /// The index of the last quantity that is introduced as a part of this one; found by looking
    /// ahead for breakdown words, before the parts themselves are parsed.
    /// </summary>
    private int LastDescendant(int index)
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

    private MarkerWord? MarkerBefore(int start)
    {
        if (text.EndingAt(start, LexiconKind.Qualifier) is { } qualifier)
        {
            start = qualifier.Start;
        }

        return text.EndingAt(start, LexiconKind.Marker)?.Entry.Marker;
    }

    private LexiconMatch? NearestBefore(int end, int start, LexiconKind kind)
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

    /// <summary>
    /// What a part does not say it takes from its whole; "منهم" and "آخرين" take the group of the
    /// figure before; a group with an actor but no role is made of fighters.
    /// </summary>
    private void Inherit(Draft draft, After after, Draft? previous)
    {
        var source = draft.Parent ?? ((after.OfThem || after.Others) && previous is not null ? previous : null);
        var group = draft.Group;
        if (source is not null)
        {
            var inherited = source.Group;
            group = new Group(
                group.Actor ?? (group.Role == Role.Civilian ? null : inherited.Actor),
                group.Role ?? inherited.Role,
                group.Age ?? (draft.Parent is null ? null : inherited.Age),
                group.Sex ?? (draft.Parent is null ? null : inherited.Sex),
                draft.Nationality ?? (draft.Parent is null ? null : inherited.Nationality));
            draft.Category ??= source.Category;
            draft.Kind ??= source.Kind;
            draft.Cause ??= draft.Parent?.Cause;
            draft.Perpetrator ??= draft.Parent?.Perpetrator;
        }

        if (group.Role == Role.Civilian)
        {
            group = group with { Actor = null };
        }

        var actorRole = after.Actor?.Role;
        group = group with
        {
            Role = group.Role is null or Role.Fighter && actorRole is not null
                ? actorRole
                : group.Role ?? (group.Actor is not null ? Role.Fighter : Role.Person),
            Nationality = group.Nationality ?? draft.Nationality,
        };

        // "20 جنديا سوريا": soldiers of a nationality serve the army the profile gives it.
        if (group is { Actor: null, Role: Role.Soldier, Nationality: { } nationality }
            && text.Language.Profile.Armies.TryGetValue(nationality, out var army))
        {
            group = group with { Actor = army };
        }

        draft.Group = group;
    }

    private static Category? CategoryOf(LexiconMatch match) => match.Entry.Category;

    /// <summary>The words after a number, read.</summary>
    private sealed class After
    {
        public LexiconEntry? Noun { get; set; }

        public LexiconMatch? Category { get; set; }

        /// <summary>A second outcome counted with the first ("قتيلا وجريحا").</summary>
        public Category? Also { get; set; }

        /// <summary>A counted noun that names a state ("نازح", "detainees"): the category unless a verb says otherwise.</summary>
        public LexiconMatch? StateNoun { get; set; }

        public LexiconEntry? Actor { get; set; }

        public string? Perpetrator { get; set; }

        public string? Nationality { get; set; }

        public string? OtherUnit { get; set; }

        /// <summary>"منهم" right after the number: of the people just counted.</summary>
        public bool OfThem { get; set; }

        /// <summary>"20 منهم", "80 of whom": a part of the figure before, named after the number.</summary>
        public bool Partitive { get; set; }

        /// <summary>"آخرين": more of the same people.</summary>
        public bool Others { get; set; }

        /// <summary>A word of totals after the figure ("حصيلة"): it is a running total.</summary>
        public bool Total { get; set; }

        /// <summary>"ممن قتلوا من مقاتلي …": the group is named again after the verb.</summary>
        public bool GroupReopened { get; set; }

        /// <summary>"4 آلاف صومالي": the nationality stands where the counted noun would.</summary>
        public bool NationalityHead { get; set; }

        public bool HasEvidence => Noun is not null || Category is not null || Actor is not null || OfThem || Others || NationalityHead;

        public string Unit => Noun?.Unit ?? Units.Person;

        public Group Group => new(
            Actor?.Actor,
            Noun?.Role,
            Noun?.Age,
            Noun?.Sex,
            null);
    }
}
