namespace TradingLog.PostgreSql.Queries;

/// <summary>A service's events, how many were ERROR or CRITICAL, and that share in percent (0 to 100, two decimals).</summary>
public sealed record ServiceErrorRate(string Service, long Events, long Errors, decimal ErrorRatePercent);
