namespace TradingLog.PostgreSql.Queries;

/// <summary>
/// A flow between two services derived from correlation IDs: within one correlation, the first event of <see cref="To"/>
/// directly followed one of <see cref="From"/> in time.
/// </summary>
/// <param name="From">The service the flow leaves.</param>
/// <param name="To">The service it reaches.</param>
/// <param name="Count">Hops seen (one per correlation ID and change of service).</param>
/// <param name="Correlations">Distinct correlation IDs that made the hop.</param>
/// <param name="MedianMs">Median time between the two events, in milliseconds.</param>
/// <param name="P95Ms">95th percentile of that time, in milliseconds.</param>
public sealed record ServiceHop(string From, string To, long Count, long Correlations, double MedianMs, double P95Ms);
