namespace TradingLog;

/// <summary>
/// The periodic heartbeat each service logs (<c>logging.heartbeat_interval</c>): category <see cref="LogCategory.System"/>,
/// event type <see cref="Heartbeat"/>, with its process's sink health as properties. It is stored like any other event,
/// so the dashboard's health page and alert rules read sink health from the log store itself.
/// </summary>
public static class HealthEvents
{
    /// <summary>The source context of heartbeats; its level is pinned to Information, as for <see cref="AuditEvents"/>.</summary>
    public const string SourceContext = "TradingLog.Health";

    /// <summary>The event type of a heartbeat.</summary>
    public const string Heartbeat = "health.heartbeat";

    /// <summary>Heartbeat property: the operating system's process ID.</summary>
    public const string ProcessId = "ProcessId";

    /// <summary>Heartbeat property: the machine name.</summary>
    public const string Host = "Host";

    /// <summary>Heartbeat property: seconds since the pipeline started.</summary>
    public const string UptimeSeconds = "UptimeSeconds";

    /// <summary>Heartbeat property: the process's working set, in MiB.</summary>
    public const string WorkingSetMb = "WorkingSetMb";

    /// <summary>Heartbeat property: the process's CPU use since the previous heartbeat, in percent of one core.</summary>
    public const string CpuPercent = "CpuPercent";

    /// <summary>Heartbeat property: file writes that failed so far (<see cref="Diagnostics.TradingLogHealth.FileWriteFailures"/>).</summary>
    public const string FileWriteFailures = "FileWriteFailures";

    /// <summary>Heartbeat property: file lines lost so far (<see cref="Diagnostics.TradingLogHealth.FileLinesDropped"/>).</summary>
    public const string FileLinesDropped = "FileLinesDropped";

    /// <summary>Heartbeat property: events dropped at a full queue so far (<see cref="Diagnostics.TradingLogHealth.QueueDropped"/>).</summary>
    public const string QueueDropped = "QueueDropped";

    /// <summary>Heartbeat property: the number of files that cannot be written now.</summary>
    public const string UnwritableFiles = "UnwritableFiles";

    /// <summary>Heartbeat property: events waiting for the database sink's writer (from <see cref="Diagnostics.IHeartbeatSource"/>).</summary>
    public const string Queued = "Queued";

    /// <summary>Heartbeat property: events in the on-disk spool now, waiting for the database.</summary>
    public const string Spooled = "Spooled";

    /// <summary>Heartbeat property: events the database sink lost so far (full queue, full spool).</summary>
    public const string Dropped = "Dropped";

    /// <summary>Heartbeat property: events PostgreSQL refused so far, kept in the dead-letter folder.</summary>
    public const string DeadLettered = "DeadLettered";

    /// <summary>Heartbeat property: events committed to the database so far.</summary>
    public const string Written = "Written";
}
