using System.Collections.Frozen;
using System.Globalization;
using Marsad.Places;
using Marsad.Profiles;
using Marsad.Text;

namespace Marsad.Languages;

/// <summary>
/// Everything the engine knows about one language, read from its data files under
/// <c>Languages/CODE/</c>, together with the actors of a conflict profile. The engine itself holds
/// no words of any language.
/// </summary>
public sealed class LanguagePack
{
    private static readonly (string File, LexiconKind Kind)[] LexiconFiles =
    [
        ("qualifiers", LexiconKind.Qualifier),
        ("categories", LexiconKind.Category),
        ("nouns", LexiconKind.Noun),
        ("markers", LexiconKind.Marker),
        ("units", LexiconKind.Unit),
        ("nationalities", LexiconKind.Nationality),
        ("time", LexiconKind.Time),
        ("calendar", LexiconKind.Calendar),
        ("causes", LexiconKind.Cause),
    ];

    private readonly FrozenDictionary<(string Anaphor, string Actor), LexiconEntry> anaphorReadings;

    private LanguagePack(
        string code, ConflictProfile profile, Normalizer normalizer, PhraseIndex phrases, GazetteerIndex gazetteer,
        FrozenDictionary<(string, string), LexiconEntry> anaphorReadings)
    {
        Gazetteer = gazetteer;
        Code = code;
        Profile = profile;
        Normalizer = normalizer;
        Phrases = phrases;
        this.anaphorReadings = anaphorReadings;
    }

    public string Code { get; }

    public Normalizer Normalizer { get; }

    public PhraseIndex Phrases { get; }

    public ConflictProfile Profile { get; }

    /// <summary>The places of the gazetteer and the profile, for lookups by name.</summary>
    public GazetteerIndex Gazetteer { get; }

    /// <summary>The Arabic pack with the default (Syria) profile.</summary>
    public static LanguagePack Arabic { get; } = Load(["ar"], ConflictProfile.Syria);

    /// <summary>
    /// The packs of one or more languages as one: a report in two languages (an English quote in an
    /// Arabic report) is read with both. Their scripts differ, so their phrases never meet.
    /// </summary>
    public static LanguagePack Load(IReadOnlyList<string> codes, ConflictProfile profile)
    {
        var folding = new Dictionary<char, char>();
        var clitics = new List<(string, string)>();
        foreach (var code in codes)
        {
            foreach (var (from, to) in ReadFolding($"Languages/{code}/folding.tsv"))
            {
                folding[from] = to;
            }

            clitics.AddRange(Tsv.Rows(Tsv.OpenEmbedded($"Languages/{code}/clitics.tsv")).Select(r => (r.Fields[0], r.Fields[1])));
        }

        var normalizer = new Normalizer(new CharacterFolding(folding));
        var readClitics = new Clitics(clitics);
        var entries = new List<LexiconEntry>();
        var places = new List<LexiconEntry>();
        var anaphorReadings = new Dictionary<(string, string), LexiconEntry>();
        foreach (var code in codes)
        {
            entries.AddRange(ReadNumbers(normalizer, $"Languages/{code}/numbers.tsv"));
            foreach (var (file, kind) in LexiconFiles)
            {
                entries.AddRange(ReadLexicon(normalizer, kind, $"Languages/{code}/{file}.tsv"));
            }

            entries.AddRange(Duals(normalizer, code));

            entries.AddRange(ProfileEntries(profile, code, anaphorReadings).Select(e => e with { Phrase = Fold(normalizer, e.Phrase) }));
            places.AddRange(GazetteerData.Entries(code).Concat(GazetteerData.Entries(profile.Places, code))
                .Select(e => e with { Phrase = Fold(normalizer, e.Phrase) }));
        }

        var placeWords = entries.Where(e => e.Kind == LexiconKind.Marker && e["marker"] == "place-cue").Select(e => e.Phrase);
        var gazetteer = new GazetteerIndex(normalizer.Folding, readClitics, places, placeWords);
        entries.AddRange(places);
        return new LanguagePack(
            string.Join('+', codes), profile, normalizer, new PhraseIndex(readClitics, entries), gazetteer, anaphorReadings.ToFrozenDictionary());
    }

    /// <summary>
    /// The actor an anaphor found in a document stands for: of the actors it may refer to, the one
    /// the document names most (the one the report is about), else the profile's default.
    /// </summary>
    public LexiconEntry ResolveAnaphor(LexiconEntry anaphor, IReadOnlyDictionary<string, int> timesNamed)
    {
        var phrase = anaphor["anaphor"]!;
        var best = anaphor["actor"]!;
        var bestCount = timesNamed.GetValueOrDefault(best);
        foreach (var candidate in anaphor["refers_to"]!.Split(','))
        {
            if (timesNamed.GetValueOrDefault(candidate) > bestCount)
            {
                (best, bestCount) = (candidate, timesNamed[candidate]);
            }
        }

        return anaphorReadings[(phrase, best)];
    }

