using Marsad.Analysis;
using Marsad.Claims;
using Marsad.Gazetteer;
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
    private const int OpeningReach = 12;

    private readonly AnalyzedText text;
    private readonly List<Mention> places = [];
    private readonly Place? reportPlace;
    private readonly string? reportCountry;
    private readonly HashSet<string> countries = new(StringComparer.Ordinal);

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

        reportCountry = ReportCountry();
        reportPlace = ReportPlace();
    }

    /// <summary>The country the report is about (ISO 3166-1), or null when its places name none.</summary>
    public string? Country => reportCountry;

    /// <summary>Whether the report names a place that is only in <paramref name="country"/>.</summary>
    public bool Names(string country) => countries.Contains(country);

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

        for (var i = 0; i < places.Count; i++)
        {
            if (places[i].Start >= draft.Quantity.Last && places[i].Start < clauseEnd)
            {
                return ToPlace(places[i], within: Within(i, clauseEnd));
            }
        }

        // Behind the figure: its own clause first, then, for the first figure of its sentence, the
        // clauses that open the sentence right before it ("وفي ريف دير الزور الشرقي، قرب الميادين،
        // أسر مهاجمون جنديين"), before the report's own place; after other figures of a run-on
        // sentence, places are where people went.
        var opening = FirstFigureOf(sentence.Start, draft.Quantity.First) ? Math.Max(sentence.Start, draft.Quantity.First - OpeningReach) : clauseStart;
        foreach (var from in new[] { clauseStart, opening })
        {
            for (var i = places.Count - 1; i >= 0; i--)
            {
                if (places[i].Start >= from && places[i].End <= draft.Quantity.First)
                {
                    return ToPlace(places[i], within: Within(i, draft.Quantity.First));
                }
            }
        }

        return reportPlace ?? Place.Unknown;
    }

    /// <summary>
    /// The country the report is about: the one its unambiguous places (names no other country
    /// shares) and its nationality words after a place ("الحديدة اليمنية") name most.
    /// </summary>
    private string? ReportCountry()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var mention in places)
        {
            if ((StatedCountry(mention) ?? OnlyCountry(mention)) is { } country)
            {
                counts[country] = counts.GetValueOrDefault(country) + 1;
                countries.Add(country);
            }
        }

        return counts.Count == 0 ? null : counts.MaxBy(c => c.Value).Key;
    }

    private string? OnlyCountry(Mention mention)
    {
        if (mention.Entry is not { } entry)
        {
            return null;
        }

        string? only = null;
        foreach (var place in text.Language.Gazetteer.Candidates(entry.Phrase))
        {
            var country = GazetteerIndex.CountryOf(place.Admin1);
            if (country is null || (only is not null && only != country))
            {
                return null;
            }

            only = country;
        }

        return only;
    }

    /// <summary>"مدينة الحديدة اليمنية", "Benghazi, Libya": a nationality word or country right after the name.</summary>
    private string? StatedCountry(Mention mention)
    {
        var at = mention.End;
        while (at < text.Tokens.Count && text.Tokens[at].Kind == TokenKind.Punctuation && !text.IsSentenceEnd(at))
        {
            at++;
        }

        return text.StartingAt(at, LexiconKind.Nationality)?.Entry.Nationality;
    }

    private Place? ReportPlace()
    {
        var firstLines = places.Where(p => text.LineOf(p.Start) < LineAfterDateline() && p.Entry?.PlaceLevel is "governorate").ToList();
        if (firstLines.Count > 0)
        {
            return ToPlace(firstLines[0], asWritten: true);
        }

        var mostNamed = places.Select(Admin1Of).Where(a => a is { Length: > 0 })
            .GroupBy(a => a).OrderByDescending(g => g.Count()).FirstOrDefault();
        return mostNamed is null ? null : new Place(Admin1: mostNamed.Key);
    }

    /// <summary>The division a known place is in, its namesakes settled by the report's country.</summary>
    private string? Admin1Of(Mention mention) =>
        mention.Entry is { } e ? GazetteerIndex.Choose(text.Language.Gazetteer.Candidates(e.Phrase), null, StatedCountry(mention) ?? reportCountry)?.Admin1 : null;

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
        !IsGenericNoun(place) && (place.Entry.PlaceLevel is not "town"
        || (place.Start > 0 && text.StartingAt(place.Start - 1, LexiconKind.Marker)?.Entry.Marker == MarkerWord.PlaceCue)
        || (char.IsUpper(text.Normalized.Original[text.Normalized.OriginalSpan(text.Tokens[place.Start].Start, text.Tokens[place.Start].End).Start])
            && place.Start > text.Sentences[text.SentenceOf(place.Start)].Start));

    /// <summary>"الجيب", "المدينة", "المخيم": a word that introduces places is not itself one, though towns bear such names.</summary>
    private bool IsGenericNoun(LexiconMatch place) =>
        text.StartingAt(place.Start, LexiconKind.Marker) is { Entry: var marker } word && word.End == place.End
        && marker.Marker is MarkerWord.PlaceCue or MarkerWord.Possessed;

    /// <summary>Whether no figure stands in the sentence before <paramref name="figure"/>.</summary>
    private bool FirstFigureOf(int sentenceStart, int figure)
    {
        for (var at = sentenceStart; at < figure; at++)
        {
            if (text.Tokens[at].Kind == TokenKind.Number)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"حي التل بمدينة حلب": the division of the larger place named right after a place, which holds it.</summary>
    private string? Within(int index, int end) =>
        index + 1 < places.Count && places[index + 1].Start < end && places[index + 1].Start - places[index].End <= 2 ? Admin1Of(places[index + 1]) : null;

    /// <summary>
    /// A place as written; an unknown one keeps its name and takes the report's governorate, so a
    /// user can see it (<c>marsad places --unresolved</c>) and add it to a profile.
    /// </summary>
    private Place ToPlace(Mention mention, bool asWritten = false, string? within = null)
    {
        var span = text.Normalized.OriginalSpan(text.Tokens[mention.Start].Start, text.Tokens[mention.End - 1].End);
        var name = text.Normalized.Original[span.Start..span.End];
        if (mention.Entry is not { } e)
        {
            return new Place(name, within ?? reportPlace?.Admin1);
        }

        // A name several places share is the one in the report's governorate, else the most
        // specific; the dateline's governorate is itself. Inside a larger place that holds none of
        // them, it is a namesake the gazetteer does not know, in that place's division.
        var place = asWritten ? GazetteerIndex.PlaceOf(e)
            : GazetteerIndex.Choose(text.Language.Gazetteer.Candidates(e.Phrase), within ?? reportPlace?.Admin1, StatedCountry(mention) ?? reportCountry)!;
        return within is not null && place.Admin1 != within ? new Place(name, within) : place with { Name = name };
    }

    /// <summary>A place named in the text: tokens <c>[Start, End)</c>, and its gazetteer entry when it has one.</summary>
    private sealed record Mention(int Start, int End, LexiconEntry? Entry);
}
