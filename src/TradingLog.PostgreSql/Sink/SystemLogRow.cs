namespace TradingLog.PostgreSql.Sink;

/// <summary>One row of <c>system_logs</c>, sanitised and ready to COPY.</summary>
internal sealed record SystemLogRow(
    Guid EventId,
    DateTime Timestamp,
    string Service,
    string Level,
    string? EventType,
    string Message,
    string? CorrelationId,
    string Metadata);
