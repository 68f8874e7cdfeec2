namespace TradingLog.PostgreSql.Queries;

/// <summary>One operation's measurements over a window: calls, execution time in milliseconds, memory and CPU.</summary>
/// <param name="Service">The service.</param>
/// <param name="Operation">The measured operation.</param>
/// <param name="Calls">How many measurements.</param>
/// <param name="AvgMs">Mean execution time, ms.</param>
/// <param name="P50Ms">Median, ms.</param>
/// <param name="P95Ms">95th percentile, ms.</param>
/// <param name="P99Ms">99th percentile, ms.</param>
/// <param name="MaxMs">Slowest, ms (to the microsecond where stored so).</param>
/// <param name="AvgMemoryMb">Mean memory in use, MB.</param>
/// <param name="AvgCpuPercent">Mean CPU, percent of one core, over samples of at least <see cref="LogQueries.MinimumCpuSampleMs"/> ms; null when none.</param>
public sealed record OperationPerformance(string Service, string? Operation, long Calls, decimal? AvgMs, double? P50Ms, double? P95Ms, double? P99Ms,
    double? MaxMs, decimal? AvgMemoryMb, decimal? AvgCpuPercent);
