namespace TradingLog.PostgreSql.Queries;

/// <summary>Percentiles of one service's operation durations in one time bucket.</summary>
/// <param name="Start">The bucket's start (UTC).</param>
/// <param name="Service">The service.</param>
/// <param name="Operation">The operation, or null.</param>
/// <param name="Count">Operations measured in the bucket.</param>
/// <param name="P50Ms">Median duration in milliseconds, to the microsecond.</param>
/// <param name="P95Ms">95th percentile in milliseconds.</param>
/// <param name="P99Ms">99th percentile in milliseconds.</param>
public sealed record LatencyPoint(DateTimeOffset Start, string Service, string? Operation, long Count, double P50Ms, double P95Ms, double P99Ms);
