namespace TradingLog.PostgreSql.Retention;

/// <summary>One row of <c>tradelog_maintenance_runs</c>.</summary>
internal sealed record MaintenanceRun(
    long Id,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Status,
    string Trigger,
    DateTimeOffset AsOf,
    DateTimeOffset? ScheduledFor,
    int Attempt,
    long RowsArchived,
    long RowsPurged,
    int FilesHandled,
    string? Error);
