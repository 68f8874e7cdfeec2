namespace TradingLog.PostgreSql.Queries;

/// <summary>One cell of a latency heatmap: operations of one time bucket whose duration falls in one duration bucket.</summary>
/// <param name="Start">The time bucket's start (UTC).</param>
/// <param name="LowerMs">The duration bucket's lower bound in milliseconds (buckets double: 0.001, 0.002, 0.004 … ms).</param>
/// <param name="Count">Operations in the cell.</param>
public sealed record LatencyCell(DateTimeOffset Start, double LowerMs, long Count);
