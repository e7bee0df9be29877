using System.Collections.Frozen;

namespace Marsad.Languages;

/// <summary>Which data file an entry comes from, and so what it says about the text.</summary>
public enum LexiconKind { Number, Qualifier, Category, Noun, Marker, Unit, Nationality, Time, Calendar, Cause, Actor, Place }

/// <summary>One line of a lexicon: a phrase and what it means.</summary>
public sealed record LexiconEntry(LexiconKind Kind, string Phrase, FrozenDictionary<string, string> Features)
{
    public string? this[string key] => Features.TryGetValue(key, out var value) ? value : null;
}

/// <summary>A lexicon phrase found in the text: tokens <c>[Start, End)</c>.</summary>
/// <param name="Exact">Every word matched to the letter, no wildcard.</param>
/// <param name="Proclitics">What the first word carried before the phrase's own letters.</param>
public readonly record struct LexiconMatch(int Start, int End, LexiconEntry Entry, bool Exact, Proclitics Proclitics)
{
    public bool Article => Proclitics.Article;

    public LexiconKind Kind => Entry.Kind;

    public int Length => End - Start;
}
