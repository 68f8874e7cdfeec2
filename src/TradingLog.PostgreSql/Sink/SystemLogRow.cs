namespace TradingLog.PostgreSql.Sink;

/// <summary>
/// One row of <c>system_logs</c>, sanitised and ready to COPY; <c>metadata</c> is UTF-8 JSON, as PostgreSQL receives it.
/// <c>PatternId</c> is null in batches spooled before patterns existed.
/// </summary>
internal sealed record SystemLogRow(
    Guid EventId,
    DateTime Timestamp,
    string Service,
    string Level,
    string? EventType,
    string Message,
    string? CorrelationId,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(MetadataJsonConverter))] byte[] Metadata,
    long? PatternId = null);
