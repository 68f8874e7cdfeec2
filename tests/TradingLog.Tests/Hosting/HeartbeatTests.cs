using Serilog.Events;
using TradingLog.Configuration;
using TradingLog.Tests.Support;

namespace TradingLog.Tests.Hosting;

/// <summary>Each service reports its sink health with a periodic heartbeat event, stored like any other.</summary>
public sealed class HeartbeatTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static object? Value(LogEvent e, string property) => e.Properties.TryGetValue(property, out var v) ? ((ScalarValue)v).Value : null;

    [Fact]
    public void AServiceLoggingAtWarningStillSendsHeartbeatsWithItsSinkHealth()
    {
        var sink = new CollectingSink();
        using (TestPipeline.Create("risk_management", _folder, s => s.HeartbeatInterval = TimeSpan.FromMilliseconds(100), sink: sink))
        {
            Eventually.True(() => sink.Events.Count(e => Equals(Value(e, LogProperties.EventType), HealthEvents.Heartbeat)) >= 2, 10, "two heartbeats");
        }

        var heartbeat = sink.Events.First(e => Equals(Value(e, LogProperties.EventType), HealthEvents.Heartbeat));
        Assert.Equal(LogEventLevel.Information, heartbeat.Level);
        Assert.Equal("System", Value(heartbeat, LogProperties.Category));
        Assert.Equal(HealthEvents.SourceContext, Value(heartbeat, LogProperties.SourceContext));
        Assert.Equal(Environment.ProcessId, Value(heartbeat, HealthEvents.ProcessId));
        Assert.Equal(0L, Value(heartbeat, HealthEvents.FileWriteFailures));
        Assert.Equal(0L, Value(heartbeat, HealthEvents.QueueDropped));
        Assert.True((double)Value(heartbeat, HealthEvents.WorkingSetMb)! > 1);
        Assert.Contains(TestPipeline.Lines(_folder, "logs/system.log"), l => l.Contains("Heartbeat of risk_management", StringComparison.Ordinal));
    }

    [Fact]
    public void NoHeartbeatIsSentWhenTheIntervalIsZeroOrAfterTheHostStops()
    {
        var sink = new CollectingSink();
        using (TestPipeline.Create("execution", _folder, s => s.HeartbeatInterval = TimeSpan.Zero, sink: sink))
        {
            Thread.Sleep(300);
        }

        var quiet = new CollectingSink();
        var host = TestPipeline.Create("execution", _folder, s => s.HeartbeatInterval = TimeSpan.FromMilliseconds(50), sink: quiet);
        host.Dispose();
        var afterStop = quiet.Events.Count;
        Thread.Sleep(300);

        Assert.DoesNotContain(sink.Events, e => Equals(Value(e, LogProperties.EventType), HealthEvents.Heartbeat));
        Assert.Equal(afterStop, quiet.Events.Count);
    }

    [Theory]
    [InlineData("30 s", 30_000)]
    [InlineData("0", 0)]
    [InlineData("500 ms", 500)]
    public void TheIntervalIsConfigured(string value, int milliseconds)
    {
        _folder.Write("config/logging.yaml", $"logging:\n  heartbeat_interval: \"{value}\"\n");

        var settings = TradingLogConfiguration.Load(new TradingLogConfigurationOptions { WorkingDirectory = _folder.Path }).Settings;

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), settings.HeartbeatInterval);
    }

    [Fact]
    public void AnIntervalOutOfRangeStopsStartUpNamingTheKeyFileAndLine()
    {
        var file = _folder.Write("config/logging.yaml", "logging:\n  level: INFO\n  heartbeat_interval: \"2 h\"\n");

        var error = Assert.Throws<TradingLogConfigurationException>(() =>
            TradingLogConfiguration.Load(new TradingLogConfigurationOptions { WorkingDirectory = _folder.Path }));

        Assert.Contains("logging.heartbeat_interval", error.Message, StringComparison.Ordinal);
        Assert.Contains("logging.yaml line 3", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(file));
    }
}
