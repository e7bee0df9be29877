using System.Globalization;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Languages;

/// <summary>A mistake in a data file: where it is and what was expected there.</summary>
public sealed record DataProblem(string Path, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{Path}:{Line}: {Message}" : $"{Path}: {Message}";
}

/// <summary>
/// One language's data files read and checked (<c>Languages/CODE/*.tsv</c>, or a folder of the same
/// files on disk): folding, clitics, and every lexicon entry with its typed features, phrases as
/// written (the pack folds them). Nothing throws: each mistake is a <see cref="DataProblem"/> with
/// its file and line, and <c>marsad lint-data</c> lists them as the loader would refuse them.
/// </summary>
public sealed record LanguageData(
    string Code,
    Conventions Conventions,
    IReadOnlyDictionary<char, char> Folding,
    IReadOnlyList<(string Clitic, string Slot)> Clitics,
    IReadOnlyList<LexiconEntry> Entries,
    IReadOnlyList<string> Furniture,
    IReadOnlyList<DataProblem> Problems)
{
    private static readonly string[] CliticSlots = ["conjunction", "preposition", "article", "preposition+article"];

    /// <summary>The files every pack has; a folder without them is no pack.</summary>
    public static IReadOnlyList<string> Files { get; } =
        ["conventions", "folding", "clitics", "numbers", "duals", "furniture", .. LexiconSchema.FeatureFiles.Select(f => f.File)];

    /// <summary>The packs shipped with Marsad: every folder of <c>Languages/</c> with a <c>conventions.tsv</c>, by code.</summary>
    public static IReadOnlyList<LanguageData> Shipped { get; } = [.. Tsv.EmbeddedFolders("Languages", "conventions.tsv").Select(Embedded)];

    /// <summary>The pack shipped in this assembly for a language code.</summary>
    private static LanguageData Embedded(string code) =>
        Read(code, $"Languages/{code}", name => Tsv.OpenEmbedded($"Languages/{code}/{name}"));

    /// <summary>A pack in a folder named for its language code (<c>tests/…/fr</c>).</summary>
    public static LanguageData FromFolder(string folder) =>
        Read(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), folder, name =>
        {
            var path = Path.Combine(folder, name);
            return File.Exists(path) ? File.OpenText(path) : null;
        });

    /// <param name="open">Opens a file of the pack by name, <c>null</c> when it is not there.</param>
    private static LanguageData Read(string code, string folder, Func<string, TextReader?> open)
    {
        var reader = new Reader(folder, open);
        var conventions = reader.Conventions();
        var folding = reader.Folding();
        var clitics = reader.Clitics();
        var entries = new List<LexiconEntry>(reader.Numbers());
        var normalizer = new Normalizer(new CharacterFolding(new Dictionary<char, char>(folding)));
        foreach (var (file, kind) in LexiconSchema.FeatureFiles)
        {
            entries.AddRange(reader.Lexicon(file, kind, normalizer));
        }

        entries.AddRange(reader.Duals(entries));
        var furniture = reader.Furniture();
        return new LanguageData(code, conventions, folding, clitics, entries, furniture, reader.Problems);
    }

    /// <summary>
    /// A phrase as the text will show it: folded, then split into the tokens the tokenizer makes
    /// ("al-Hasakah" is three, "U.S." four), a trailing * kept on the last word.
    /// </summary>
    public static string Fold(Normalizer normalizer, string phrase)
    {
        phrase = phrase.Trim();
        var stem = phrase.Length > 1 && phrase[^1] == '*';
        var text = normalizer.Normalize(stem ? phrase[..^1] : phrase).Text;
        var words = string.Join(' ', Tokenizer.Tokenize(text).Select(t => t.In(text).ToString()));
        return stem ? words + "*" : words;
    }

    private sealed class Reader(string folder, Func<string, TextReader?> open)
    {
        public List<DataProblem> Problems { get; } = [];

        /// <summary>The rows of a file, with its path for problems; a missing file is a problem and no rows.</summary>
        private IEnumerable<(string Path, int Line, string[] Fields)> Rows(string name)
        {
            var path = $"{folder}/{name}";
            using var reader = open(name);
            if (reader is null)
            {
                Problems.Add(new DataProblem(path, 0, "the file is missing; every language pack has it (ARCHITECTURE.md lists them)."));
                yield break;
            }

            foreach (var (line, fields) in Tsv.Rows(reader))
            {
                yield return (path, line, fields);
            }
        }

        private bool Columns(string path, int line, string[] fields, int least, string expected)
        {
            if (fields.Length >= least && fields.Take(least).All(f => f.Trim().Length > 0))
            {
                return true;
            }

            Problems.Add(new DataProblem(path, line, $"expected '{expected}'."));
            return false;
        }

        /// <summary>conventions.tsv: one "key, value" line for each key; lists are separated by spaces.</summary>
        public Conventions Conventions()
        {
            var values = new Dictionary<string, (string Path, int Line, string Value)>(StringComparer.Ordinal);
            foreach (var (path, line, fields) in Rows("conventions.tsv"))
            {
                if (Columns(path, line, fields, 2, "key<TAB>value") && !values.TryAdd(fields[0].Trim(), (path, line, fields[1].Trim())))
                {
                    Problems.Add(new DataProblem(path, line, $"'{fields[0].Trim()}' is given twice; expected one line a key."));
                }
            }

            string Text(string key, string expected, Func<string, bool> valid)
            {
                if (!values.Remove(key, out var found))
                {
                    Problems.Add(new DataProblem($"{folder}/conventions.tsv", 0, $"no '{key}'; expected {expected}."));
                    return "";
                }

                if (!valid(found.Value))
                {
                    Problems.Add(new DataProblem(found.Path, found.Line, $"{key} '{found.Value}': expected {expected}."));
                    return "";
                }

                return found.Value;
            }

            static string Characters(string list) => string.Concat(list.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            static bool OneCharacterEach(string list) => list.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(c => c.Length == 1);

            var script = Codes.Parse<Script>(Text("script", $"one of {string.Join(", ", Codes.All<Script>())}", v => Codes.Parse<Script>(v) is not null));
            var decimalMark = Text("decimal", "one punctuation character", v => v.Length == 1 && !char.IsLetterOrDigit(v[0]));
            var conventions = new Conventions(
                script ?? Script.Latin,
                decimalMark is [var mark] ? mark : '.',
                Characters(Text("sentence-end", "punctuation characters separated by spaces", OneCharacterEach)),
                Characters(Text("clause-end", "punctuation characters separated by spaces", OneCharacterEach)),
                Text("units-before-tens", "yes or no", v => v is "yes" or "no") == "yes",
                [.. Text("detection-words", "words separated by spaces, or - for none", v => v.Length > 0).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w != "-")]);
            foreach (var (key, (path, line, _)) in values)
            {
                Problems.Add(new DataProblem(path, line, $"unknown key '{key}'; expected one of: script, decimal, sentence-end, clause-end, units-before-tens, detection-words."));
            }

            return conventions;
        }

        public Dictionary<char, char> Folding()
        {
            var table = new Dictionary<char, char>();
            foreach (var (path, line, fields) in Rows("folding.tsv"))
            {
                if (!Columns(path, line, fields, 2, "U+XXXX<TAB>U+YYYY|drop"))
                {
                    continue;
                }

                var from = CodePoint(fields[0]);
                var to = fields[1] == "drop" ? CharacterFolding.Dropped : CodePoint(fields[1]);
                if (from is { } f && to is { } t)
                {
                    table[f] = t;
                }
                else
                {
                    Problems.Add(new DataProblem(path, line, "expected 'U+XXXX<TAB>U+YYYY|drop' (a code point of the basic plane in hex)."));
                }
            }

            return table;
        }

        public List<(string, string)> Clitics()
        {
            var clitics = new List<(string, string)>();
            foreach (var (path, line, fields) in Rows("clitics.tsv"))
            {
                if (Columns(path, line, fields, 2, "clitic<TAB>slot"))
                {
                    if (CliticSlots.Contains(fields[1].Trim()))
                    {
                        clitics.Add((fields[0].Trim(), fields[1].Trim()));
                    }
                    else
                    {
                        Problems.Add(new DataProblem(path, line, $"slot '{fields[1]}': expected one of {string.Join(", ", CliticSlots)}."));
                    }
                }
            }

            return clitics;
        }

        /// <summary>The phrases that open site furniture ("Read also"), as written.</summary>
        public List<string> Furniture() => [.. Rows("furniture.tsv").Select(row => row.Fields[0].Trim()).Where(phrase => phrase.Length > 0)];

        public IEnumerable<LexiconEntry> Numbers()
        {
            foreach (var (path, line, fields) in Rows("numbers.tsv"))
            {
                if (!Columns(path, line, fields, 3, "word<TAB>kind<TAB>value[<TAB>magnitude]"))
                {
                    continue;
                }

                var kind = Codes.Parse<NumberWord>(fields[1].Trim());
                var value = decimal.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (decimal?)null;
                var magnitude = fields.Length > 3 ? Codes.Parse<Magnitude>(fields[3].Trim()) : null;
                if (kind is null)
                {
                    Problems.Add(new DataProblem(path, line, $"kind '{fields[1]}': expected one of {string.Join(", ", Codes.All<NumberWord>())}."));
                }
                else if (value is null)
                {
                    Problems.Add(new DataProblem(path, line, $"value '{fields[2]}': expected a whole number in ASCII digits (0 for a vague word)."));
                }
                else if (fields.Length > 3 && magnitude is null)
                {
                    Problems.Add(new DataProblem(path, line, $"magnitude '{fields[3]}': expected one of {string.Join(", ", Codes.All<Magnitude>())}."));
                }
                else if (kind is NumberWord.Vague && magnitude is null)
                {
                    Problems.Add(new DataProblem(path, line, "a vague word needs its magnitude in the fourth column."));
                }
                else
                {
                    yield return new LexiconEntry(LexiconKind.Number, fields[0]) { Number = kind, Value = value.Value, Magnitude = magnitude };
                }
            }
        }

        /// <summary>
        /// A lexicon file of "phrase, features" lines. The same phrase twice with different features
        /// is a problem: the engine would read only one of them, and which is an accident of order.
        /// </summary>
        public IEnumerable<LexiconEntry> Lexicon(string file, LexiconKind kind, Normalizer normalizer)
        {
            var seen = new Dictionary<string, (int Line, LexiconEntry Entry)>(StringComparer.Ordinal);
            var problems = new List<string>();
            foreach (var (path, line, fields) in Rows(file + ".tsv"))
            {
                if (!Columns(path, line, fields, 2, "phrase<TAB>features"))
                {
                    continue;
                }

                problems.Clear();
                var entry = LexiconSchema.Read(kind, fields[0], fields[1], problems);
                Problems.AddRange(problems.Select(p => new DataProblem(path, line, p)));
                var folded = Fold(normalizer, fields[0]);
                if (seen.TryGetValue(folded, out var first) && first.Entry != entry with { Phrase = first.Entry.Phrase })
                {
                    Problems.Add(new DataProblem(path, line, $"'{fields[0].Trim()}' is already on line {first.Line} with other features; expected one line a phrase."));
                    continue;
                }

                seen.TryAdd(folded, (line, entry));
                yield return entry;
            }
        }

        /// <summary>
        /// The duals of the nouns marked <c>singular</c>, made by the endings of the language's
        /// <c>duals.tsv</c> ("سيدة" → "سيدتان", "سيدتين"): each counts two. <c>singular=nominative</c>
        /// makes only the first form, where the other is spelt like the plural ("مدنيين").
        /// </summary>
        public List<LexiconEntry> Duals(IEnumerable<LexiconEntry> entries)
        {
            var endings = new List<(string Ending, string[] Forms)>();
            foreach (var (path, line, fields) in Rows("duals.tsv"))
            {
                if (Columns(path, line, fields, 2, "ending<TAB>dual endings"))
                {
                    endings.Add((fields[0] == "-" ? "" : fields[0], fields[1].Split(',', StringSplitOptions.TrimEntries)));
                }
            }

            var duals = new List<LexiconEntry>();
            foreach (var noun in entries.Where(e => e is { Kind: LexiconKind.Noun, Singular: not null }))
            {
                if (endings.FirstOrDefault(e => noun.Phrase.EndsWith(e.Ending, StringComparison.Ordinal)) is not ({ } ending, { } forms))
                {
                    Problems.Add(new DataProblem($"{folder}/nouns.tsv", 0, $"'{noun.Phrase}' is singular=…, but no ending of duals.tsv fits it."));
                    continue;
                }

                var stem = noun.Phrase[..^ending.Length];
                var dual = noun with { Singular = null, Count = 2 };
                duals.AddRange(forms.Take(noun.Singular == DualForms.Nominative ? 1 : forms.Length).Select(form => dual with { Phrase = stem + form }));
            }

            return duals;
        }

        private static char? CodePoint(string text) =>
            text.StartsWith("U+", StringComparison.Ordinal) && text.Length == 6
            && int.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)
                ? (char)code
                : null;
    }
}
