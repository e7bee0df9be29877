using System.Collections.Frozen;
using System.Globalization;
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

    private LanguagePack(string code, Normalizer normalizer, PhraseIndex phrases)
    {
        Code = code;
        Normalizer = normalizer;
        Phrases = phrases;
    }

    public string Code { get; }

    public Normalizer Normalizer { get; }

    public PhraseIndex Phrases { get; }

    /// <summary>The Arabic pack with the default (Syria) profile.</summary>
    public static LanguagePack Arabic { get; } = Load("ar", "syria");

    public static LanguagePack Load(string code, string profile)
    {
        var normalizer = new Normalizer(ReadFolding($"Languages/{code}/folding.tsv"));
        var clitics = new Clitics([.. Tsv.Rows(Tsv.OpenEmbedded($"Languages/{code}/clitics.tsv")).Select(r => (r.Fields[0], r.Fields[1]))]);
        var entries = new List<LexiconEntry>();
        entries.AddRange(ReadNumbers(normalizer, $"Languages/{code}/numbers.tsv"));
        foreach (var (file, kind) in LexiconFiles)
        {
            entries.AddRange(ReadLexicon(normalizer, kind, $"Languages/{code}/{file}.tsv"));
        }

        entries.AddRange(ReadLexicon(normalizer, LexiconKind.Actor, $"Profiles/{profile}.tsv"));
        entries.AddRange(Places.Gazetteer.Entries().Select(e => e with { Phrase = Fold(normalizer, e.Phrase) }));
        return new LanguagePack(code, normalizer, new PhraseIndex(clitics, entries));
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

    private static string Fold(Normalizer normalizer, string phrase) => normalizer.Normalize(phrase.Trim()).Text;

    private static CharacterFolding ReadFolding(string path)
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

        return new CharacterFolding(table);
    }

    private static char CodePoint(string text) =>
        (char)int.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
