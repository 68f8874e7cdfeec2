using Microsoft.Extensions.Hosting;
using TradingLog.Configuration;
using TradingLog.Hosting;
using TradingLog.PostgreSql.Retention;
using TradingLog.PostgreSql.Scheduling;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Scheduling;

public sealed class CleanupHostedServiceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AServiceHostRunsScheduledCleanupsAndLogsEachAsASystemEvent()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        var settings = new TradingLogSettings();
        settings.Console.Enabled = false;
        settings.Database.ConnectionString = db.ConnectionString;
        settings.Retention.CleanupSchedule = "* * * * * *";
        settings.Retention.CleanupTimeZone = "UTC";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _folder.Path, EnvironmentName = "Testing" });
        builder.AddTradingLogging("analytics", o =>
        {
            o.Settings = settings;
            o.UsePostgreSql();
        }).AddTradingLogCleanup();

        using (var host = builder.Build())
        {
            await host.StartAsync();
            await Eventually.TrueAsync(async () => (await MaintenanceRuns.RecentAsync(db.ConnectionString, 10)).Count(r => r.Status == "succeeded") >= 2,
                seconds: 30, what: "two scheduled cleanups ran");

            await host.StopAsync();
        }

        var runs = await MaintenanceRuns.RecentAsync(db.ConnectionString, 100);
        Assert.All(runs.Where(r => r.Status == "succeeded"), r => Assert.Equal("schedule", r.Trigger));
        Assert.True(await db.CountAsync("SELECT count(*) FROM system_logs WHERE event_type = 'cleanup' AND service = 'analytics' AND message LIKE 'Cleanup % archived %'") >= 2);
    }
}
