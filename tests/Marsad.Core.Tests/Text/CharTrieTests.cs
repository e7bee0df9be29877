using Marsad.Text;

namespace Marsad.Tests.Text;

/// <summary>Words are paths from the root; a word's node is reached by its letters and by nothing else.</summary>
public sealed class CharTrieTests
{
    private static int Walk(CharTrie trie, string letters)
    {
        var node = CharTrie.Root;
        foreach (var c in letters)
        {
            if ((node = trie.Next(node, c)) < 0)
            {
                return -1;
            }
        }

        return node;
    }

    [Fact]
    public void Each_word_ends_at_its_own_node_and_shares_the_nodes_of_its_prefixes()
    {
        string[] words = ["قتل", "قتلى", "قصف", "a", "ab", "b"];
        var (trie, nodeOfWord) = CharTrie.Build(words);

        for (var w = 0; w < words.Length; w++)
        {
            Assert.Equal(nodeOfWord[w], Walk(trie, words[w]));
        }

        Assert.Equal(nodeOfWord.Length, nodeOfWord.Distinct().Count());
        Assert.Equal(Walk(trie, "قتل"), Walk(trie, "قتلى"[..3]));
        Assert.Equal(1 + "قتلى".Length + "صف".Length + "ab".Length + "b".Length, trie.NodeCount);
    }

    [Fact]
    public void A_letter_no_word_continues_with_leads_nowhere()
    {
        var (trie, _) = CharTrie.Build(["قتل", "قتلى"]);

        Assert.Equal(-1, Walk(trie, "قتلا"));
        Assert.Equal(-1, Walk(trie, "x"));
        Assert.Equal(-1, Walk(CharTrie.Build([]).Trie, "ق"));
    }

    [Fact]
    public void A_node_with_many_edges_finds_each_of_them()
    {
        var words = Enumerable.Range(0x0621, 40).Select(c => $"{(char)c}{(char)(c + 1)}").Reverse().ToArray();
        var (trie, nodeOfWord) = CharTrie.Build(words);

        Assert.Equal(nodeOfWord, words.Select(word => Walk(trie, word)));
    }
}
