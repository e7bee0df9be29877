namespace Marsad.Languages;

/// <summary>The languages a text is written in: its main one, and every one a paragraph is in.</summary>
public sealed record DetectedLanguages(string Main, IReadOnlyList<string> All);

/// <summary>
/// Tells the languages of a report paragraph by paragraph, from what each pack says of itself
/// (<c>conventions.tsv</c>): first by the script of the letters, then, where two packs share a
/// script, by which of their detection words the paragraph uses more. A script counts in a
/// paragraph when it has enough letters there; an Arabic report with an English quote or cookie
/// banner is in both, and is read with both packs. A script no pack is written in says nothing.
/// </summary>
public sealed class LanguageDetector
{
    /// <summary>Fewer letters than this say nothing about a paragraph ("AFP", a date line).</summary>
    private const int LeastLetters = 12;

    private readonly IReadOnlyList<(string Code, Conventions Conventions)> languages;
    private readonly Script[] scripts;

    /// <summary>For each script, its place in <see cref="scripts"/>; -1 for a script no pack is written in.</summary>
    private readonly int[] slotOf;

    /// <param name="languages">The packs there are, in the order their codes are listed.</param>
    public LanguageDetector(IReadOnlyList<(string Code, Conventions Conventions)> languages)
    {
        this.languages = languages;
        scripts = [.. languages.Select(l => l.Conventions.Script).Distinct()];
        slotOf = [.. Enum.GetValues<Script>().Select(script => Array.IndexOf(scripts, script))];
    }

    public DetectedLanguages Detect(ReadOnlySpan<char> text)
    {
        Span<int> totals = stackalloc int[scripts.Length];
        Span<int> letters = stackalloc int[scripts.Length];
        var found = new bool[languages.Count];
        var words = new int[languages.Count];
        foreach (var paragraph in text.EnumerateLines())
        {
            letters.Clear();
            foreach (var c in paragraph)
            {
                if (Conventions.ScriptOf(c) is { } script && slotOf[(int)script] is >= 0 and var slot)
                {
                    letters[slot]++;
                }
            }

            // A paragraph may quote another language: each script with enough letters counts.
            for (var s = 0; s < scripts.Length; s++)
            {
                totals[s] += letters[s];
                if (letters[s] >= LeastLetters)
                {
                    found[Among(scripts[s], paragraph, words)] = true;
                }
            }
        }

        var main = languages[0].Code;
        var most = -1;
        for (var s = 0; s < scripts.Length; s++)
        {
            if (totals[s] > most)
            {
                (main, most) = (languages[Most(scripts[s], words)].Code, totals[s]);
            }
        }

        return new DetectedLanguages(main, [.. languages.Where((l, i) => found[i] || l.Code == main).Select(l => l.Code)]);
    }

    /// <summary>The language of a script a paragraph is in: the only one, or the one whose words it uses most (counted into <paramref name="words"/>).</summary>
    private int Among(Script script, ReadOnlySpan<char> paragraph, int[] words)
    {
        var only = -1;
        var count = 0;
        for (var i = 0; i < languages.Count; i++)
        {
            if (languages[i].Conventions.Script == script)
            {
                (only, count) = (count == 0 ? i : only, count + 1);
            }
        }

        if (count == 1)
        {
            return only;
        }

        var best = only;
        var bestHits = -1;
        for (var i = 0; i < languages.Count; i++)
        {
            if (languages[i].Conventions.Script == script)
            {
                var hits = DetectionWords(paragraph, languages[i].Conventions.DetectionWords);
                words[i] += hits;
                if (hits > bestHits)
                {
                    (best, bestHits) = (i, hits);
                }
            }
        }

        return best;
    }

    /// <summary>Of the languages of a script, the one the whole text used most words of (the first listed on a tie).</summary>
    private int Most(Script script, int[] words)
    {
        var best = -1;
        for (var i = 0; i < languages.Count; i++)
        {
            if (languages[i].Conventions.Script == script && (best < 0 || words[i] > words[best]))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>How many of a paragraph's words, in any case, are among <paramref name="detectionWords"/>.</summary>
    private static int DetectionWords(ReadOnlySpan<char> paragraph, IReadOnlyList<string> detectionWords)
    {
        var hits = 0;
        var at = 0;
        while (at < paragraph.Length)
        {
            while (at < paragraph.Length && !char.IsLetter(paragraph[at]))
            {
                at++;
            }

            var start = at;
            while (at < paragraph.Length && char.IsLetter(paragraph[at]))
            {
                at++;
            }

            var word = paragraph[start..at];
            foreach (var candidate in detectionWords)
            {
                if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase))
                {
                    hits++;
                    break;
                }
            }
        }

        return hits;
    }
}
