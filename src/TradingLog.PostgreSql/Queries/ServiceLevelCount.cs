namespace TradingLog.PostgreSql.Queries;

/// <summary>How many events one service logged at one level.</summary>
public sealed record ServiceLevelCount(string Service, string Level, long Events);
