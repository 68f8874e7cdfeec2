namespace TradingLog.Patterns.Mining;

/// <summary>
/// An online log template miner of the Drain family (He et al., ICWS 2017): a line's masked tokens lead down a fixed-depth
/// tree (by token count, then by its first tokens) to a few candidate templates; the most similar one takes it when at
/// least <see cref="SimilarityThreshold"/> of its positions agree, turning the positions that differ into wildcards;
/// otherwise the line starts a template of its own. Not thread-safe: one miner per writer thread.
/// <para>
/// One departure from Drain: a branch token is not trusted forever. When a line finds no template in its leaf but
/// templates that agree with it everywhere except at that branch token sit under at least
/// <see cref="VariableBranchValues"/> - 1 other values of it, the token is a variable (a symbol, a host name), and
/// those templates become one. Two values are not enough (<c>session opened</c> and <c>session closed</c> stay apart).
/// A merged template keeps the lowest ID; <see cref="Resolve"/> maps an ID given out earlier to the template it is now.
/// </para>
/// </summary>
internal sealed class TemplateMiner
{
    /// <summary>Default <see cref="SimilarityThreshold"/>: 0.4 of the positions that are not wildcards (Drain's own default).</summary>
    public const double DefaultSimilarityThreshold = 0.4;

    /// <summary>Default depth: the token count and then the first <c>Depth - 2</c> tokens choose the leaf.</summary>
    public const int DefaultDepth = 4;

    /// <summary>Default most children of a tree node; past it new tokens share the wildcard branch.</summary>
    public const int DefaultMaxChildren = 100;

    /// <summary>How many values of a branch token, with otherwise agreeing templates, make it a variable: 3.</summary>
    public const int VariableBranchValues = 3;

    private readonly Dictionary<int, Node> _byLength = [];
    private readonly List<LogCluster> _clusters = [];
    private readonly List<LogCluster> _merged = [];

    public double SimilarityThreshold { get; init; } = DefaultSimilarityThreshold;

    public int Depth { get; init; } = DefaultDepth;

    public int MaxChildren { get; init; } = DefaultMaxChildren;

    /// <summary>Every template so far, in order of discovery (index = ID - 1), merged ones included (see <see cref="Resolve"/>).</summary>
    public IReadOnlyList<LogCluster> Clusters => _clusters;

    /// <summary>The templates in use: those not merged into another.</summary>
    public IEnumerable<LogCluster> Templates => _clusters.Where(c => c.MergedInto is null);

    /// <summary>
    /// The clusters merged into another since the last call, for a caller that gave out their templates' IDs and must
    /// record where they went. Cleared by the call.
    /// </summary>
    public IReadOnlyList<LogCluster> TakeMerged()
    {
        if (_merged.Count == 0)
        {
            return [];
        }

        LogCluster[] merged = [.. _merged];
        _merged.Clear();
        return merged;
    }

    /// <summary>The template a cluster ID given out earlier belongs to now.</summary>
    public LogCluster Resolve(int id)
    {
        var cluster = _clusters[id - 1];
        while (cluster.MergedInto is { } into)
        {
            cluster = into;
        }

        return cluster;
    }

    /// <summary>Mines one message and returns the template it belongs to now.</summary>
    public LogCluster Add(string message)
    {
        var tokens = TokenMasker.Tokens(message);
        if (!_byLength.TryGetValue(tokens.Length, out var node))
        {
            node = new Node();
            _byLength[tokens.Length] = node;
        }

        Node? parent = null;
        var branch = -1;
        var branchKey = "";
        for (var level = 0; level < Math.Min(Depth - 2, tokens.Length); level++)
        {
            var key = IsVariable(tokens[level]) ? TokenMasker.Wildcard : tokens[level];
            (parent, branch, branchKey) = (node, level, key);
            if (!node.Children.TryGetValue(key, out var child))
            {
                if (node.Children.Count >= MaxChildren)
                {
                    key = TokenMasker.Wildcard;
                    branchKey = key;
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
                    best.Version++;
                }
            }

            best.Count++;
            return best;
        }

        if (parent is not null && branchKey != TokenMasker.Wildcard && MergeAcrossBranch(parent, branch, branchKey, node, tokens) is { } merged)
        {
            merged.Count++;
            return merged;
        }

        var cluster = new LogCluster(_clusters.Count + 1, tokens) { Example = message };
        _clusters.Add(cluster);
        node.Clusters.Add(cluster);
        return cluster;
    }

