using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Marsad.Languages;
using Marsad.Model;

namespace Marsad.Gazetteer;

/// <summary>
/// The places Marsad can name, built from the data in <c>Gazetteer/Data/</c> (GeoNames towns of Syria,
/// Iraq, Yemen, Sudan, Libya, Palestine and Lebanon, OpenSyria governorates, districts and subdistricts, the OCHA first-level crosswalk):
/// every Arabic name and alias becomes a <see cref="LexiconKind.Place"/> phrase whose features give
/// the place's id, level, first-level division (ISO 3166-2) and coordinates.
/// </summary>
public static class GazetteerData
{
    private const long CityPopulation = 100_000;

    /// <summary>The sources' code for their Latin-script names.</summary>
    private const string LatinNames = "en";

    private static readonly Lazy<FrozenDictionary<string, string>> LevelsById = new(() =>
        Entries("en", Script.Latin).GroupBy(e => e.Place!.GazetteerId!, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First().PlaceLevel!, StringComparer.Ordinal));

    /// <summary>The level of each place by its gazetteer id (city, town, subdistrict, district, governorate): how precise a place is.</summary>
    public static IReadOnlyDictionary<string, string> Levels => LevelsById.Value;

    /// <summary>
    /// Every place under its names in one language: the names the sources give in that language,
    /// and for a language of Latin script the sources' Latin names (English and transliterated
    /// ones), which is how any such language writes a Syrian town.
    /// </summary>
    public static IEnumerable<LexiconEntry> Entries(string language, Script script)
    {
        var crosswalk = ReadCrosswalk();
        foreach (var (file, level) in new[]
        {
            ("opensyria/governorates.json", "governorate"), ("opensyria/districts.json", "district"), ("opensyria/subdistricts.json", "subdistrict"),
        })
        {
            foreach (var entry in OpenSyria(file, level, script == Script.Latin ? [language, LatinNames] : [language], crosswalk))
            {
                yield return entry;
            }
        }

        foreach (var entry in GeoNames(script, crosswalk))
        {
            yield return entry;
        }

        foreach (var entry in Regional(script))
        {
            yield return entry;
        }
    }

