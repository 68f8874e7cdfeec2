using TradingLog.Files;


namespace TradingLog.PostgreSql.Retention;

/// <summary>The outcome of one cleanup run, as recorded in <c>tradelog_maintenance_runs</c>.</summary>
public sealed class CleanupReport
{
    /// <summary>The run's row in <c>tradelog_maintenance_runs</c>; 0 for a dry run or a skipped run.</summary>
    public long RunId { get; internal set; }

    /// <summary>succeeded, failed, skipped (another cleanup held the lock, or this occurrence already ran), or dry-run.</summary>
    public string Status { get; internal set; } = "running";

    /// <summary>The time the rules were evaluated at.</summary>
    public DateTimeOffset AsOf { get; internal init; }

    /// <summary>When the run started.</summary>
    public DateTimeOffset StartedAt { get; internal init; }

    /// <summary>When the run finished.</summary>
    public DateTimeOffset FinishedAt { get; internal set; }

    /// <summary>Whether nothing was changed.</summary>
    public bool DryRun { get; internal init; }

    /// <summary>The steps, in order.</summary>
    public List<CleanupAction> Actions { get; } = [];

    /// <summary>Rolled log files moved to the <c>archive</c> folder beside them (full paths, as they were before the move).</summary>
    public IReadOnlyList<string> FilesArchived => Files.Archived;

    /// <summary>Rolled and archived log files deleted (full paths).</summary>
    public IReadOnlyList<string> FilesDeleted => Files.Deleted;

    internal FileRetentionResult Files { get; set; } = new();

    /// <summary>Why the run failed, if it did.</summary>
    public string? Error { get; internal set; }

    /// <summary>Rows moved to the archive.</summary>
    public long RowsArchived => Actions.Where(a => a.Kind.StartsWith("archive", StringComparison.Ordinal)).Sum(a => a.Rows);

    /// <summary>Rows deleted, over all tables.</summary>
    public long RowsPurged => Actions.Where(a => a.Kind is "drop-partition" or "delete-rows").Sum(a => a.Rows);

    /// <summary>Rows moved out of a default partition into a day partition of their own (kept, not purged).</summary>
    public long RowsPartitioned => Actions.Where(a => a.Kind == "partition-default-rows").Sum(a => a.Rows);
}