    /// <summary>
    /// Looks under the other values of the last branch token for templates that agree with the line everywhere else. With
    /// enough values (or one that is already a wildcard), the token is a variable: those templates and the line become
    /// one template, with a wildcard there, kept under every value's leaf and the wildcard's. Null when there is no such
    /// evidence.
    /// </summary>
    private LogCluster? MergeAcrossBranch(Node parent, int position, string key, Node leaf, string[] tokens)
    {
        var found = new List<(string Key, LogCluster Cluster)>();
        foreach (var (siblingKey, sibling) in parent.Children)
        {
            if (siblingKey == key)
            {
                continue;
            }

            LogCluster? best = null;
            var bestScore = -1.0;
            foreach (var candidate in sibling.Clusters)
            {
                var score = Similarity(candidate.Tokens, tokens, ignore: position).Score;
                if (score >= SimilarityThreshold && score > bestScore)
                {
                    (best, bestScore) = (candidate, score);
                }
            }

            if (best is not null)
            {
                found.Add((siblingKey, best));
            }
        }

        var values = found.Select(f => f.Key).Distinct(StringComparer.Ordinal).Count() + 1;
        if (values < VariableBranchValues && !found.Any(f => f.Key == TokenMasker.Wildcard))
        {
            return null;
        }

        var clusters = found.Select(f => f.Cluster).Distinct().OrderBy(c => c.Id).ToList();
        var target = clusters[0];
        foreach (var other in clusters.Skip(1))
        {
            for (var i = 0; i < target.Tokens.Length; i++)
            {
                if (target.Tokens[i] != other.Tokens[i])
                {
                    target.Tokens[i] = TokenMasker.Wildcard;
                }
            }

            target.Count += other.Count;
            other.MergedInto = target;
            _merged.Add(other);
        }

        target.Tokens[position] = TokenMasker.Wildcard;
        target.Version++;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (target.Tokens[i] != tokens[i])
            {
                target.Tokens[i] = TokenMasker.Wildcard;
            }
        }

        // Every value's leaf, this line's and the wildcard's now lead to the one template.
        if (!parent.Children.TryGetValue(TokenMasker.Wildcard, out var wildcard))
        {
            wildcard = new Node();
            parent.Children[TokenMasker.Wildcard] = wildcard;
        }

        foreach (var child in parent.Children.Values.Append(leaf).Distinct())
        {
            child.Clusters.RemoveAll(c => c.MergedInto is not null);
            if (child == leaf || child == wildcard || found.Any(f => parent.Children[f.Key] == child))
            {
                if (!child.Clusters.Contains(target))
                {
                    child.Clusters.Add(target);
                }
            }
        }

        return target;
    }

    /// <summary>
    /// The share of positions where the template and the line agree, among the template's positions that are not
    /// wildcards (a template of wildcards only matches anything of its length), and the number of wildcards.
    /// </summary>
    private static (double Score, int Wildcards) Similarity(string[] template, string[] tokens, int ignore = -1)
    {
        var same = 0;
        var wildcards = 0;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == TokenMasker.Wildcard || i == ignore)
            {
                wildcards++;
            }
            else if (IsSeparator(template[i]))
            {
                // A separator (|, -, :) agrees with every line of its format: counted, it would make unrelated
                // messages behind a common header look alike. It takes no part in the score.
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

    private static bool IsSeparator(string token)
    {
        foreach (var c in token)
        {
            if (char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A token that is (or holds) a variable does not choose a branch: it would split one template many ways.</summary>
    private static bool IsVariable(string token) => token.Contains(TokenMasker.Wildcard, StringComparison.Ordinal) || token.Any(char.IsAsciiDigit);

    private sealed class Node
    {
        public Dictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);

        public List<LogCluster> Clusters { get; } = [];
    }
}
