using Serilog.Events;
using TradingLog.Tests.Support;

namespace TradingLog.Tests.Performance;

public sealed class PerformanceScopeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static object? Value(LogEvent e, string name) =>
        e.Properties.TryGetValue(name, out var v) && v is ScalarValue s ? s.Value : null;

    [Fact]
    public void ScopeRecordsTimeMemoryAndCpuAsOnePerformanceEvent()
    {
        var sink = new CollectingSink();
        using (var host = TestPipeline.Create("execution", _folder, sink: sink))
        {
            using (host.Logger.Measure("place_order"))
            {
                var spin = System.Diagnostics.Stopwatch.StartNew();
                while (spin.ElapsedMilliseconds < 60)
                {
                }
            }
        }

        var e = sink.Single;
        Assert.Equal("Performance", Value(e, LogProperties.Category));
        Assert.Equal("performance", Value(e, LogProperties.EventType));
        Assert.Equal("place_order", Value(e, "Operation"));
        Assert.InRange((double)Value(e, "ExecutionTimeMs")!, 55, 5000);
        Assert.True((int)Value(e, "MemoryUsageMb")! > 0);
        Assert.InRange((double)Value(e, "CpuUsagePercent")!, 1, 100);
        Assert.Equal(nameof(ScopeRecordsTimeMemoryAndCpuAsOnePerformanceEvent), TradingLog.Formatting.EventFields.Function(e));
        Assert.Equal(LogEventLevel.Information, e.Level);
    }

    [Fact]
    public void DisabledPerformanceLoggingEmitsNothing()
    {
        var sink = new CollectingSink();
        using (var host = TestPipeline.Create("execution", _folder, s => s.Performance.Enabled = false, sink))
        {
            using (host.Logger.Measure("place_order"))
            {
            }
        }

        Assert.Empty(sink.Events);
    }

    [Fact]
    public void MemoryAndCpuCanBeLeftOut()
    {
        var sink = new CollectingSink();
        using (var host = TestPipeline.Create("execution", _folder, s => { s.Performance.LogMemoryUsage = false; s.Performance.LogCpuUsage = false; }, sink))
        {
            using (host.Logger.Measure("x"))
            {
            }
        }

        Assert.False(sink.Single.Properties.ContainsKey("MemoryUsageMb"));
        Assert.False(sink.Single.Properties.ContainsKey("CpuUsagePercent"));
        Assert.True(sink.Single.Properties.ContainsKey("ExecutionTimeMs"));
    }

    [Fact]
    public void SlowOperationsAreLoggedAtWarning()
    {
        var sink = new CollectingSink();
        using (var host = TestPipeline.Create("execution", _folder, s => s.Performance.SlowOperationMs = 200, sink))
        {
            using (host.Logger.Measure("slow"))
            {
                Thread.Sleep(300);
            }

            using (host.Logger.Measure("fast"))
            {
            }
        }

        Assert.Equal([LogEventLevel.Warning, LogEventLevel.Information], sink.Events.Select(e => e.Level));
    }

    [Fact]
    public async Task ScopeMeasuresAcrossAwait()
    {
        var sink = new CollectingSink();
        await using (var host = TestPipeline.Create("execution", _folder, sink: sink))
        {
            using (host.Logger.Measure("fetch_quotes"))
            {
                await Task.Delay(40);
            }
        }

        Assert.InRange((double)Value(sink.Single, "ExecutionTimeMs")!, 35, 5000);
    }
}
