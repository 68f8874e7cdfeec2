namespace TradingLog.PostgreSql.Queries;

/// <summary>One measured operation, as the slowest-operations list shows it.</summary>
/// <param name="Timestamp">When it was logged (UTC).</param>
/// <param name="Service">The service.</param>
/// <param name="Operation">The operation, or null.</param>
/// <param name="DurationMs">Its duration in milliseconds, to the microsecond where stored so.</param>
/// <param name="MemoryMb">The process's memory when measured, in MiB, or null.</param>
/// <param name="CpuPercent">CPU use during the operation in percent, or null.</param>
public sealed record SlowOperation(DateTimeOffset Timestamp, string Service, string? Operation, double DurationMs, int? MemoryMb,
    decimal? CpuPercent);
