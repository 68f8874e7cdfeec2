using System.Diagnostics;
using Serilog.Events;

namespace TradingLog.Diagnostics;

/// <summary>
/// Logs <see cref="HealthEvents.Heartbeat"/> every interval from a timer thread: the process, its resources and its sink
/// health (<see cref="TradingLogHealth"/> and every published <see cref="IHeartbeatSource"/>). Never throws.
/// </summary>
internal sealed class Heartbeat : IDisposable
{
    private readonly TradingLogHost _host;
    private readonly Timer _timer;
    private readonly Stopwatch _uptime = Stopwatch.StartNew();
    private readonly TradingLogger _logger;
    private TimeSpan _lastCpu;
    private TimeSpan _lastWall;

    public Heartbeat(TradingLogHost host, TimeSpan interval)
    {
        _host = host;
        _logger = new TradingLogger(host.SerilogLogger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, HealthEvents.SourceContext),
            host.Settings.Performance).ForCategory(LogCategory.System);
        using var process = Process.GetCurrentProcess();
        _lastCpu = process.TotalProcessorTime;
        _timer = new Timer(_ => Beat(), null, interval, interval);
    }

    /// <summary>The heartbeat's properties now.</summary>
    internal Dictionary<string, object> Snapshot()
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = _uptime.Elapsed;
        var cpuPercent = wall > _lastWall ? Math.Round(100.0 * (cpu - _lastCpu).TotalSeconds / (wall - _lastWall).TotalSeconds, 1) : 0.0;
        _lastCpu = cpu;
        _lastWall = wall;
        var health = _host.Health;
        var values = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [HealthEvents.ProcessId] = Environment.ProcessId,
            [HealthEvents.Host] = Environment.MachineName,
            [HealthEvents.UptimeSeconds] = (long)wall.TotalSeconds,
            [HealthEvents.WorkingSetMb] = Math.Round(process.WorkingSet64 / 1048576.0, 1),
            [HealthEvents.CpuPercent] = cpuPercent,
            [HealthEvents.FileWriteFailures] = health.FileWriteFailures,
            [HealthEvents.FileLinesDropped] = health.FileLinesDropped,
            [HealthEvents.QueueDropped] = health.QueueDropped,
            [HealthEvents.UnwritableFiles] = health.UnwritableFiles.Count,
        };
        foreach (var source in _host.Components<IHeartbeatSource>())
        {
            source.Describe(values);
        }

        return values;
    }

    private void Beat()
    {
        try
        {
            var values = Snapshot();
            var logger = _logger.WithProperty(LogProperties.EventType, HealthEvents.Heartbeat);
            foreach (var (name, value) in values)
            {
                logger = logger.WithProperty(name, value);
            }

            logger.Write(LogEventLevel.Information, null, "Heartbeat of {Service}: {Queued} queued, {Spooled} spooled, {Dropped} dropped, " +
                "{DeadLettered} dead-lettered, {FileWriteFailures} file write failures",
                [_host.Service, Get(values, HealthEvents.Queued), Get(values, HealthEvents.Spooled), Get(values, HealthEvents.Dropped),
                 Get(values, HealthEvents.DeadLettered), values[HealthEvents.FileWriteFailures]]);
        }
        catch (Exception e)
        {
            _host.Health.OnLoggingFailed(this, Serilog.Core.LoggingFailureKind.Temporary, "the heartbeat could not be logged", null, e);
        }
    }

    private static object Get(Dictionary<string, object> values, string name) => values.GetValueOrDefault(name) ?? 0L;

    public void Dispose() => _timer.Dispose();
}