    /// <summary>The profile's actor names and anaphora in one language; the readings of each anaphor go into <paramref name="readings"/>.</summary>
    private static List<LexiconEntry> ProfileEntries(ConflictProfile profile, string code, Dictionary<(string, string), LexiconEntry> readings)
    {
        var actors = new List<LexiconEntry>();
        var roles = profile.Actors.ToDictionary(a => a.Code, a => a.Role, StringComparer.Ordinal);
        foreach (var actor in profile.Actors)
        {
            foreach (var name in actor.Names.GetValueOrDefault(code) ?? [])
            {
                actors.Add(new LexiconEntry(LexiconKind.Actor, name, ActorFeatures(actor.Code, actor.Role, null)));
            }
        }

        foreach (var anaphor in profile.Anaphora)
        {
            foreach (var name in anaphor.Names.GetValueOrDefault(code) ?? [])
            {
                var features = ActorFeatures(anaphor.Default, roles.GetValueOrDefault(anaphor.Default), name)
                    .Append(new("refers_to", string.Join(',', anaphor.RefersTo)));
                actors.Add(new LexiconEntry(LexiconKind.Actor, name, features.ToFrozenDictionary()));
                foreach (var candidate in anaphor.RefersTo)
                {
                    readings[(name, candidate)] = new LexiconEntry(LexiconKind.Actor, name, ActorFeatures(candidate, roles.GetValueOrDefault(candidate), null));
                }
            }
        }

        return actors;
    }

    private static FrozenDictionary<string, string> ActorFeatures(string actor, string? role, string? anaphor)
    {
        var features = new Dictionary<string, string> { ["actor"] = actor };
        if (role is not null)
        {
            features["role"] = role;
        }

        if (anaphor is not null)
        {
            features["anaphor"] = anaphor;
        }

        return features.ToFrozenDictionary();
    }

    private static IEnumerable<LexiconEntry> ReadLexicon(Normalizer normalizer, LexiconKind kind, string path)
    {
        using var reader = Tsv.OpenEmbedded(path);
        foreach (var (line, fields) in Tsv.Rows(reader))
        {
            if (fields.Length < 2)
            {
                throw new InvalidDataException($"{path}:{line}: expected 'phrase<TAB>features'.");
            }

            yield return new LexiconEntry(kind, Fold(normalizer, fields[0]), Tsv.Features(fields[1]).ToFrozenDictionary());
        }
    }

    /// <summary>
    /// The duals of the nouns marked <c>singular</c>, made by the endings of the language's
    /// <c>duals.tsv</c> ("سيدة" → "سيدتان", "سيدتين"): each counts two. <c>singular=nominative</c>
    /// makes only the first form, where the other is spelt like the plural ("مدنيين").
    /// </summary>
    private static List<LexiconEntry> Duals(Normalizer normalizer, string code)
    {
        var path = $"Languages/{code}/duals.tsv";
        var endings = new List<(string Ending, string[] Forms)>();
        using (var reader = Tsv.OpenEmbedded(path))
        {
            foreach (var (line, fields) in Tsv.Rows(reader))
            {
                if (fields.Length < 2)
                {
                    throw new InvalidDataException($"{path}:{line}: expected 'ending<TAB>dual endings'.");
                }

                endings.Add((fields[0] == "-" ? "" : fields[0], fields[1].Split(',', StringSplitOptions.TrimEntries)));
            }
        }

        var duals = new List<LexiconEntry>();
        using var nouns = Tsv.OpenEmbedded($"Languages/{code}/nouns.tsv");
        foreach (var (_, fields) in Tsv.Rows(nouns))
        {
            var features = Tsv.Features(fields[1]).ToDictionary();
            if (!features.Remove("singular", out var singular))
            {
                continue;
            }

            features["count"] = "2";
            var (ending, forms) = endings.First(e => fields[0].EndsWith(e.Ending, StringComparison.Ordinal));
            var stem = fields[0][..^ending.Length];
            duals.AddRange(forms.Take(singular == "nominative" ? 1 : forms.Length).Select(form => new LexiconEntry(LexiconKind.Noun, Fold(normalizer, stem + form), features.ToFrozenDictionary())));
        }

        return duals;
    }

    private static IEnumerable<LexiconEntry> ReadNumbers(Normalizer normalizer, string path)
    {
        using var reader = Tsv.OpenEmbedded(path);
        foreach (var (line, fields) in Tsv.Rows(reader))
        {
            if (fields.Length < 3)
            {
                throw new InvalidDataException($"{path}:{line}: expected 'word<TAB>kind<TAB>value'.");
            }

            var features = new Dictionary<string, string> { ["number"] = fields[1], ["value"] = fields[2] };
            if (fields.Length > 3)
            {
                features["magnitude"] = fields[3];
            }

            yield return new LexiconEntry(LexiconKind.Number, Fold(normalizer, fields[0]), features.ToFrozenDictionary());
        }
    }

    /// <summary>
    /// A phrase as the text will show it: folded, then split into the tokens the tokenizer makes
    /// ("al-Hasakah" is three, "U.S." four), a trailing * kept on the last word.
    /// </summary>
    private static string Fold(Normalizer normalizer, string phrase)
    {
        phrase = phrase.Trim();
        var stem = phrase.Length > 1 && phrase[^1] == '*';
        var text = normalizer.Normalize(stem ? phrase[..^1] : phrase).Text;
        var words = string.Join(' ', Tokenizer.Tokenize(text).Select(t => t.In(text).ToString()));
        return stem ? words + "*" : words;
    }

    internal static Dictionary<char, char> ReadFolding(string path)
    {
        using var reader = Tsv.OpenEmbedded(path);
        var table = new Dictionary<char, char>();
        foreach (var (line, fields) in Tsv.Rows(reader))
        {
            if (fields.Length < 2)
            {
                throw new InvalidDataException($"{path}:{line}: expected 'U+XXXX<TAB>U+YYYY|drop'.");
            }

            table[CodePoint(fields[0])] = fields[1] == "drop" ? CharacterFolding.Dropped : CodePoint(fields[1]);
        }

        return table;
    }

    private static char CodePoint(string text) =>
        (char)int.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
