using System.Text.Json;
using TradingLog.Cli.Tests.Support;

namespace TradingLog.Cli.Tests.Commands.Analysis;

/// <summary><c>tradelog audit</c> lists what was done to the store and by whom: the embedded server, migrations, cleanups.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        Tradelog.Run(_folder.Path, null, "db", "stop");
        _folder.Dispose();
    }

    [Fact]
    public void TheServerStartsAndStopsACleanupAndAServicesLifeAreListedNewestFirst()
    {
        Assert.Equal(0, Tradelog.Run(_folder.Path, null, "db", "start").ExitCode);
        Assert.Equal(0, Tradelog.Run(_folder.Path, null, "db", "stop").ExitCode);
        Assert.Equal(0, Tradelog.Run(_folder.Path, null, "db", "start").ExitCode);
        Assert.Equal(0, Tradelog.Run(_folder.Path, null, "cleanup").ExitCode);
        EmbeddedStore.Log(_folder.Path, "execution", log => log.Info("a service at work"), audit: true);

        var result = Tradelog.Run(_folder.Path, null, "audit", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var events = JsonDocument.Parse(result.Output).RootElement.EnumerateArray()
            .Select(e => (Service: e.GetProperty("service").GetString(), Type: e.GetProperty("event_type").GetString())).ToList();
        Assert.Equal(
            [("execution", AuditEvents.ServiceStopped), ("execution", AuditEvents.ServiceStarted), ("maintenance", AuditEvents.CleanupRun),
             ("maintenance", AuditEvents.EmbeddedServerStarted), ("maintenance", AuditEvents.EmbeddedServerStopped),
             ("maintenance", AuditEvents.MigrationApplied), ("maintenance", AuditEvents.EmbeddedServerStarted)],
            events);
        Assert.DoesNotContain(events, e => e.Type is null);

        var execution = Tradelog.Run(_folder.Path, null, "audit", "--service", "execution", "--limit", "1");
        Assert.Equal(0, execution.ExitCode);
        Assert.Contains("Service execution stopping (disposed)", execution.Output, StringComparison.Ordinal);
        Assert.Contains("showing the first 1 audit events; more match", execution.Error, StringComparison.Ordinal);
    }
}
