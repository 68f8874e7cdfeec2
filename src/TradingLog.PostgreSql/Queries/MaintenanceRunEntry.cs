namespace TradingLog.PostgreSql.Queries;

/// <summary>One retention cleanup run (<c>tradelog_maintenance_runs</c>).</summary>
/// <param name="Id">The run's id.</param>
/// <param name="StartedAt">When it started (UTC).</param>
/// <param name="FinishedAt">When it finished (UTC), or null while it runs or if it died.</param>
/// <param name="Status">running, succeeded, failed, skipped…</param>
/// <param name="Trigger">schedule, manual, catch-up…</param>
/// <param name="Host">The host and process that ran it.</param>
/// <param name="Details">Its counts as JSON, or null.</param>
/// <param name="Error">Why it failed, or null.</param>
public sealed record MaintenanceRunEntry(long Id, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Status, string Trigger, string? Host,
    string? Details, string? Error);
