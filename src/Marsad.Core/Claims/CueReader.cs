using Marsad.Analysis;
using Marsad.Languages;
using Marsad.Model;
using Marsad.Recognition;

namespace Marsad.Claims;

/// <summary>
/// What happened to the people a figure counts, and how: the cue that governs it from before, one
/// after it, a toll earlier in its clause, the nearest cue ahead; a second outcome joined to the
/// first; the cause named in its clause.
/// </summary>
internal sealed class CueReader(AnalyzedText text, TimeSpanReader spans)
{
    /// <summary>How far before a number a cue word may stand, in tokens.</summary>
    private const int WindowBefore = 8;

    /// <summary>
    /// A cue that governs the number from before it: only the actor who did it, quotation marks,
    /// prepositions, "another" or the article stand between ("قتل ما لا يقل عن 34", "إعدام تنظيم
    /// “الدولة الإسلامية” لأكثر من 713").
    /// </summary>
    public (LexiconMatch Cue, string? Perpetrator)? Governing(int before, int sentenceStart)
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
    public (LexiconMatch Cue, bool Total)? TollBefore(int start, int sentenceStart)
    {
        for (var at = start - 1; at >= sentenceStart && !text.IsClauseEnd(at); at--)
        {
            if (text.StartingAt(at, LexiconKind.Category) is not { } cue)
            {
                continue;
            }

            var total = spans.IsTotalWordAround(at);
            if (total || text.EndingAt(at, LexiconKind.Marker)?.Entry.Marker == MarkerWord.Count)
            {
                return (cue, total);
            }
        }

        return null;
    }

    /// <summary>
    /// The cue that says what happened, in order of trust: one that governs the number from before
    /// it, one in the words after it, one further back in the sentence; a part without its own
    /// takes its whole's (see <see cref="Inheritance"/>), a figure without any the nearest cue ahead.
    /// </summary>
    public Category? Choose(Draft draft, int qualifierStart, LexiconMatch? governing, WordsAfter after)
    {
        // "left 21 injured": a cue of several meanings yields to the figure's own casualty noun.
        if (governing is { } cue && !(cue.Entry.Yields && OutcomeNamedBy(draft.Quantity) is not null))
        {
            return For(cue, draft);
        }

        if (after.Category is { } own)
        {
            return For(own, draft);
        }

        if (draft.Parent is not null)
        {
            return null;
        }

        var sentence = draft.Sentence;
        if (text.NearestBefore(qualifierStart, Math.Max(sentence.Start, qualifierStart - WindowBefore), LexiconKind.Category) is { } near)
        {
            return For(near, draft);
        }

        if (after.StateNoun is { } state)
        {
            return state.Entry.Category;
        }

        for (var at = draft.Quantity.Last; at < sentence.End; at++)
        {
            if (text.StartingAt(at, LexiconKind.Category) is { } ahead)
            {
                return For(ahead, draft);
            }
        }

        return null;
    }

    /// <summary>
    /// What a cue says happened to the people counted; a cue that means something else for people
    /// who are not troops ("وصل 1,200 شخص إلى مخيم" is displacement, "وصول 700 جندي" a deployment)
    /// says that for them.
    /// </summary>
    public static Category? For(LexiconMatch cue, Draft draft) =>
        cue.Entry.ForCivilians is { } forCivilians && draft.Group.Actor is null && draft.Group.Role is not (Role.Soldier or Role.Fighter or Role.Leader)
            ? forCivilians
            : cue.Entry.Category;

    /// <summary>What the word right after a number says happened, when it is an outcome noun ("140 جريحا", "30 wounded").</summary>
    public Category? OutcomeNamedBy(Quantity quantity)
    {
        var at = quantity.Last;
        if (text.StartingAt(at, LexiconKind.Category) is { } cue)
        {
            return cue.Entry.Category;
        }

        return text.StartingAt(at, LexiconKind.Noun)?.Entry.Category;
    }

    /// <summary>
    /// "76 قتيلا وجريحا", "killed or wounded": a second casualty word joined to the first counts the
    /// same people for another outcome (CODEBOOK §3 <c>also</c>).
    /// </summary>
    public Category? AlsoCounted(LexiconMatch first)
    {
        var at = first.End;
        var joined = false;
        if (text.HasMarker(at, MarkerWord.And) || text.HasMarker(at, MarkerWord.Or))
        {
            (at, joined) = (at + 1, true);
        }

        var second = text.StartingAt(at, LexiconKind.Noun) is { } noun && noun.Entry.Category is not null ? noun : text.StartingAt(at, LexiconKind.Category);
        if (second is not { } other || !(joined || other.Proclitics.Conjunction))
        {
            return null;
        }

        var (one, two) = (first.Entry.Category, other.Entry.Category);
        return one is Category.Killed or Category.Injured && two is Category.Killed or Category.Injured && one != two ? two : null;
    }

    /// <summary>"من الحي المحاصر", "the besieged enclave": a cue right after a place word describes the place.</summary>
    public bool DescribesPlace(int at)
    {
        var before = text.WordBefore(at);
        return text.HasMarker(before, MarkerWord.PlaceCue) || text.HasMarker(before, MarkerWord.Possessed) || text.EndingAt(before + 1, LexiconKind.Place) is not null;
    }

    /// <summary>
    /// The cause named in the figure's own clause, after it first ("قتل 27 مدنياً جراء غارات"), else
    /// before it ("في القصف على … قتل 5"). An actor right after the cause did it ("غارات روسية" has
    /// no actor word, "طائرات التحالف" does).
    /// </summary>
    public Cause? Cause(Quantity quantity, (int Start, int End) sentence)
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
}
