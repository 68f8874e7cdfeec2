namespace TradingLog.PostgreSql.Queries;

/// <summary>A service's percentile of an operation's duration over a range.</summary>
/// <param name="Service">The service.</param>
/// <param name="Samples">How many measurements the percentile is of.</param>
/// <param name="Milliseconds">The percentile, in milliseconds (to the microsecond where stored so).</param>
public sealed record ServicePercentile(string Service, long Samples, double Milliseconds);
