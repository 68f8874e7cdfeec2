using System.Diagnostics;
using Serilog.Events;
using TradingLog.Configuration;

namespace TradingLog.Performance;

/// <summary>
/// Measures the code inside a <c>using</c> block and logs one Performance event when disposed: execution time,
/// working set, allocated bytes and CPU use, as the <c>performance:</c> keys allow. A scope slower than
/// <c>slow_operation_ms</c> is logged at WARNING.
/// </summary>
public sealed class PerformanceScope : IDisposable
{
    internal static readonly PerformanceScope Disabled = new();

    private readonly IPerformanceEmitter? _emitter;
    private readonly PerformanceSettings? _settings;
    private readonly string _operation = "";
    private readonly long _startTimestamp;
    private readonly TimeSpan _startCpu;
    private readonly long _startAllocated;
    private readonly string _member = "";
    private readonly string _file = "";
    private readonly int _line;
    private int _disposed;

    private PerformanceScope()
    {
        _disposed = 1;
    }

    internal PerformanceScope(IPerformanceEmitter emitter, PerformanceSettings settings, string operation, string member, string file, int line)
    {
        _emitter = emitter;
        _settings = settings;
        _operation = operation;
        _member = member;
        _file = file;
        _line = line;
        _startCpu = settings.LogCpuUsage ? Environment.CpuUsage.TotalTime : default;
        _startAllocated = settings.LogMemoryUsage ? GC.GetTotalAllocatedBytes() : 0;
        _startTimestamp = Stopwatch.GetTimestamp();
    }

    /// <summary>Time since the scope began.</summary>
    public TimeSpan Elapsed => _emitter is null ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_startTimestamp);

    /// <summary>Logs the measurement. Later calls do nothing.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0 || _emitter is null || _settings is null)
        {
            return;
        }

        var elapsed = Stopwatch.GetElapsedTime(_startTimestamp);
        double? cpu = null;
        if (_settings.LogCpuUsage && elapsed > TimeSpan.Zero)
        {
            var used = Environment.CpuUsage.TotalTime - _startCpu;
            cpu = Math.Round(used.TotalMilliseconds / (elapsed.TotalMilliseconds * Environment.ProcessorCount) * 100, 2);
        }

        var record = new PerformanceRecord
        {
            Operation = _operation,
            ExecutionTimeMs = _settings.LogExecutionTime ? Math.Round(elapsed.TotalMilliseconds, 3) : null,
            MemoryUsageMb = _settings.LogMemoryUsage ? (int)(Environment.WorkingSet / (1024 * 1024)) : null,
            AllocatedBytes = _settings.LogMemoryUsage ? GC.GetTotalAllocatedBytes() - _startAllocated : null,
            CpuUsagePercent = cpu,
        };
        var slow = _settings.SlowOperationMs > 0 && elapsed.TotalMilliseconds > _settings.SlowOperationMs;
        _emitter.EmitPerformance(record, slow ? LogEventLevel.Warning : LogEventLevel.Information, _member, _file, _line);
    }
}