    /// <summary>The first-level divisions of the neighbouring wars' countries (<c>regional_admin1.tsv</c>).</summary>
    private static IEnumerable<LexiconEntry> Regional(Script script)
    {
        const string path = "Gazetteer/Data/regional_admin1.tsv";
        using var reader = Tsv.OpenEmbedded(path);
        foreach (var (line, f) in Tsv.Rows(reader))
        {
            if (f.Length < 5)
            {
                throw new InvalidDataException($"{path}:{line}: expected 'iso<TAB>lat<TAB>lon<TAB>english<TAB>arabic'.");
            }

            var english = f[3].Split('|');
            var named = Named(
                "iso:" + f[0], "governorate", f[0], english[0],
                double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture));
            foreach (var name in script == Script.Arabic ? f[4].Split('|') : english)
            {
                yield return named(name);
            }
        }
    }

    /// <summary>A profile's own places, under their names in one language.</summary>
    public static IEnumerable<LexiconEntry> Entries(IEnumerable<Profiles.ProfilePlace> places, string language)
    {
        foreach (var place in places)
        {
            var names = place.Names.GetValueOrDefault(language) ?? [];
            var named = Named(
                "profile:" + place.Id, place.Level, place.Admin1, place.Names.GetValueOrDefault("en") is [var english, ..] ? english : place.Id,
                place.Lat, place.Lon);
            foreach (var name in names)
            {
                yield return named(name);
            }
        }
    }

    /// <summary>GeoNames admin1 ("SY.07", "YE.08"), single GeoNames rows and OpenSyria governorate ids ("sy-deir-ez-zor") to ISO 3166-2.</summary>
    private static Dictionary<string, string> ReadCrosswalk()
    {
        var iso = Admin1Divisions.Crosswalk.ToDictionary(d => d.GeoNamesAdmin1!, d => d.Iso, StringComparer.Ordinal);

        // The other countries' GeoNames admin1 codes (and single rows) to ISO 3166-2.
        using (var region = Tsv.OpenEmbedded("Gazetteer/Data/geonames_admin1_region.tsv"))
        {
            foreach (var (_, fields) in Tsv.Rows(region))
            {
                iso[fields[0]] = fields[1];
            }
        }

        using var governorates = JsonDocument.Parse(Tsv.OpenEmbedded("Gazetteer/Data/opensyria/governorates.json").ReadToEnd());
        foreach (var governorate in governorates.RootElement.EnumerateArray())
        {
            iso[governorate.GetProperty("id").GetString()!] = governorate.GetProperty("iso31662").GetString()!;
        }

        return iso;
    }

    private static IEnumerable<LexiconEntry> OpenSyria(string file, string level, string[] languages, Dictionary<string, string> iso)
    {
        using var json = JsonDocument.Parse(Tsv.OpenEmbedded("Gazetteer/Data/" + file).ReadToEnd());
        foreach (var unit in json.RootElement.EnumerateArray())
        {
            var id = unit.GetProperty("id").GetString()!;
            var governorate = unit.TryGetProperty("governorateId", out var g) ? g.GetString()! : id;
            var centroid = unit.GetProperty("centroid");
            var named = Named(
                "opensyria:" + id, level, iso.GetValueOrDefault(governorate), unit.GetProperty("name").GetProperty("en").GetString()!,
                centroid.GetProperty("latitude").GetDouble(), centroid.GetProperty("longitude").GetDouble());
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var language in languages)
            {
                if (unit.GetProperty("name").TryGetProperty(language, out var own))
                {
                    names.Add(own.GetString()!);
                }
            }

            foreach (var alias in unit.GetProperty("aliases").EnumerateArray())
            {
                if (languages.Contains(alias.GetProperty("language").GetString()))
                {
                    names.Add(alias.GetProperty("value").GetString()!);
                }
            }

            foreach (var name in names)
            {
                yield return named(name);
            }
        }
    }

    /// <summary>
    /// GeoNames towns of Syria and Iraq, and of Yemen, Sudan, Libya, Palestine and Lebanon: the
    /// Arabic alternate names for Arabic script; the name and its ASCII form for Latin script.
    /// </summary>
    private static IEnumerable<LexiconEntry> GeoNames(Script script, Dictionary<string, string> iso)
    {
        foreach (var file in new[] { "geonames_cities500_SY_IQ.txt", "geonames_cities500_YE_SD_LY_PS_LB.txt" })
        {
            foreach (var entry in GeoNames(file, script, iso))
            {
                yield return entry;
            }
        }
    }

    private static IEnumerable<LexiconEntry> GeoNames(string file, Script script, Dictionary<string, string> iso)
    {
        using var reader = Tsv.OpenEmbedded("Gazetteer/Data/" + file);
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split('\t');
            // A city of 100,000 or more is a place wherever it is named; a smaller town's name may be a common word.
            var level = long.TryParse(f[14], CultureInfo.InvariantCulture, out var population) && population >= CityPopulation ? "city" : "town";
            var admin1 = iso.GetValueOrDefault("geonames:" + f[0]) ?? iso.GetValueOrDefault($"{f[8]}.{f[10]}");
            var named = Named(
                "geonames:" + f[0], level, admin1, f[1],
                double.Parse(f[4], CultureInfo.InvariantCulture), double.Parse(f[5], CultureInfo.InvariantCulture));
            var names = script == Script.Arabic ? f[3].Split(',').Where(IsArabic) : new[] { f[1], f[2] }.Where(n => n.Length > 2);
            foreach (var name in names.Distinct(StringComparer.Ordinal))
            {
                yield return named(name);
            }
        }
    }

    /// <summary>A place under one of its names: the entry's features are the place and its level.</summary>
    private static Func<string, LexiconEntry> Named(string id, string level, string? admin1, string name, double lat, double lon)
    {
        var place = new Place(name, string.IsNullOrEmpty(admin1) ? null : admin1, id, lat, lon);
        return phrase => new LexiconEntry(LexiconKind.Place, phrase) { Place = place, PlaceLevel = level };
    }

    /// <summary>A GeoNames alternate name in Arabic letters (its Persian, Urdu … names use them too, and are kept).</summary>
    private static bool IsArabic(string name) => name.Length > 1 && name.Any(c => c is >= '\u0621' and <= '\u064A');
}
