namespace TradingLog.PostgreSql.Sink;

/// <summary>One row of <c>trading_logs</c>, sanitised and ready to COPY.</summary>
internal sealed record TradeLogRow(
    Guid EventId,
    DateTime Timestamp,
    string? TradeId,
    string? Symbol,
    string? Side,
    decimal? Quantity,
    decimal? Price,
    string? Strategy,
    int? ExecutionTimeMs,
    string? Status,
    string? ErrorMessage,
    string? CorrelationId);
