namespace TradingLog.PostgreSql.Queries;

/// <summary>One <c>trading_logs</c> row.</summary>
/// <param name="Timestamp">When the trade event happened (UTC).</param>
/// <param name="TradeId">The trade ID.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">BUY or SELL.</param>
/// <param name="Quantity">The quantity, as stored (scale kept).</param>
/// <param name="Price">The price, as stored (scale kept).</param>
/// <param name="Strategy">The strategy that traded.</param>
/// <param name="ExecutionTimeMs">Execution time in whole milliseconds.</param>
/// <param name="Status">FILLED, REJECTED…</param>
/// <param name="ErrorMessage">Why it failed, if it did.</param>
/// <param name="CorrelationId">The correlation ID.</param>
public sealed record TradeEntry(DateTimeOffset Timestamp, string? TradeId, string? Symbol, string? Side, decimal? Quantity, decimal? Price,
    string? Strategy, int? ExecutionTimeMs, string? Status, string? ErrorMessage, string? CorrelationId);
