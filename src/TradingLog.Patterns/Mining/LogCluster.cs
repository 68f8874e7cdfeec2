namespace TradingLog.Patterns.Mining;

/// <summary>One template the miner found: its ID (in order of discovery, from 1), its tokens with wildcards, and how many lines it took.</summary>
internal sealed class LogCluster(int id, string[] tokens)
{
    public int Id { get; } = id;

    public string[] Tokens { get; } = tokens;

    public long Count { get; set; } = 1;

    /// <summary>The first line that made this cluster, as an example.</summary>
    public string? Example { get; set; }

    public string Template => string.Join(' ', Tokens);

    /// <summary>Grows each time the template changes (a position becomes a wildcard); lets a caller cache what it derived from it.</summary>
    public int Version { get; set; }

    /// <summary>The template this one was merged into (its branch token turned out to be a variable); null while it is in use.</summary>
    public LogCluster? MergedInto { get; set; }
}
