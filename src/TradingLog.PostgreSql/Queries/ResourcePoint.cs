namespace TradingLog.PostgreSql.Queries;

/// <summary>A service's memory and CPU in one time bucket, averaged over its performance rows.</summary>
/// <param name="Start">The bucket's start (UTC).</param>
/// <param name="Service">The service.</param>
/// <param name="MemoryMb">Mean memory in MiB, or null when none was measured.</param>
/// <param name="CpuPercent">Mean CPU in percent over operations of at least <see cref="LogQueries.MinimumCpuSampleMs"/>, or null.</param>
public sealed record ResourcePoint(DateTimeOffset Start, string Service, decimal? MemoryMb, decimal? CpuPercent);
