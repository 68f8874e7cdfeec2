namespace TradingLog.PostgreSql.Queries;

/// <summary>One point of a measured series (see <see cref="LogQueries.ErrorRateSeriesAsync"/>, <see cref="LogQueries.LatencySeriesAsync"/>).</summary>
/// <param name="Start">The bucket's start (UTC).</param>
/// <param name="Value">The value: a share from 0 to 1, or milliseconds.</param>
/// <param name="Samples">How many events or measurements it rests on.</param>
public sealed record MetricPoint(DateTimeOffset Start, double Value, long Samples);
