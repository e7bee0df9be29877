using Marsad.Claims;
using Marsad.Languages;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Places;

/// <summary>
/// Gives each claim the place it is about (CODEBOOK §2 <c>place</c>): the nearest place named in
/// its sentence, after the figure first, else the report's own governorate — the one its dateline
/// names ("محافظة دير الزور – المرصد السوري::"), else the one it names most. A governorate or
/// district name always counts; a town name only after a word that makes it a place ("ببلدة
/// هجين"), since many town names are also common words.
/// </summary>
public sealed class PlaceResolver
{
    private const int DatelineLines = 3;

    private readonly AnalyzedText text;
    private readonly List<Mention> places = [];
    private readonly Place? reportPlace;

    public PlaceResolver(AnalyzedText text)
    {
        this.text = text;
        for (var i = 0; i < text.Tokens.Count; i++)
        {
            if (text.StartingAt(i, LexiconKind.Place) is { } place && IsPlace(place))
            {
                places.Add(new Mention(place.Start, place.End, place.Entry));
                i = place.End - 1;
            }
            else if (i > 0 && text.Tokens[i].Kind == TokenKind.Word && text.StartingAt(i - 1, LexiconKind.Marker)?.Entry.NamesPlace is true
                && text.StartingAt(i, LexiconKind.Marker) is null && text.StartingAt(i, LexiconKind.Actor) is null)
            {
                // "بلدة الشعفة": a place the gazetteer does not know, kept as written.
                places.Add(new Mention(i, i + 1, null));
            }
        }

        reportPlace = ReportPlace();
    }

    public Place Resolve(Draft draft)
    {
        var sentence = draft.Sentence;
        // Only the figure's own clause: further on, places are where people went or where else
        // something happened.
        var clauseEnd = text.ClauseEnd(draft.Quantity.Last, sentence.End);
        var clauseStart = draft.Quantity.First;
        while (clauseStart > sentence.Start && !text.IsClauseEnd(clauseStart - 1))
        {
            clauseStart--;
        }

        foreach (var place in places)
        {
            if (place.Start >= draft.Quantity.Last && place.Start < clauseEnd)
            {
                return ToPlace(place);
            }
        }

        for (var i = places.Count - 1; i >= 0; i--)
        {
            if (places[i].Start >= clauseStart && places[i].End <= draft.Quantity.First)
            {
                return ToPlace(places[i]);
            }
        }

        return reportPlace ?? Place.Unknown;
    }

    private Place? ReportPlace()
    {
        var firstLines = places.Where(p => text.LineOf(p.Start) < LineAfterDateline() && p.Entry?.PlaceLevel is "governorate").ToList();
        if (firstLines.Count > 0)
        {
            return ToPlace(firstLines[0], asWritten: true);
        }

        var mostNamed = places.Where(p => p.Entry?.Place?.Admin1 is not null)
            .GroupBy(p => p.Entry!.Place!.Admin1).OrderByDescending(g => g.Count()).FirstOrDefault();
        return mostNamed is null ? null : new Place(Admin1: mostNamed.Key);
    }

    /// <summary>The dateline is within the first few lines that hold text.</summary>
    private int LineAfterDateline()
    {
        var seen = 0;
        var line = -1;
        for (var i = 0; i < text.Tokens.Count; i++)
        {
            if (text.Tokens[i].Kind != TokenKind.LineBreak && text.LineOf(i) != line)
            {
                line = text.LineOf(i);
                if (++seen > DatelineLines)
                {
                    return line;
                }
            }
        }

        return int.MaxValue;
    }

    /// <remarks>
    /// A town name capitalized in the middle of a sentence ("during the Mosul battle") is a name
    /// too; scripts without case never take this way.
    /// </remarks>
    private bool IsPlace(LexiconMatch place) =>
        place.Entry.PlaceLevel is not "town"
        || (place.Start > 0 && text.StartingAt(place.Start - 1, LexiconKind.Marker)?.Entry.Marker == MarkerWord.PlaceCue)
        || (char.IsUpper(text.Normalized.Original[text.Normalized.OriginalSpan(text.Tokens[place.Start].Start, text.Tokens[place.Start].End).Start])
            && place.Start > text.Sentences[text.SentenceOf(place.Start)].Start);

    /// <summary>
    /// A place as written; an unknown one keeps its name and takes the report's governorate, so a
    /// user can see it (<c>marsad places --unresolved</c>) and add it to a profile.
    /// </summary>
    private Place ToPlace(Mention mention, bool asWritten = false)
    {
        var span = text.Normalized.OriginalSpan(text.Tokens[mention.Start].Start, text.Tokens[mention.End - 1].End);
        var name = text.Normalized.Original[span.Start..span.End];
        if (mention.Entry is not { } e)
        {
            return new Place(name, reportPlace?.Admin1);
        }

        // A name several places share is the one in the report's governorate, else the most
        // specific; the dateline's governorate is itself.
        var place = asWritten ? GazetteerIndex.PlaceOf(e) : GazetteerIndex.Choose(text.Language.Gazetteer.Candidates(e.Phrase), reportPlace?.Admin1)!;
        return place with { Name = name };
    }

    /// <summary>A place named in the text: tokens <c>[Start, End)</c>, and its gazetteer entry when it has one.</summary>
    private sealed record Mention(int Start, int End, LexiconEntry? Entry);
}
