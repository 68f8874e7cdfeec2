namespace TradingLog.PostgreSql.Retention;

/// <summary>What to clean and how: <c>tradelog cleanup [--dry-run] [--as-of TIMESTAMP]</c>, or a scheduled occurrence.</summary>
public sealed class CleanupRequest
{
    /// <summary>Evaluate the rules as if now were this time. Null is now.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>Report what would be archived or purged, change nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>The schedule occurrence this run is for; a second run for the same occurrence is skipped.</summary>
    public DateTimeOffset? ScheduledFor { get; init; }

    /// <summary>manual, schedule or catch-up.</summary>
    public string Trigger { get; init; } = "manual";

    /// <summary>Which attempt this is (retries after a failure count up).</summary>
    public int Attempt { get; init; } = 1;
}
