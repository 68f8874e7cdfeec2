using Serilog.Events;
using TradingLog.Tests.Support;

namespace TradingLog.Tests.Hosting;

/// <summary>The design's audit trail: a service's start and stop are events of category System with event types of their own.</summary>
public sealed class AuditTrailTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Text(LogEvent e, string property) => ((ScalarValue)e.Properties[property]).Value!.ToString()!;

    [Fact]
    public void AServiceLoggingAtWarningStillRecordsItsStartAndStopWithWhatWhereAndWhy()
    {
        var sink = new CollectingSink();
        using (var host = TestPipeline.Create("risk_management", _folder, sink: sink, options: o => o.AuditEvents = true))
        {
            Assert.Equal(LogEventLevel.Warning, host.Settings.LevelOf("risk_management"));
            host.ForContext<AuditTrailTests>().Info("an INFO the service's level filters out");
        }

        var audit = sink.Events.Where(e => Text(e, LogProperties.EventType).StartsWith(AuditEvents.Prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal([AuditEvents.ServiceStarted, AuditEvents.ServiceStopped], audit.Select(e => Text(e, LogProperties.EventType)));
        Assert.All(audit, e => Assert.Equal((LogEventLevel.Information, "System"), (e.Level, Text(e, LogProperties.Category))));
        var started = audit[0];
        Assert.Equal(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(started, "ProcessId"));
        Assert.Equal(Environment.MachineName, Text(started, "Host"));
        Assert.Equal("(settings given in code)", Text(started, "ConfigurationFiles"));
        Assert.StartsWith("0.1.0", Text(started, "TradingLogVersion"), StringComparison.Ordinal);
        Assert.Equal("disposed", Text(audit[1], "Reason"));
        Assert.DoesNotContain(sink.Events, e => e.MessageTemplate.Text.StartsWith("an INFO", StringComparison.Ordinal));

        var lines = TestPipeline.Lines(_folder, "logs/risk_management.log");
        Assert.Contains(lines, l => l.Contains("| INFO     | TradingLog.Audit:AuditStarted:", StringComparison.Ordinal)
            && l.Contains(" | Service risk_management started:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Service risk_management stopping (disposed)", StringComparison.Ordinal));
        Assert.Equal(2, TestPipeline.Lines(_folder, "logs/system.log").Length);
    }

    [Fact]
    public void TheConfigurationFilesAndEnvironmentInEffectAreRecorded()
    {
        _folder.Write("config/logging.yaml", "logging:\n  console:\n    enabled: false\n");
        _folder.Write("config/logging.Staging.yaml", "logging:\n  level: INFO\n");
        var sink = new CollectingSink();
        using (TradingLogging.Configure("execution", o =>
               {
                   o.WorkingDirectory = _folder.Path;
                   o.Configuration.Environment = "Staging";
                   o.ConfigureSerilog = c => c.WriteTo.Sink(sink);
               }))
        {
        }

        var started = sink.Events.First(e => Text(e, LogProperties.EventType) == AuditEvents.ServiceStarted);
        Assert.Equal("Staging", Text(started, "Environment"));
        Assert.Contains("config/logging.yaml", Text(started, "ConfigurationFiles"), StringComparison.Ordinal);
        Assert.Contains("config/logging.Staging.yaml", Text(started, "ConfigurationFiles"), StringComparison.Ordinal);
    }

    [Fact]
    public void AuditEventsCanBeTurnedOff()
    {
        var sink = new CollectingSink();
        using (TestPipeline.Create("execution", _folder, sink: sink, options: o => o.AuditEvents = false))
        {
        }

        Assert.Empty(sink.Events);
    }
}
