using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradingLog.Hosting;
using TradingLog.Tests.Support;

namespace TradingLog.Tests.Hosting;

public sealed class HostingIntegrationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private IHost BuildHost(string service)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = _folder.Path,
            EnvironmentName = "Testing",
        });
        builder.AddTradingLogging(service, o => o.Settings = Quiet());
        return builder.Build();
    }

    private static TradingLog.Configuration.TradingLogSettings Quiet()
    {
        var settings = new TradingLog.Configuration.TradingLogSettings();
        settings.Console.Enabled = false;
        return settings;
    }

    [Fact]
    public async Task ILoggerOfTWritesToTheServiceFilesAndStoppingFlushes()
    {
        using (var host = BuildHost("execution"))
        {
            await host.StartAsync();
            var logger = host.Services.GetRequiredService<ILogger<HostingIntegrationTests>>();
            logger.LogInformation("Order {OrderId} placed", 42);
            logger.LogDebug("hidden at INFO");
            logger.LogTrade(Some.Trade());
            using (logger.BeginCategory(LogCategory.Risk))
            {
                logger.LogWarning(new EventId(7, "limit_breach"), "Limit breached");
            }

            using (logger.Measure("place_order"))
            {
            }

            await host.StopAsync();
        }

        var lines = TestPipeline.Lines(_folder, "logs/execution.log");
        Assert.Contains(lines, l => l.Contains("| INFO     | TradingLog.Tests.Hosting.HostingIntegrationTests:-:- | Order 42 placed", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("hidden", StringComparison.Ordinal));
        var trade = Assert.Single(TestPipeline.Lines(_folder, "logs/trades.log"));
        Assert.Contains(":ILoggerOfTWritesToTheServiceFilesAndStoppingFlushes:", trade);
        Assert.Contains("Trade trade_12345 BUY 100 AAPL @ 189.25 FILLED", trade);
        Assert.Contains(TestPipeline.Lines(_folder, "logs/performance.log"), l => l.Contains("place_order took", StringComparison.Ordinal));
        Assert.DoesNotContain(TestPipeline.Lines(_folder, "logs/system.log"), l => l.Contains("Limit breached", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TradingLoggerAndHealthCanBeInjected()
    {
        using var host = BuildHost("risk_management");
        await host.StartAsync();
        var log = host.Services.GetRequiredService<TradingLogger>();
        log.Warning("exposure {Exposure}", 1.5);
        Assert.Equal(0, host.Services.GetRequiredService<TradingLog.Diagnostics.TradingLogHealth>().Failures);
        await host.StopAsync();
        host.Dispose();
        Assert.Contains(TestPipeline.Lines(_folder, "logs/risk_management.log"), l => l.EndsWith("exposure 1.5", StringComparison.Ordinal));
    }
}
