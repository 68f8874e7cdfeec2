namespace TradingLog.Patterns.Mining;

/// <summary>
/// An online log template miner of the Drain family (He et al., ICWS 2017): a line's masked tokens lead down a fixed-depth
/// tree (by token count, then by its first tokens) to a few candidate templates; the most similar one takes it when at
/// least <see cref="SimilarityThreshold"/> of its positions agree, turning the positions that differ into wildcards;
/// otherwise the line starts a template of its own. Not thread-safe: one miner per writer thread.
/// </summary>
internal sealed class TemplateMiner
{
    /// <summary>Default <see cref="SimilarityThreshold"/>: 0.5 of the positions that are not wildcards.</summary>
    public const double DefaultSimilarityThreshold = 0.5;

    /// <summary>Default depth: the token count and then the first <c>Depth - 2</c> tokens choose the leaf.</summary>
    public const int DefaultDepth = 4;

    /// <summary>Default most children of a tree node; past it new tokens share the wildcard branch.</summary>
    public const int DefaultMaxChildren = 100;

    private readonly Dictionary<int, Node> _byLength = [];
    private readonly List<LogCluster> _clusters = [];

    public double SimilarityThreshold { get; init; } = DefaultSimilarityThreshold;

    public int Depth { get; init; } = DefaultDepth;

    public int MaxChildren { get; init; } = DefaultMaxChildren;

    /// <summary>Every template so far, in order of discovery (index = ID - 1).</summary>
    public IReadOnlyList<LogCluster> Clusters => _clusters;

    /// <summary>Mines one message and returns the template it belongs to now.</summary>
    public LogCluster Add(string message)
    {
        var tokens = TokenMasker.Tokens(message);
        if (!_byLength.TryGetValue(tokens.Length, out var node))
        {
            node = new Node();
            _byLength[tokens.Length] = node;
        }

        for (var level = 0; level < Math.Min(Depth - 2, tokens.Length); level++)
        {
            var key = IsVariable(tokens[level]) ? TokenMasker.Wildcard : tokens[level];
            if (!node.Children.TryGetValue(key, out var child))
            {
                if (node.Children.Count >= MaxChildren)
                {
                    key = TokenMasker.Wildcard;
                    if (!node.Children.TryGetValue(key, out child))
                    {
                        child = new Node();
                        node.Children[key] = child;
                    }
                }
                else
                {
                    child = new Node();
                    node.Children[key] = child;
                }
            }

            node = child;
        }

        LogCluster? best = null;
        var bestScore = -1.0;
        var bestWildcards = -1;
        foreach (var candidate in node.Clusters)
        {
            var (score, wildcards) = Similarity(candidate.Tokens, tokens);
            if (score > bestScore || (score == bestScore && wildcards > bestWildcards))
            {
                (best, bestScore, bestWildcards) = (candidate, score, wildcards);
            }
        }

        if (best is not null && bestScore >= SimilarityThreshold)
        {
            for (var i = 0; i < tokens.Length; i++)
            {
                if (best.Tokens[i] != tokens[i])
                {
                    best.Tokens[i] = TokenMasker.Wildcard;
                }
            }

            best.Count++;
            return best;
        }

        var cluster = new LogCluster(_clusters.Count + 1, tokens) { Example = message };
        _clusters.Add(cluster);
        node.Clusters.Add(cluster);
        return cluster;
    }

    /// <summary>
    /// The share of positions where the template and the line agree, among the template's positions that are not
    /// wildcards (a template of wildcards only matches anything of its length), and the number of wildcards.
    /// </summary>
    private static (double Score, int Wildcards) Similarity(string[] template, string[] tokens)
    {
        var same = 0;
        var wildcards = 0;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == TokenMasker.Wildcard)
            {
                wildcards++;
            }
            else if (template[i] == tokens[i])
            {
                same++;
            }
        }

        var compared = template.Length - wildcards;
        return (compared == 0 ? 1.0 : (double)same / compared, wildcards);
    }

    /// <summary>A token that is (or holds) a variable does not choose a branch: it would split one template many ways.</summary>
    private static bool IsVariable(string token) => token.Contains(TokenMasker.Wildcard, StringComparison.Ordinal) || token.Any(char.IsAsciiDigit);

    private sealed class Node
    {
        public Dictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);

        public List<LogCluster> Clusters { get; } = [];
    }
}
