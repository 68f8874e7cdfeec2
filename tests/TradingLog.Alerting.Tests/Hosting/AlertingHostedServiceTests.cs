using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradingLog.Alerting.Store;
using TradingLog.Configuration;
using TradingLog.Hosting;
using TradingLog.PostgreSql;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.Alerting.Tests.Hosting;

/// <summary><c>builder.AddTradingLogAlerting()</c> in a service's host: rules from its configuration files, evaluated in the service.</summary>
public sealed class AlertingHostedServiceTests
{
    private static string Config(string connectionString, string threshold = "10%") => $$"""
        logging:
          heartbeat_interval: 0
          console:
            enabled: false
          database:
            connection_string: "{{connectionString}}"
        alerts:
          interval: 1s
          rules:
            - { name: risk_errors, type: error_rate, service: risk_management, window: 1m, threshold: {{threshold}}, min_events: 3 }
        """;

    [Fact]
    public async Task AServiceHostingAlertingEvaluatesTheRulesOfItsOwnConfiguration()
    {
        using var folder = new TempFolder();
        var connectionString = await TestServer.CreateDatabaseAsync();
        folder.Write("config/logging.yaml", Config(connectionString));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder.Path });
        builder.AddTradingLogging("risk_management", o =>
        {
            o.WorkingDirectory = folder.Path;
            o.UsePostgreSql();
        });
        builder.AddTradingLogAlerting();
        using var host = builder.Build();
        await host.StartAsync();
        var logger = host.Services.GetRequiredService<ILogger<AlertingHostedServiceTests>>();
        for (var i = 0; i < 5; i++)
        {
            logger.LogError("Exposure store unreachable");
        }

        await using var store = new AlertStore(LogDatabase.CreateDataSource(connectionString));
        await Eventually.TrueAsync(async () => (await store.LoadStatesAsync(CancellationToken.None))
            .Any(s => s.Rule == "risk_errors" && s.Status == TradingLog.Alerting.Engine.AlertStatus.Firing), 30, "risk_errors never fired");

        // The transition is a System event of the service itself, stored like any other.
        var db = new Db(connectionString);
        await Eventually.TrueAsync(async () => await db.CountAsync(
            "SELECT count(*) FROM system_logs WHERE event_type = 'alert.transition' AND service = 'risk_management' " +
            "AND metadata->>'category' = 'System' AND message LIKE '%risk_errors%firing%'") > 0, 30, "no alert.transition System event was stored");
        await host.StopAsync();
    }

    [Fact]
    public async Task ABadRuleStopsTheServicesStartUpNamingTheFileLineAndKey()
    {
        using var folder = new TempFolder();
        folder.Write("config/logging.yaml", Config("Host=127.0.0.1;Port=1", threshold: "ten"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder.Path });
        builder.AddTradingLogging("risk_management", o => o.WorkingDirectory = folder.Path);
        builder.AddTradingLogAlerting();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<TradingLogConfigurationException>(() => host.StartAsync());
        Assert.Contains("config/logging.yaml line 10: alerts.rules[risk_errors].threshold: 'ten' is not a share", error.Message, StringComparison.Ordinal);
    }
}
