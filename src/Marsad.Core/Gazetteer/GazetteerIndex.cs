using System.Collections.Frozen;
using Marsad.Languages;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Gazetteer;

/// <summary>
/// Looks place names up as a user or a report writes them: folded like the text ("الباغوز" and
/// "الباغوز" with diacritics agree), through proclitics ("وهجين", "بالباغوز") and place words
/// ("ببلدة هجين", "في الباغوز", "ريف دير الزور"). Where a name belongs to several places, one in
/// the given first-level division wins, then one of the user's profile, then the most specific (a
/// town before its district or governorate). A lookup folds into a stack buffer and reads frozen tables: no allocation.
/// </summary>
public sealed class GazetteerIndex
{
    private const int LongestName = 256;

    private readonly CharacterFolding folding;
    private readonly Clitics clitics;
    private readonly FrozenDictionary<string, Place[]>.AlternateLookup<ReadOnlySpan<char>> byName;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> placeWords;

    /// <param name="places">Gazetteer entries, names already folded.</param>
    /// <param name="placeWords">Folded words that introduce a place name ("بلدة", "في").</param>
    public GazetteerIndex(CharacterFolding folding, Clitics clitics, IEnumerable<LexiconEntry> places, IEnumerable<string> placeWords)
    {
        this.folding = folding;
        this.clitics = clitics;
        byName = places
            .GroupBy(e => e.Phrase, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.OrderBy(e => FromProfile(e) ? 0 : 1).ThenBy(e => Specificity(e.PlaceLevel)).Select(PlaceOf).DistinctBy(p => p.GazetteerId).ToArray(),
                StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        this.placeWords = placeWords.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Every name the index knows, folded.</summary>
    public IReadOnlyList<string> Names => byName.Dictionary.Keys;

    /// <summary>The place a name stands for, preferring one in <paramref name="admin1"/>; <c>null</c> when none is known.</summary>
    public Place? Lookup(ReadOnlySpan<char> name, string? admin1 = null)
    {
        Span<char> buffer = stackalloc char[LongestName];
        var folded = Fold(name, buffer);
        if (Find(folded, admin1) is { } place)
        {
            return place;
        }

        // "ببلدة هجين": a place word before the name, itself with proclitics.
        var space = folded.IndexOf(' ');
        return space > 0 && IsPlaceWord(folded[..space]) ? Find(folded[(space + 1)..], admin1) : null;
    }

    /// <summary>Every place a name (as folded in the text) may stand for, most specific first.</summary>
    public ReadOnlySpan<Place> Candidates(string foldedName) =>
        byName.Dictionary.TryGetValue(foldedName, out var places) ? places : [];

    /// <summary>Of the places a name may stand for, the one in <paramref name="admin1"/> if any, else the most specific.</summary>
    public static Place? Choose(ReadOnlySpan<Place> candidates, string? admin1, string? country = null)
    {
        if (candidates.IsEmpty)
        {
            return null;
        }

        if (admin1 is not null)
        {
            foreach (var place in candidates)
            {
                if (place.Admin1 == admin1)
                {
                    return place;
                }
            }
        }

        // A namesake in another country ("الحديدة" is a town near Homs and a Yemeni port) is the
        // one in the country the report is about.
        if (country is not null)
        {
            foreach (var place in candidates)
            {
                if (CountryOf(place.Admin1) == country)
                {
                    return place;
                }
            }
        }

        return candidates[0];
    }

    /// <summary>The country of a first-level division: "YE" for "YE-HU".</summary>
    public static string? CountryOf(string? admin1) => admin1 is { Length: > 3 } && admin1[2] == '-' ? admin1[..2] : null;

    private Place? Find(ReadOnlySpan<char> name, string? admin1)
    {
        if (byName.TryGetValue(name, out var places))
        {
            return Choose(places, admin1);
        }

        var space = name.IndexOf(' ');
        var firstWord = space < 0 ? name : name[..space];
        Span<Reading> readings = stackalloc Reading[Clitics.MostReadings];
        var count = clitics.Readings(firstWord, readings);
        for (var i = 1; i < count; i++)
        {
            if (byName.TryGetValue(name[readings[i].Offset..], out places))
            {
                return Choose(places, admin1);
            }
        }

        return null;
    }

    private bool IsPlaceWord(ReadOnlySpan<char> word)
    {
        Span<Reading> readings = stackalloc Reading[Clitics.MostReadings];
        var count = clitics.Readings(word, readings);
        for (var i = 0; i < count; i++)
        {
            if (placeWords.Contains(word[readings[i].Offset..]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Folds a name as the text is folded, with runs of spaces made one; longer names are cut.</summary>
    private ReadOnlySpan<char> Fold(ReadOnlySpan<char> name, Span<char> buffer)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in name)
        {
            var folded = folding.Fold(c);
            if (folded == CharacterFolding.Dropped)
            {
                continue;
            }

            if (folded == ' ')
            {
                pendingSpace = length > 0;
                continue;
            }

            if (length + (pendingSpace ? 2 : 1) > buffer.Length)
            {
                break;
            }

            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }

            buffer[length++] = folded;
        }

        return buffer[..length];
    }

    /// <summary>A place the user's profile names is what they mean by that name.</summary>
    private static bool FromProfile(LexiconEntry entry) => entry.Place!.GazetteerId!.StartsWith("profile:", StringComparison.Ordinal);

    /// <summary>Smaller is more specific: a user's own place, a town, then the administrative levels.</summary>
    private static int Specificity(string? level) => level switch
    {
        "town" or "city" => 1,
        "subdistrict" => 2,
        "district" => 3,
        "governorate" => 4,
        _ => 0,
    };

    public static Place PlaceOf(LexiconEntry entry) => entry.Place!;
}
