namespace TradingLog;

/// <summary>A performance measurement; its fields are the columns of <c>performance_logs</c>.</summary>
public readonly record struct PerformanceRecord
{
    /// <summary>The operation measured, such as <c>place_order</c>.</summary>
    public required string Operation { get; init; }

    /// <summary>Wall-clock time in milliseconds, or null when not recorded.</summary>
    public double? ExecutionTimeMs { get; init; }

    /// <summary>The process working set in MiB at the end, or null when not recorded.</summary>
    public int? MemoryUsageMb { get; init; }

    /// <summary>Process CPU use during the operation, as a percentage of all cores, or null when not recorded.</summary>
    public double? CpuUsagePercent { get; init; }

    /// <summary>Bytes allocated by the process during the operation, or null when not recorded.</summary>
    public long? AllocatedBytes { get; init; }
}
