namespace TradingLog.PostgreSql.Queries;

/// <summary>A trade joined with one log of its correlation ID (the design's second query).</summary>
/// <param name="Trade">The trade row.</param>
/// <param name="LogTimestamp">The log's own time (UTC).</param>
/// <param name="LogService">The service that logged it.</param>
/// <param name="LogLevel">Its level.</param>
/// <param name="LogMessage">Its message.</param>
public sealed record TradeWithLog(TradeEntry Trade, DateTimeOffset LogTimestamp, string LogService, string LogLevel, string? LogMessage);
