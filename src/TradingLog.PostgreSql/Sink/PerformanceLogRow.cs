namespace TradingLog.PostgreSql.Sink;

/// <summary>One row of <c>performance_logs</c>, sanitised and ready to COPY; <c>metadata</c> is UTF-8 JSON, as PostgreSQL receives it.</summary>
internal sealed record PerformanceLogRow(
    Guid EventId,
    DateTime Timestamp,
    string? Service,
    string? Operation,
    int? ExecutionTimeMs,
    long? ExecutionTimeUs,
    int? MemoryUsageMb,
    decimal? CpuUsagePercent,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(MetadataJsonConverter))] byte[] Metadata);
