namespace TradingLog;

/// <summary>
/// The design's "basic audit logging for system operations": each operation is an event of category
/// <see cref="LogCategory.System"/> with an <see cref="LogProperties.EventType"/> of its own, in the files and the
/// database, listed by <c>tradelog audit</c>.
/// </summary>
public static class AuditEvents
{
    /// <summary>
    /// The source context of audit events. Its level is pinned to Information, so that a service logging at WARNING (risk
    /// management in the design's table) still records its start and stop.
    /// </summary>
    public const string SourceContext = "TradingLog.Audit";

    /// <summary>The prefix every audit event type starts with.</summary>
    public const string Prefix = "audit.";

    /// <summary>A service's pipeline started: version, host, process ID, environment, configuration files.</summary>
    public const string ServiceStarted = "audit.service_started";

    /// <summary>A service's pipeline is stopping: why, and what was still queued or failing.</summary>
    public const string ServiceStopped = "audit.service_stopped";

    /// <summary>A schema migration was applied to the log store.</summary>
    public const string MigrationApplied = "audit.migration_applied";

    /// <summary>The embedded PostgreSQL server was started.</summary>
    public const string EmbeddedServerStarted = "audit.embedded_server_started";

    /// <summary>The embedded PostgreSQL server was stopped.</summary>
    public const string EmbeddedServerStopped = "audit.embedded_server_stopped";

    /// <summary>A retention cleanup ran (its event type predates the prefix and is kept for existing queries).</summary>
    public const string CleanupRun = "cleanup";
}
