namespace Marsad.Text;

/// <summary>
/// Words as paths of characters, over arrays: a node's edges are a sorted run of labels, so
/// following a character is a binary search in a few entries, with no hashing and no allocation.
/// Built once from all the words; nodes are numbered from the root, 0.
/// </summary>
internal sealed class CharTrie
{
    public const int Root = 0;

    /// <summary>The edges of node <c>n</c> are <c>[firstEdge[n], firstEdge[n + 1])</c> of <see cref="labels"/> and <see cref="targets"/>.</summary>
    private readonly int[] firstEdge;
    private readonly char[] labels;
    private readonly int[] targets;

    private CharTrie(int[] firstEdge, char[] labels, int[] targets)
    {
        this.firstEdge = firstEdge;
        this.labels = labels;
        this.targets = targets;
    }

    public int NodeCount => firstEdge.Length - 1;

    /// <summary>The trie of these words, and the node each one ends at.</summary>
    public static (CharTrie Trie, int[] NodeOfWord) Build(IReadOnlyList<string> words)
    {
        // Built with a map of edges, then laid out as arrays sorted by node and label.
        var edges = new Dictionary<long, int>();
        var nodeOfWord = new int[words.Count];
        var nodes = 1;
        for (var w = 0; w < words.Count; w++)
        {
            var node = Root;
            foreach (var c in words[w])
            {
                var edge = ((long)node << 16) | c;
                if (!edges.TryGetValue(edge, out var next))
                {
                    next = nodes++;
                    edges.Add(edge, next);
                }

                node = next;
            }

            nodeOfWord[w] = node;
        }

        var keys = edges.Keys.ToArray();
        var values = edges.Values.ToArray();
        Array.Sort(keys, values);
        var firstEdge = new int[nodes + 1];
        var labels = new char[keys.Length];
        for (var e = 0; e < keys.Length; e++)
        {
            firstEdge[(int)(keys[e] >> 16) + 1]++;
            labels[e] = (char)(keys[e] & 0xFFFF);
        }

        for (var n = 0; n < nodes; n++)
        {
            firstEdge[n + 1] += firstEdge[n];
        }

        return (new CharTrie(firstEdge, labels, values), nodeOfWord);
    }

    /// <summary>The node reached from <paramref name="node"/> by <paramref name="c"/>; -1 when no word goes on that way.</summary>
    public int Next(int node, char c)
    {
        var from = firstEdge[node];
        var found = labels.AsSpan(from, firstEdge[node + 1] - from).BinarySearch(c);
        return found >= 0 ? targets[from + found] : -1;
    }
}
