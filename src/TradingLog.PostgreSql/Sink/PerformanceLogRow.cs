namespace TradingLog.PostgreSql.Sink;

/// <summary>One row of <c>performance_logs</c>, sanitised and ready to COPY.</summary>
internal sealed record PerformanceLogRow(
    Guid EventId,
    DateTime Timestamp,
    string? Service,
    string? Operation,
    int? ExecutionTimeMs,
    int? MemoryUsageMb,
    decimal? CpuUsagePercent,
    string Metadata);
