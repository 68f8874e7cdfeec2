namespace TradingLog.PostgreSql.Sink;

/// <summary>An event as rows: always one <c>system_logs</c> row, plus a trade or performance row when it is one.</summary>
internal sealed record EncodedEvent(SystemLogRow System, TradeLogRow? Trade = null, PerformanceLogRow? Performance = null);
