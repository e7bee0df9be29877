using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Marsad.Languages;

namespace Marsad.Rendering;

/// <summary>
/// How figures agree with their noun in one language: the first rule that matches the figure
/// wins. <c>exact=2</c> matches 2 only; <c>mod100=11-99</c> matches by the figure's last two digits
/// (Arabic: 15 and 215 take the singular accusative); <c>else</c> matches anything.
/// </summary>
public sealed record CountRule(long? Exact, int? From, int? To, string Pattern)
{
    public bool Matches(long figure) =>
        Exact is { } exact ? figure == exact : From is not { } from || (figure % 100 >= from && figure % 100 <= To);
}

/// <summary>Words put on a counted noun (<c>scope=noun</c>: "Islamic State fighters") or after the counted phrase (<c>scope=phrase</c>: «مقاتلاً من تنظيم الدولة»).</summary>
public sealed record Modifier(string Key, string Pattern, bool OnNoun);

/// <summary>
/// The grammar of one language for reading claims back as sentences, from
/// <c>Languages/CODE/rendering.tsv</c>: sentence orders, counted nouns with their forms, agreement
/// rules, hedges, events, dates and the words for codebook codes. Holds no words itself.
/// </summary>
public sealed class RenderingGrammar
{
    private static readonly ConcurrentDictionary<string, RenderingGrammar> Loaded = new(StringComparer.Ordinal);

    private readonly FrozenDictionary<(string Section, string Key), string> texts;
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> nouns;

    private RenderingGrammar(
        string language,
        FrozenDictionary<(string, string), string> texts,
        FrozenDictionary<string, FrozenDictionary<string, string>> nouns,
        IReadOnlyList<CountRule> counts,
        IReadOnlyList<Modifier> modifiers)
    {
        Language = language;
        this.texts = texts;
        this.nouns = nouns;
        Counts = counts;
        Modifiers = modifiers;
    }

    public string Language { get; }

    public IReadOnlyList<CountRule> Counts { get; }

    public IReadOnlyList<Modifier> Modifiers { get; }

    /// <summary>The grammar of a language, read once; an error names the file and line.</summary>
    public static RenderingGrammar For(string language) => Loaded.GetOrAdd(language, Load);

    /// <summary>The text of a row, e.g. <c>Text("event", "killed")</c>; null when the data has none.</summary>
    public string? Text(string section, string key) => texts.GetValueOrDefault((section, key));

    /// <summary>Every row of a section, key to text (the dashboard's labels and warning explanations).</summary>
    public IEnumerable<KeyValuePair<string, string>> Section(string section) =>
        texts.Where(t => t.Key.Section == section).Select(t => KeyValuePair.Create(t.Key.Key, t.Value)).OrderBy(p => p.Key, StringComparer.Ordinal);

    /// <summary>The forms of a counted noun (<c>role:fighter</c>, <c>unit:truck</c>), or null.</summary>
    public IReadOnlyDictionary<string, string>? Noun(string key) => nouns.GetValueOrDefault(key);

    /// <summary>A pattern with its <c>{slot}</c>s filled; a slot with no value becomes empty.</summary>
    public static string Fill(string pattern, Func<string, string?> slot)
    {
        var text = new StringBuilder(pattern.Length + 32);
        var at = 0;
        while (at < pattern.Length)
        {
            var open = pattern.IndexOf('{', at);
            var close = open < 0 ? -1 : pattern.IndexOf('}', open);
            if (close < 0)
            {
                text.Append(pattern, at, pattern.Length - at);
                break;
            }

            text.Append(pattern, at, open - at).Append(slot(pattern[(open + 1)..close]));
            at = close + 1;
        }

        return text.ToString();
    }

    private static RenderingGrammar Load(string language)
    {
        var path = $"Languages/{language}/rendering.tsv";
        var texts = new Dictionary<(string, string), string>();
        var nouns = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
        var counts = new List<CountRule>();
        var modifiers = new List<Modifier>();
        using var reader = Tsv.OpenEmbedded(path);
        foreach (var (line, f) in Tsv.Rows(reader))
        {
            if (f.Length < 3)
            {
                throw new InvalidDataException($"{path}:{line}: expected 'section<TAB>key<TAB>text'.");
            }

            var (section, key, text) = (f[0], f[1], f[2]);
            switch (section)
            {
                case "noun":
                    nouns[key] = Tsv.Features(text).ToFrozenDictionary(StringComparer.Ordinal);
                    break;
                case "count":
                    counts.Add(CountRuleOf(key, text) ?? throw new InvalidDataException($"{path}:{line}: a count rule is exact=N, mod100=A-B or else, not '{key}'."));
                    break;
                case "modifier":
                    modifiers.Add(new Modifier(key, text, f.Length < 4 || Tsv.Features(f[3]).GetValueOrDefault("scope") != "phrase"));
                    break;
                default:
                    if (!texts.TryAdd((section, key), text))
                    {
                        throw new InvalidDataException($"{path}:{line}: {section} '{key}' is given twice.");
                    }

                    break;
            }
        }

        return new RenderingGrammar(language, texts.ToFrozenDictionary(), nouns.ToFrozenDictionary(StringComparer.Ordinal), counts, modifiers);
    }

    private static CountRule? CountRuleOf(string key, string pattern)
    {
        if (key == "else")
        {
            return new CountRule(null, null, null, pattern);
        }

        var features = Tsv.Features(key);
        if (features.TryGetValue("exact", out var exact) && long.TryParse(exact, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return new CountRule(n, null, null, pattern);
        }

        return features.TryGetValue("mod100", out var range) && range.Split('-') is [var a, var b]
            && int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            ? new CountRule(null, from, to, pattern)
            : null;
    }
}
