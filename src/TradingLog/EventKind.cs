namespace TradingLog;

/// <summary>
/// What an event is beyond a log line: the one rule, used by file routing, the database encoder and the demo's counter,
/// that makes an event a trade (also stored in <c>trading_logs</c>) or a performance sample (<c>performance_logs</c>).
/// </summary>
public enum EventKind
{
    /// <summary>An ordinary log event: stored only as a log line and row.</summary>
    Log = 0,

    /// <summary>A trade: category <see cref="LogCategory.Trading"/> and event type <see cref="LogProperties.TradeEventType"/>.</summary>
    Trade,

    /// <summary>A performance sample: category <see cref="LogCategory.Performance"/> and event type <see cref="LogProperties.PerformanceEventType"/>.</summary>
    Performance,
}
