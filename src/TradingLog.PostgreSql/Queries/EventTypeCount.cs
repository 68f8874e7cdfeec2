namespace TradingLog.PostgreSql.Queries;

/// <summary>How many events had one event type (<c>(none)</c> for events without one).</summary>
public sealed record EventTypeCount(string EventType, long Events);
