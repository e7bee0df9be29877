using System.Collections;

namespace Marsad.Text;

/// <summary>
/// A document's tokens, in text order. An array behind a sealed class: every stage indexes tokens
/// in its inner loops, and this indexer is inlined wherever it is called, precompiled code included,
/// where a <see cref="List{T}"/> of tokens from another assembly costs a call per token.
/// </summary>
public sealed class TokenList(Token[] tokens) : IReadOnlyList<Token>
{
    public int Count => tokens.Length;

    public Token this[int index] => tokens[index];

    /// <summary>Where a token is in the list; -1 if it is not.</summary>
    public int IndexOf(Token token) => Array.IndexOf(tokens, token);

    public IEnumerator<Token> GetEnumerator() => ((IEnumerable<Token>)tokens).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
