using System.Collections.Frozen;
using Marsad.Analysis;
using Marsad.Gazetteer;
using Marsad.Model;
using Marsad.Profiles;

namespace Marsad.Rendering;

/// <summary>
/// The name of a place in each language, from the gazetteer and the profile: a claim's place as
/// its gazetteer entry is called in that language ("الباغوز" → "Baghouz"), else its first-level
/// division's name, else the name as the report wrote it.
/// </summary>
public sealed class PlaceNames
{
    private readonly FrozenDictionary<(string Id, string Language), string> byId;
    private readonly FrozenDictionary<(string Admin1, string Language), string> byAdmin1;

    public PlaceNames(ConflictProfile profile, IEnumerable<string> languages)
    {
        var ids = new Dictionary<(string, string), string>();
        var admin1 = new Dictionary<(string, string), string>();
        foreach (var language in languages)
        {
            // A place's own name comes first among its names in each source, so the first one seen is kept.
            var script = LanguageCatalog.Shipped.Languages.First(l => l.Code == language).Conventions.Script;
            foreach (var entry in GazetteerData.Entries(profile.Places, language).Concat(GazetteerData.Entries(language, script)))
            {
                ids.TryAdd((entry.Place!.GazetteerId!, language), entry.Phrase);
                if (entry.PlaceLevel == "governorate" && entry.Place.Admin1 is { } code)
                {
                    admin1.TryAdd((code, language), entry.Phrase);
                }
            }
        }

        byId = ids.ToFrozenDictionary();
        byAdmin1 = admin1.ToFrozenDictionary();
    }

    /// <summary>The place's name in a language, or null when the claim names no place.</summary>
    public string? Name(Place place, string language) =>
        (place.GazetteerId is { } id ? byId.GetValueOrDefault((id, language)) : null)
        ?? Admin1(place.Admin1, language)
        ?? place.Name;

    /// <summary>Every first-level division's name in a language, by its code, in code order.</summary>
    public IEnumerable<KeyValuePair<string, string>> Admin1Names(string language) =>
        byAdmin1.Where(n => n.Key.Language == language).OrderBy(n => n.Key.Admin1, StringComparer.Ordinal).Select(n => KeyValuePair.Create(n.Key.Admin1, n.Value));

    /// <summary>A first-level division's name in a language ("SY-DY" → "دير الزور"), or null.</summary>
    public string? Admin1(string? code, string language) =>
        code is null ? null : byAdmin1.GetValueOrDefault((code, language));
}
