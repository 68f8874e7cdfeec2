namespace TradingLog.Configuration;

/// <summary>The <c>logging.performance</c> section: what performance scopes record.</summary>
public sealed class PerformanceSettings
{
    /// <summary>Default: performance scopes emit events.</summary>
    public const bool DefaultEnabled = true;

    /// <summary>Default: scopes record wall-clock execution time.</summary>
    public const bool DefaultLogExecutionTime = true;

    /// <summary>Default: scopes record memory use.</summary>
    public const bool DefaultLogMemoryUsage = true;

    /// <summary>Default: scopes record CPU use.</summary>
    public const bool DefaultLogCpuUsage = true;

    /// <summary>Default: database queries are not timed.</summary>
    public const bool DefaultLogDatabaseQueries = false;

    /// <summary>Default slow-operation threshold; 0 turns the WARNING off.</summary>
    public const int DefaultSlowOperationMs = 0;

    /// <summary>Performance scopes emit events (<c>performance.enabled</c>); off, <c>Measure</c> costs nothing.</summary>
    public bool Enabled { get; set; } = DefaultEnabled;

    /// <summary>Record execution time (<c>performance.log_execution_time</c>).</summary>
    public bool LogExecutionTime { get; set; } = DefaultLogExecutionTime;

    /// <summary>Record working set and allocated bytes (<c>performance.log_memory_usage</c>).</summary>
    public bool LogMemoryUsage { get; set; } = DefaultLogMemoryUsage;

    /// <summary>Record process CPU use during the scope (<c>performance.log_cpu_usage</c>).</summary>
    public bool LogCpuUsage { get; set; } = DefaultLogCpuUsage;

    /// <summary>Time every database command as a performance event (<c>performance.log_database_queries</c>).</summary>
    public bool LogDatabaseQueries { get; set; } = DefaultLogDatabaseQueries;

    /// <summary>A scope slower than this many milliseconds is logged at WARNING (<c>performance.slow_operation_ms</c>).</summary>
    public int SlowOperationMs { get; set; } = DefaultSlowOperationMs;
}
