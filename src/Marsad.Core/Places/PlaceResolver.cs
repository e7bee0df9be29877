using System.Globalization;
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
    private readonly List<LexiconMatch> places = [];
    private readonly Place? reportPlace;

    public PlaceResolver(AnalyzedText text)
    {
        this.text = text;
        for (var i = 0; i < text.Tokens.Count; i++)
        {
            if (text.StartingAt(i, LexiconKind.Place) is { } place && IsPlace(place))
            {
                places.Add(place);
                i = place.End - 1;
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
        var firstLines = places.Where(p => text.LineOf(p.Start) < LineAfterDateline() && p.Entry["level"] is "governorate").ToList();
        if (firstLines.Count > 0)
        {
            return ToPlace(firstLines[0]);
        }

        var mostNamed = places.Where(p => p.Entry["admin1"] is { Length: > 0 })
            .GroupBy(p => p.Entry["admin1"]).OrderByDescending(g => g.Count()).FirstOrDefault();
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

    private bool IsPlace(LexiconMatch place) =>
        place.Entry["level"] is not "town"
        || (place.Start > 0 && text.StartingAt(place.Start - 1, LexiconKind.Marker)?.Entry["marker"] == "place-cue");

    private Place ToPlace(LexiconMatch match)
    {
        var span = text.Normalized.OriginalSpan(text.Tokens[match.Start].Start, text.Tokens[match.End - 1].End);
        var e = match.Entry;
        return new Place(
            text.Normalized.Original[span.Start..span.End],
            e["admin1"] is { Length: > 0 } admin1 ? admin1 : null,
            e["place"],
            double.Parse(e["lat"]!, CultureInfo.InvariantCulture),
            double.Parse(e["lon"]!, CultureInfo.InvariantCulture));
    }
}
