using Marsad.Analysis;
using Marsad.Languages;
using Marsad.Text;

namespace Marsad.Claims;

/// <summary>
/// Whose people a figure counts and who did it, from the actor and nationality words after it. Up to
/// the verb that says what happened an actor is the group counted; past it, who did it, unless "من"
/// makes it the group again ("ممن قتلوا من مقاتلي … التنظيم").
/// </summary>
internal sealed class ActorReader(AnalyzedText text)
{
    /// <summary>Reads an actor at token <paramref name="at"/> into <paramref name="after"/>; its end, or null when none stands there.</summary>
    public int? Read(WordsAfter after, int at, int nounSlot, bool describesGroup)
    {
        if (text.StartingAt(at, LexiconKind.Actor) is not { } actor
            || text.HasMarker(text.WordBefore(at), MarkerWord.Opponent) || text.HasMarker(text.WordBefore(at), MarkerWord.Possessed))
        {
            return null;
        }

        if (after.Actor is null && describesGroup
            && (at < nounSlot || ModifiesCounted(after.GroupReopened ? after.ReopenedAt : text.NounPhraseEnd(nounSlot, after.Noun), at)))
        {
            after.Actor = actor.Entry;
        }
        else if (after.Category is not null)
        {
            after.Perpetrator ??= actor.Entry.Actor;
        }

        return actor.End;
    }

    /// <summary>"4 آلاف صومالي", "900 Israelis": a nationality in the noun's place, or next to the noun, is the counted people's.</summary>
    public void ReadNationality(WordsAfter after, int at, int nounSlot, bool describesGroup)
    {
        if (after.Nationality is null && describesGroup && text.StartingAt(at, LexiconKind.Nationality) is { } nationality
            && (at <= nounSlot || ModifiesCounted(text.NounPhraseEnd(nounSlot, after.Noun), at)))
        {
            after.Nationality = nationality.Entry.Nationality;
            after.NationalityHead |= at == nounSlot && after.Noun is null;
        }
    }

    /// <summary>"6000 عائلة، جميعها من الجنسية العراقية": a nationality said of all of them.</summary>
    public string? NationalityOfAll(int clauseEnd)
    {
        var at = clauseEnd + 1;
        if (!text.IsClauseEnd(clauseEnd) || text.IsSentenceEnd(clauseEnd) || !text.HasMarker(at, MarkerWord.All))
        {
            return null;
        }

        at++;
        at += text.HasMarker(at, MarkerWord.Of) ? 1 : 0;
        return text.StartingAt(at, LexiconKind.Nationality)?.Entry.Nationality;
    }

    /// <summary>
    /// A nationality or an actor describes the counted people only next to them, through nothing
    /// but more nouns, "و", "من", an article, quotes and a phrase of affiliation: "226 مواطناً
    /// سورياً", "23200 شخصاً من الجنسية العراقية", "عدد مقاتلي وقادة التنظيم", "عناصر خلية تابعة
    /// للتنظيم". Further on it belongs to something else ("من جنسيات مختلفة سورية وعراقية", "الرئيس
    /// الأمريكي", "تحت سيطرة تنظيم داعش").
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
            else if (text.HasMarker(between, MarkerWord.Of) || text.HasMarker(between, MarkerWord.And) || text.HasMarker(between, MarkerWord.Definite)
                || text.Tokens[between].Kind == TokenKind.Punctuation)
            {
                between++;
            }
            else if (Affiliation(between) is { } link)
            {
                between = link;
            }
            else if (between + 1 < at && Affiliation(between + 1) is { } linkAfterUnit)
            {
                // "عناصر خلية تابعة للتنظيم": the unit they are in, then what it belongs to.
                between = linkAfterUnit;
            }
            else
            {
                return false;
            }
        }

        return between == at;
    }

    /// <summary>The end of an affiliation phrase at a token ("تابعة لـ", "تحت راية", "loyal to"), or null.</summary>
    private int? Affiliation(int at) =>
        text.StartingAt(at, LexiconKind.Marker) is { Entry.Marker: MarkerWord.Affiliation } link ? link.End : null;
}
