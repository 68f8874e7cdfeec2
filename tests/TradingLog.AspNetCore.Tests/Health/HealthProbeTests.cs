using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TradingLog.AspNetCore.Health;
using TradingLog.AspNetCore.Metrics;
using TradingLog.Configuration;
using TradingLog.Hosting;
using TradingLog.PostgreSql;

namespace TradingLog.AspNetCore.Tests.Health;

public sealed class HealthProbeTests
{
    [Fact]
    public async Task ReadyFailsWithTheReasonWhileTheDatabaseIsAwayAndTheSpoolGrowsAndLiveStaysUp()
    {
        using var folder = new TempFolder();
        await using var app = await StartAsync(folder, settings =>
        {
            settings.Database.ConnectionString = $"Host=127.0.0.1;Port={FreePort()};Username=tradelog;Database=tradelog;Timeout=2";
            settings.Database.SpoolDirectory = folder["spool"];
        });
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var logger = app.Services.GetRequiredService<TradingLogger>();
        for (var i = 0; i < 50; i++)
        {
            logger.Info("Order {OrderId} placed", i);
        }

        string body = "";
        await Eventually.TrueAsync(async () =>
        {
            using var ready = await http.GetAsync("/health/ready");
            body = await ready.Content.ReadAsStringAsync();
            return ready.StatusCode == HttpStatusCode.ServiceUnavailable;
        }, 60, "ready fails while the database is away");
        using var document = JsonDocument.Parse(body);
        Assert.Equal("Unhealthy", document.RootElement.GetProperty("status").GetString());
        var check = document.RootElement.GetProperty("checks").GetProperty("tradinglog");
        Assert.Contains("database cannot be written", check.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("spooled", check.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(check.GetProperty("data").GetProperty("Spooled").GetInt64() > 0);

        using var live = await http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Contains("Healthy", await live.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadyIsHealthyWhenEverySinkWorksAndMetricsAreServedInThePrometheusFormat()
    {
        using var folder = new TempFolder();
        await using var app = await StartAsync(folder, settings => settings.Database.Enabled = false);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var logger = app.Services.GetRequiredService<TradingLogger>();
        logger.Info("Fill {OrderId}", "o-1");
        logger.Error("Reject {OrderId}", "o-2");

        using var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"Healthy\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var metrics = await http.GetStringAsync("/metrics");
        Assert.Contains("# TYPE tradinglog_events_total counter", metrics, StringComparison.Ordinal);
        var error = metrics.Split('\n').Single(l => l.StartsWith("tradinglog_events_total{", StringComparison.Ordinal)
            && l.Contains("level=\"ERROR\"", StringComparison.Ordinal) && l.Contains("service=\"order_gateway\"", StringComparison.Ordinal));
        Assert.Equal("1", error.Split(' ')[1]);
    }

    private static async Task<WebApplication> StartAsync(TempFolder folder, Action<TradingLogSettings> change)
    {
        var settings = new TradingLogSettings();
        settings.Console.Enabled = false;
        settings.HeartbeatInterval = TimeSpan.Zero;
        change(settings);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = folder.Path });
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePort()}");
        builder.AddTradingLogging("order_gateway", o => // a service no other test of this assembly logs as: the meters are per process
        {
            o.Settings = settings;
            o.FailureOutput = null;
            o.AuditEvents = false;
            if (settings.Database.Enabled)
            {
                o.UsePostgreSql();
            }
        });
        builder.Services.AddTradingLogHealthChecks();
        builder.Services.AddTradingLogMetrics();
        var app = builder.Build();
        app.MapTradingLogHealth();
        app.MapTradingLogMetrics();
        await app.StartAsync();
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
