namespace TradingLog.PostgreSql.Queries;

/// <summary>A trade and how long its events span across services.</summary>
/// <param name="Trade">The trade's newest <c>trading_logs</c> row.</param>
/// <param name="SpanMs">Milliseconds from the first to the last event logged with the trade ID as correlation ID.</param>
public sealed record SlowTrade(TradeEntry Trade, double SpanMs);
