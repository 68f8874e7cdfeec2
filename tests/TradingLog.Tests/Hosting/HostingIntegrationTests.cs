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
        // TradingLog's interceptors give the ILogger call its caller (InterceptedCallSiteTests checks every kind of call).
        Assert.Contains(lines, l => l.Contains(
            $"| INFO     | TradingLog.Tests.Hosting.HostingIntegrationTests:{nameof(ILoggerOfTWritesToTheServiceFilesAndStoppingFlushes)}:", StringComparison.Ordinal)
            && l.EndsWith("| Order 42 placed", StringComparison.Ordinal));
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

    [Fact]
    public async Task ThePipelineIsBuiltWhenTheContainerResolvesItNotWhenServicesAreRegistered()
    {
        var configured = 0;
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddTradingLogging("analytics", o =>
        {
            configured++;
            o.Settings = Quiet();
            o.WorkingDirectory = _folder.Path;
        }));
        Assert.Equal(0, configured);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "logs", "analytics.log")));

        await using (var provider = services.BuildServiceProvider())
        {
            Assert.Equal(0, configured);
            provider.GetRequiredService<ILogger<HostingIntegrationTests>>().LogInformation("built on first use");
            Assert.Same(provider.GetRequiredService<TradingLogHost>(), provider.GetRequiredService<TradingLogHost>());
            Assert.Equal(1, configured);
        }

        Assert.Contains(TestPipeline.Lines(_folder, "logs/analytics.log"), l => l.EndsWith("built on first use", StringComparison.Ordinal));
    }

    [Fact]
    public void ABadConfigurationStopsTheHostNotTheRegistration()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _folder.Path, EnvironmentName = "Testing" });
        builder.AddTradingLogging("execution", o => o.Configuration.Overrides["logging.rotation.size"] = "ten parsecs");

        // The logger factory resolves the pipeline as the host is built, so the error comes from Build or Start.
        var e = Assert.Throws<TradingLog.Configuration.TradingLogConfigurationException>(() =>
        {
            using var host = builder.Build();
            host.Start();
        });
        Assert.Contains("logging.rotation.size", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachHostsILoggerMeasuresWithItsOwnThresholdsNotTheLastConfiguredHosts()
    {
        using var strictFolder = new TempFolder();
        var strict = Quiet();
        strict.Performance.SlowOperationMs = 1;
        using var relaxedHost = BuildHost("execution");
        var strictBuilder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = strictFolder.Path, EnvironmentName = "Testing" });
        strictBuilder.AddTradingLogging("risk_management", o => o.Settings = strict);
        using (var strictHost = strictBuilder.Build())
        {
            await relaxedHost.StartAsync();
            await strictHost.StartAsync();
            foreach (var host in new[] { relaxedHost, strictHost })
            {
                var logger = host.Services.GetRequiredService<ILogger<HostingIntegrationTests>>();
                using (logger.Measure("settle", host.Services.GetRequiredService<TradingLog.Configuration.PerformanceSettings>()))
                {
                    Thread.Sleep(20); // the measured work itself: longer than the strict host's 1 ms threshold
                }
            }

            await strictHost.StopAsync();
            await relaxedHost.StopAsync();
        }

        relaxedHost.Dispose();
        Assert.Contains("| INFO     |", Assert.Single(TestPipeline.Lines(_folder, "logs/performance.log"), l => l.Contains("settle took", StringComparison.Ordinal)));
        Assert.Contains("| WARNING  |", Assert.Single(TestPipeline.Lines(strictFolder, "logs/performance.log"), l => l.Contains("settle took", StringComparison.Ordinal)));
    }
}
