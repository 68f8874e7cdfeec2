namespace TradingLog;

/// <summary>
/// A trade event; its fields are the columns of <c>trading_logs</c>. Logged with <see cref="TradingLogger.Trade"/> or
/// <c>ILogger.LogTrade</c>, it goes to <c>trades.log</c>, and to <c>trading_logs</c> in the database.
/// </summary>
public readonly record struct TradeRecord
{
    /// <summary>The trade's ID, such as <c>trade_12345</c>. It is also the event's correlation ID unless <see cref="CorrelationId"/> is set.</summary>
    public required string TradeId { get; init; }

    /// <summary>The instrument, such as <c>AAPL</c>.</summary>
    public required string Symbol { get; init; }

    /// <summary>BUY or SELL.</summary>
    public required string Side { get; init; }

    /// <summary>The quantity traded.</summary>
    public decimal Quantity { get; init; }

    /// <summary>The price.</summary>
    public decimal Price { get; init; }

    /// <summary>The strategy that decided the trade.</summary>
    public string? Strategy { get; init; }

    /// <summary>How long execution took, in milliseconds.</summary>
    public int? ExecutionTimeMs { get; init; }

    /// <summary>The trade's status, such as NEW, FILLED or REJECTED.</summary>
    public required string Status { get; init; }

    /// <summary>Why the trade failed, if it did. A trade with an error is logged at ERROR unless a level is given.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The correlation ID; null uses <see cref="TradeId"/>.</summary>
    public string? CorrelationId { get; init; }
}
