namespace TradingLog.Dashboard.Api;

/// <summary>One process's sink health, from its newest heartbeat (<see cref="HealthEvents"/> names the figures).</summary>
internal sealed record ProcessHealth(string Service, long ProcessId, string? Host, DateTimeOffset LastHeartbeat, long UptimeSeconds, double WorkingSetMb,
    double CpuPercent, long Queued, long Spooled, long Dropped, long DeadLettered, long Written, long QueueDropped, long FileWriteFailures,
    long FileLinesDropped, long UnwritableFiles);
