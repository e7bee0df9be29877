using System.Buffers;

namespace Marsad.Languages;

/// <summary>The letters a language is written in; a report's languages are told by them first.</summary>
public enum Script { Arabic, Latin }

/// <summary>
/// How a language writes what the engine reads alike in every language (<c>conventions.tsv</c>):
/// its script, its decimal mark (every other separator inside a number groups thousands), the punctuation that ends sentences
/// and clauses, the order in which it says compound numbers, and the words that tell it from
/// another language of the same script.
/// </summary>
public sealed record Conventions(
    Script Script,
    char DecimalMark,
    string SentenceEnds,
    string ClauseEnds,
    bool UnitsBeforeTens,
    IReadOnlyList<string> DetectionWords)
{
    /// <summary>
    /// The conventions of a pack of several languages: numbers are read as the first (the report's
    /// main language) writes them; punctuation and compounding are any of theirs, as a report may
    /// quote each.
    /// </summary>
    public static Conventions Merge(IReadOnlyList<Conventions> languages) => new(
        languages[0].Script,
        languages[0].DecimalMark,
        Union(languages.Select(l => l.SentenceEnds)),
        Union(languages.Select(l => l.ClauseEnds)),
        languages.Any(l => l.UnitsBeforeTens),
        languages[0].DetectionWords);

    /// <summary>The punctuation that ends a sentence, for a test per token.</summary>
    public SearchValues<char> SentenceEnd { get; } = SearchValues.Create(SentenceEnds);

    /// <summary>The punctuation that ends a clause, for a test per token.</summary>
    public SearchValues<char> ClauseEnd { get; } = SearchValues.Create(ClauseEnds);

    /// <summary>The script a letter is of (the Unicode blocks of its alphabet); null for anything else.</summary>
    public static Script? ScriptOf(char c) =>
        c is >= '\u0621' and <= '\u064A' or >= '\u0671' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF'
            ? Script.Arabic
            : char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u024F' ? Script.Latin : null;

    private static string Union(IEnumerable<string> sets) => new([.. sets.SelectMany(s => s).Distinct()]);
}
