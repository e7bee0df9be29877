using Marsad.Analysis;
using Marsad.Languages;
using Marsad.Model;
using Marsad.Recognition;

namespace Marsad.Claims;

/// <summary>
/// Turns the quantities of one document into claims. Each figure is read by readers with one job
/// each — its hedge (<see cref="HedgeReader"/>), the words after it (<see cref="CountedNounReader"/>,
/// with <see cref="ActorReader"/>), the breakdown it belongs to (<see cref="BreakdownReader"/>), what
/// happened (<see cref="CueReader"/>), whether it is a running total (<see cref="TimeSpanReader"/>) —
/// and then takes from its whole what it does not say (<see cref="Inheritance"/>). Works in text
/// order, so a part's whole is always settled before the part.
/// </summary>
public sealed class ClaimParser
{
    /// <summary>How far after a number the words about it may run, in tokens.</summary>
    private const int WindowAfter = 14;

    private readonly AnalyzedText text;
    private readonly List<Quantity> quantities;
    private readonly List<Draft> drafts = [];
    private readonly HedgeReader hedges;
    private readonly CountedNounReader words;
    private readonly BreakdownReader breakdowns;
    private readonly CueReader cues;
    private readonly TimeSpanReader spans;
    private readonly Inheritance inheritance;

    private ClaimParser(AnalyzedText text, List<Quantity> quantities)
    {
        this.text = text;
        this.quantities = quantities;
        spans = new TimeSpanReader(text);
        cues = new CueReader(text, spans);
        hedges = new HedgeReader(text, quantities);
        words = new CountedNounReader(text, cues, new ActorReader(text), spans);
        breakdowns = new BreakdownReader(text, quantities, drafts, cues);
        inheritance = new Inheritance(text.Language.Profile.Armies);
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
        var (qualifier, qualifierStart, high) = hedges.Read(index, drafts.Count > 0 ? drafts[^1] : null);
        (draft.Qualifier, draft.High) = (quantity.Form == QuantityForm.Vague ? Qualifier.Vague : qualifier, high);

        // The first figure of a range shares the words after the second: "ما بين 3000 و3500 شخص".
        var described = high is null ? index : index + 1;
        var afterStart = quantities[described].Last;
        var after = words.Read(afterStart, NextBoundary(described, afterStart, sentence.End, extended: false), quantity.Noun);
        var previous = LastClaim();
        var conjoined = breakdowns.Conjoined(quantity, qualifierStart);
        (draft.Parent, draft.ListHead, draft.CompleteList) = breakdowns.Parent(quantity, qualifierStart, previous, sentence, after, conjoined);
        draft.ListHead ??= draft.Parent is null ? null : draft;
        DescribeAfterParts(index, after, sentence);
        if ((after.OfThem || after.Others) && (previous is null || previous.Sentence != sentence) && after.Actor is null)
        {
            // "منهم", "آخرين" with no figure before them in the sentence: of the people named before the number.
            (after.Noun, after.Actor) = (after.Noun ?? text.NearestBefore(qualifierStart, sentence.Start, LexiconKind.Noun)?.Entry,
                text.NearestBefore(qualifierStart, sentence.Start, LexiconKind.Actor)?.Entry);
            previous = null;
        }

        (draft.OtherUnit, draft.Unit, draft.Group, draft.Perpetrator, draft.Nationality) = (after.OtherUnit, after.Unit, after.Group, after.Perpetrator, after.Nationality);
        ReadEvent(draft, qualifierStart, after, conjoined);
        inheritance.Apply(draft, after, previous);
        drafts.Add(draft);
    }

    /// <summary>
    /// A whole whose parts follow it is described after the parts:
    /// "388 بينهم 141 طفلاً و86 مواطنة … عدد المدنيين الذين قضوا".
    /// </summary>
    private void DescribeAfterParts(int index, WordsAfter after, (int Start, int End) sentence)
    {
        var lastPart = breakdowns.LastDescendant(index);
        if (lastPart == index || after.Category is not null)
        {
            return;
        }

        var partEnd = NextBoundary(lastPart, quantities[lastPart].Last, sentence.End, extended: false);
        partEnd += text.IsClauseEnd(partEnd) && !text.IsSentenceEnd(partEnd) ? 1 : 0;
        var late = words.Read(partEnd, NextBoundary(lastPart, partEnd, sentence.End, extended: true), null);
        (after.Noun, after.Actor, after.Category) = (after.Noun ?? late.Noun, after.Actor ?? (after.Noun is null ? late.Actor : null), late.Category);
    }

    /// <summary>What happened to the people counted, who did it, how, and whether the figure is a running total.</summary>
    private void ReadEvent(Draft draft, int qualifierStart, WordsAfter after, bool conjoined)
    {
        var sentence = draft.Sentence;
        var governing = conjoined ? null : cues.Governing(qualifierStart, sentence.Start);
        draft.Perpetrator ??= governing?.Perpetrator;
        var toll = governing is null && !after.HasEvidence ? cues.TollBefore(qualifierStart, sentence.Start) : null;
        draft.Category = toll is { } tollCue ? CueReader.For(tollCue.Cue, draft) : cues.Choose(draft, qualifierStart, governing?.Cue, after);
        draft.Also = after.Category is { } own && own.Entry.Category == draft.Category ? after.Also : null;
        draft.Kind = spans.Kind(qualifierStart, after, toll?.Total == true);
        draft.Cause = cues.Cause(draft.Quantity, sentence);
        draft.HasEvidence = after.HasEvidence || governing is not null || draft.Parent is not null || toll is not null
            || (draft.Category is not null && spans.StatesATotal(qualifierStart));
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
}
