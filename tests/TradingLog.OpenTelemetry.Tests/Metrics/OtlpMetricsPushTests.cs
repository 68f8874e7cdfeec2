using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TradingLog.AspNetCore.Metrics;
using TradingLog.Configuration;
using TradingLog.Hosting;
using TradingLog.OpenTelemetry.Metrics;
using TradingLog.OpenTelemetry.Tests.Support;

namespace TradingLog.OpenTelemetry.Tests.Metrics;

public sealed class OtlpMetricsPushTests
{
    [Fact]
    public async Task AConsoleProgramsMetricsArePushedToTheOtlpEndpointAtTheConfiguredInterval()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var folder = new TempFolder();
        using var host = Pushing(receiver, folder, metrics: true);
        using var metrics = TradingLogMetrics.ListenPrometheus("127.0.0.1", OtlpReceiver.FreePort(), host.Settings, host.Service);
        host.Logger.Info("P&L updated for {Book}", "equities");

        await Eventually.TrueAsync(() => Task.FromResult(receiver.Metrics.Contains(("analytics", "tradinglog.events"))), 30,
            "tradinglog.events pushed with service.name analytics");
        Assert.Contains(receiver.Metrics, m => m.Metric == "tradinglog.queue.depth");
        Assert.Contains(receiver.Metrics, m => m.Metric == "tradinglog.otlp.sent");
    }

    [Fact]
    public async Task AnAspNetCoreServicesMetricsFollowItsOtlpSettings()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var folder = new TempFolder();
        var settings = new TradingLogSettings();
        settings.Console.Enabled = false;
        settings.Database.Enabled = false;
        settings.HeartbeatInterval = TimeSpan.Zero;
        settings.Otlp.Endpoint = receiver.HttpEndpoint;
        settings.Otlp.Protocol = OtlpProtocolName.HttpProtobuf;
        settings.Otlp.MetricsInterval = TimeSpan.FromSeconds(1);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = folder.Path });
        builder.WebHost.UseUrls($"http://127.0.0.1:{OtlpReceiver.FreePort()}");
        builder.AddTradingLogging("execution", o =>
        {
            o.Settings = settings;
            o.AuditEvents = false;
            o.FailureOutput = null;
            o.UseOpenTelemetry();
        });
        builder.Services.AddTradingLogMetrics();
        await using var app = builder.Build();
        await app.StartAsync();
        app.Services.GetRequiredService<TradingLogger>().Info("Fill {OrderId}", 7);

        await Eventually.TrueAsync(() => Task.FromResult(receiver.Metrics.Contains(("execution", "tradinglog.events"))), 30,
            "the service's metrics pushed with service.name execution");
        await app.StopAsync();
    }

    [Fact]
    public async Task WithMetricsOffNothingIsPushed()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var folder = new TempFolder();
        using var host = Pushing(receiver, folder, metrics: false);
        using (TradingLogMetrics.ListenPrometheus("127.0.0.1", OtlpReceiver.FreePort(), host.Settings, host.Service))
        {
            host.Logger.Info("P&L updated");
            await Eventually.TrueAsync(() => Task.FromResult(!receiver.Records.IsEmpty), 30, "the log record arrives");
            await Task.Delay(2500); // more than two push intervals
        }

        Assert.Empty(receiver.Metrics);
    }

    /// <summary>An analytics pipeline exporting to <paramref name="receiver"/> over http/protobuf, metrics every second or not at all.</summary>
    private static TradingLogHost Pushing(OtlpReceiver receiver, TempFolder folder, bool metrics) => OtlpPipeline.Create("analytics", folder, o =>
    {
        o.Endpoint = receiver.HttpEndpoint;
        o.Protocol = OtlpProtocolName.HttpProtobuf;
        o.MetricsInterval = TimeSpan.FromSeconds(1);
        o.Metrics = metrics;
    });
}
