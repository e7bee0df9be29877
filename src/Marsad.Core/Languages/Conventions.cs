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
    public static Conventions Merge(IReadOnlyList<Conventions> languages) => languages[0] with
    {
        SentenceEnds = Union(languages.Select(l => l.SentenceEnds)),
        ClauseEnds = Union(languages.Select(l => l.ClauseEnds)),
        UnitsBeforeTens = languages.Any(l => l.UnitsBeforeTens),
    };

    /// <summary>Whether a letter is of a script: the Unicode blocks of its alphabet.</summary>
    public static bool IsLetterOf(Script script, char c) => script switch
    {
        Script.Arabic => c is >= '\u0621' and <= '\u064A' or >= '\u0671' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF',
        _ => char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u024F',
    };

    private static string Union(IEnumerable<string> sets) => new([.. sets.SelectMany(s => s).Distinct()]);
}
