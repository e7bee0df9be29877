using Marsad.Analysis;
using Marsad.Languages;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Claims;

/// <summary>
/// What the words right after a number say about it, read token by token: the cue of what happened
/// (through <see cref="CueReader"/>), "منهم" and "آخرين", the counted noun in its slot or the unit
/// that makes it a count of things, and the actor and nationality (through <see cref="ActorReader"/>).
/// </summary>
internal sealed class CountedNounReader(AnalyzedText text, CueReader cues, ActorReader actors, TimeSpanReader spans)
{
    /// <summary>The words from <paramref name="from"/> to <paramref name="end"/>, read; a dual carries its own noun.</summary>
    public WordsAfter Read(int from, int end, LexiconEntry? dualNoun)
    {
        var after = new WordsAfter { Noun = dualNoun };
        var nounSlot = CountedNounSlot(from, end);
        for (var at = from; at < end; at++)
        {
            // In the counted noun's place a noun is read as the noun ("37 displaced people were killed").
            var nounHere = at == nounSlot && after.Noun is null && text.StartingAt(at, LexiconKind.Noun) is not null;
            if (after.Category is null && !nounHere && !cues.DescribesPlace(at) && text.StartingAt(at, LexiconKind.Category) is { } cue)
            {
                // "… بينهم 5 أطفال وإصابة 20 آخرين", "إجمالي الوفيات 40 والإصابات 120": a cue joined by
                // "و" after other words starts the next statement; it does not say what happened to this figure.
                if (cue.Proclitics.Conjunction)
                {
                    return after;
                }

                (after.Category, after.Also) = (cue, cues.AlsoCounted(cue));
                continue;
            }

            ReadMarkers(after, at, from);

            // Past the verb, "من" reopens the group for the words that follow it, unless it follows a
            // noun of other people: "بعدما هاجم مسلحون من داعش" says who attacked, not who was counted.
            if (after.Category is not null && text.HasMarker(at - 1, MarkerWord.Of) && !FollowsOtherPeople(at - 1, nounSlot, after.Noun))
            {
                after.ReopenedAt = at;
            }

            if (at == from && after.Noun is null && ThingCounted(at) is { } thing)
            {
                after.OtherUnit = thing.Entry.Unit;
                return after;
            }

            var describesGroup = after.Category is null || after.GroupReopened;
            ReadNoun(after, at, nounSlot, describesGroup);
            if (actors.Read(after, at, nounSlot, describesGroup) is { } actorEnd)
            {
                at = actorEnd - 1;
                continue;
            }

            actors.ReadNationality(after, at, nounSlot, describesGroup);
        }

        after.Nationality ??= actors.NationalityOfAll(end);
        return after;
    }

    /// <summary>Whether the word before <paramref name="of"/> is a noun of people past the counted noun's phrase.</summary>
    private bool FollowsOtherPeople(int of, int nounSlot, LexiconEntry? counted) =>
        text.EndingAt(of, LexiconKind.Noun) is { } noun && noun.Start >= text.NounPhraseEnd(nounSlot, counted);

    /// <summary>Words of totals anywhere; "منهم" right after the number; "آخرين" at most a word after it.</summary>
    private void ReadMarkers(WordsAfter after, int at, int from)
    {
        after.Total |= spans.IsTotalWord(at);
        var marker = text.StartingAt(at, LexiconKind.Marker);
        if (marker?.Entry.Marker is MarkerWord.Breakdown && at == from)
        {
            var partitive = marker.Value;
            after.OfThem = partitive.Length == 1 || partitive.Entry.MayFollow;
            after.Partitive = partitive.Entry.MayFollow;
        }
        else if (marker?.Entry.Marker is MarkerWord.Others or MarkerWord.Remainder && at <= from + 1)
        {
            after.Others = true;
        }
    }

    /// <summary>
    /// The unit of things a number counts ("5 كلم", "20 سيارة"). "5,000 family tents": a noun of
    /// people right before a thing only says what kind of thing ("10 أطفال اليوم" is children, on a
    /// day). A thing behind a preposition is not what is counted ("3 أشخاص بانفجار", "3 أطفال بقذائف").
    /// </summary>
    private LexiconMatch? ThingCounted(int at)
    {
        var unitAt = text.StartingAt(at, LexiconKind.Noun) is { } modifier
            && text.StartingAt(modifier.End, LexiconKind.Unit) is { Proclitics.Preposition: false, Entry.Unit: { } thing }
            && !Units.OfTime.Contains(thing)
            ? modifier.End
            : at;
        return text.StartingAt(unitAt, LexiconKind.Unit) is { } unit && (unitAt > at || text.StartingAt(at, LexiconKind.Noun) is null)
            ? unit
            : null;
    }

    private void ReadNoun(WordsAfter after, int at, int nounSlot, bool describesGroup)
    {
        var isNounSlot = at == nounSlot || (after.GroupReopened && text.HasMarker(at - 1, MarkerWord.Of));
        if (after.Noun is not null || !describesGroup || !isNounSlot || text.StartingAt(at, LexiconKind.Noun) is not { } noun)
        {
            return;
        }

        after.Noun = noun.Entry;

        // "37 displaced people were killed": a noun that names a state yields to the verb of
        // the event; one that names a casualty ("49 قتيلاً") is the event.
        if (noun.Entry.Category is Category.Killed or Category.Injured)
        {
            after.Category ??= noun;
            after.Also = cues.AlsoCounted(noun);
        }
        else if (noun.Entry.Category is not null)
        {
            after.StateNoun = noun;
        }
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
            else if (text.Tokens[at].Kind == TokenKind.Word && !text.HasAnyMatch(at) && text.StartingAt(at + 1, LexiconKind.Noun) is not null)
            {
                // "100 unaccompanied children": a word the lexicons do not know, before a noun they do.
                at++;
            }
            else if (text.StartingAt(at, LexiconKind.Marker)?.Entry.Marker is MarkerWord.Of or MarkerWord.Count or MarkerWord.Others or MarkerWord.Remainder or MarkerWord.Definite
                || (text.Tokens[at].Kind == TokenKind.Punctuation && !text.IsClauseEnd(at)))
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
}
