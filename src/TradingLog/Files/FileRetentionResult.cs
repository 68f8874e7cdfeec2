namespace TradingLog.Files;

/// <summary>What <see cref="FileRetention.Apply"/> did (or, in a dry run, would do).</summary>
public sealed class FileRetentionResult
{
    /// <summary>Rolled files moved to the archive folder.</summary>
    public List<string> Archived { get; } = [];

    /// <summary>Rolled files deleted.</summary>
    public List<string> Deleted { get; } = [];
}
