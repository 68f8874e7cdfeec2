namespace TradingLog.PostgreSql.Sink;

/// <summary>
/// An event as rows: always one <c>system_logs</c> row, plus a trade or performance row when it is one, and the pattern
/// it was given (recorded in <c>tradelog_patterns</c> with the batch).
/// </summary>
internal sealed record EncodedEvent(SystemLogRow System, TradeLogRow? Trade = null, PerformanceLogRow? Performance = null,
    EventPattern? Pattern = null);
