using System.Collections.Frozen;
using Marsad.Gazetteer;
using Marsad.Languages;
using Marsad.Profiles;
using Marsad.Text;

namespace Marsad.Analysis;

/// <summary>
/// Everything the engine knows about one language, read from its data files under
/// <c>Languages/CODE/</c>, together with the actors of a conflict profile. The engine itself holds
/// no words of any language.
/// </summary>
public sealed class LanguagePack
{
    private readonly FrozenDictionary<(string Anaphor, string Actor), LexiconEntry> anaphorReadings;

    private LanguagePack(
        string code, Conventions conventions, ConflictProfile profile, Normalizer normalizer, PhraseIndex phrases, GazetteerIndex gazetteer,
        FrozenDictionary<(string, string), LexiconEntry> anaphorReadings)
    {
        Conventions = conventions;
        Gazetteer = gazetteer;
        Code = code;
        Profile = profile;
        Normalizer = normalizer;
        Phrases = phrases;
        this.anaphorReadings = anaphorReadings;
    }

    public string Code { get; }

    /// <summary>How the languages write numbers and punctuation; numbers as the first (main) one writes them.</summary>
    public Conventions Conventions { get; }

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
    public static LanguagePack Load(IReadOnlyList<string> codes, ConflictProfile profile) => LanguageCatalog.Shipped.Load(codes, profile);

    /// <summary>The packs of these languages' data as one; a problem in the data stops the load with its file and line.</summary>
    public static LanguagePack Load(IReadOnlyList<LanguageData> languages, ConflictProfile profile)
    {
        if (languages.SelectMany(l => l.Problems).ToList() is [var first, .. var more])
        {
            throw new InvalidDataException(more.Count == 0 ? first.ToString() : $"{first} (and {more.Count} more problems: marsad lint-data lists them)");
        }

        var folding = new Dictionary<char, char>();
        foreach (var (from, to) in languages.SelectMany(l => l.Folding))
        {
            folding[from] = to;
        }

        var normalizer = new Normalizer(new CharacterFolding(folding));
        var readClitics = new Clitics([.. languages.SelectMany(l => l.Clitics)]);
        var entries = new List<LexiconEntry>();
        var places = new List<LexiconEntry>();
        var anaphorReadings = new Dictionary<(string, string), LexiconEntry>();
        foreach (var language in languages)
        {
            entries.AddRange(language.Entries.Select(e => e with { Phrase = LanguageData.Fold(normalizer, e.Phrase) }));
            entries.AddRange(ProfileEntries(profile, language.Code, anaphorReadings).Select(e => e with { Phrase = LanguageData.Fold(normalizer, e.Phrase) }));
            places.AddRange(GazetteerData.Entries(language.Code, language.Conventions.Script).Concat(GazetteerData.Entries(profile.Places, language.Code))
                .Select(e => e with { Phrase = LanguageData.Fold(normalizer, e.Phrase) }));
        }

        var placeWords = entries.Where(e => e.OpensPlaceName).Select(e => e.Phrase);
        var gazetteer = new GazetteerIndex(normalizer.Folding, readClitics, places, placeWords);
        entries.AddRange(places);
        return new LanguagePack(
            string.Join('+', languages.Select(l => l.Code)), Conventions.Merge([.. languages.Select(l => l.Conventions)]), profile, normalizer, new PhraseIndex(readClitics, entries), gazetteer,
            anaphorReadings.ToFrozenDictionary());
    }

    /// <summary>
    /// The actor an anaphor found in a document stands for: of the actors it may refer to, the one
    /// the document names most (the one the report is about), else the profile's default.
    /// </summary>
    public LexiconEntry ResolveAnaphor(LexiconEntry anaphor, IReadOnlyDictionary<string, int> timesNamed)
    {
        var phrase = anaphor.Anaphor!;
        var best = anaphor.Actor!;
        var bestCount = timesNamed.GetValueOrDefault(best);
        foreach (var candidate in anaphor.RefersTo)
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
                actors.Add(new LexiconEntry(LexiconKind.Actor, name) { Actor = actor.Code, Role = actor.Role });
            }
        }

        foreach (var anaphor in profile.Anaphora)
        {
            foreach (var name in anaphor.Names.GetValueOrDefault(code) ?? [])
            {
                actors.Add(new LexiconEntry(LexiconKind.Actor, name)
                {
                    Actor = anaphor.Default, Role = roles.GetValueOrDefault(anaphor.Default), Anaphor = name, RefersTo = anaphor.RefersTo,
                });
                foreach (var candidate in anaphor.RefersTo)
                {
                    readings[(name, candidate)] = new LexiconEntry(LexiconKind.Actor, name) { Actor = candidate, Role = roles.GetValueOrDefault(candidate) };
                }
            }
        }

        return actors;
    }
}
