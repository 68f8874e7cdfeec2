using TradingLog.OpenTelemetry.Metrics;
using TradingLog.OpenTelemetry.Tests.Support;

namespace TradingLog.OpenTelemetry.Tests.Metrics;

public sealed class PrometheusScrapeTests
{
    [Fact]
    public async Task ARealPrometheusScrapesEventCountsQueueDepthsAndOtlpDropsOfAConsoleProgram()
    {
        using var folder = new TempFolder();
        var port = OtlpReceiver.FreePort();
        using var listener = TradingLogMetrics.ListenPrometheus("127.0.0.1", port);
        using var host = OtlpPipeline.Create("strategy_engine", folder, o =>
        {
            o.Endpoint = new Uri($"http://127.0.0.1:{OtlpReceiver.FreePort()}"); // nobody listens: every event is dropped
            o.QueueLimit = 5;
        });
        for (var i = 0; i < 7; i++)
        {
            host.Logger.Info("Signal {Signal} for {Symbol}", i, "MSFT");
        }

        host.Logger.Warning("Signal stale");
        host.Logger.Error("Model {Model} failed", "momentum");

        await using var prometheus = await PrometheusServer.StartAsync($"127.0.0.1:{port}", "strategy");
        await Eventually.TrueAsync(() => prometheus.TargetUpAsync("strategy"), 60, "prometheus scraped the program");
        var events = await prometheus.QueryAsync("tradinglog_events_total{service=\"strategy_engine\"}", "level");
        Assert.Equal(7, events["INFO"]);
        Assert.Equal(1, events["WARNING"]);
        Assert.Equal(1, events["ERROR"]);
        Assert.Equal(0, events["CRITICAL"]);

        var queues = await prometheus.QueryAsync("tradinglog_queue_depth{service=\"strategy_engine\"}", "sink");
        Assert.True(queues.ContainsKey("files"), "the files' queue depth is published: " + string.Join(", ", queues.Keys));
        var sent = await prometheus.QueryAsync("tradinglog_otlp_sent_total{service=\"strategy_engine\"}", "service");
        Assert.Equal(9, sent["strategy_engine"]);
        var dropped = await prometheus.QueryAsync("tradinglog_otlp_dropped_total{service=\"strategy_engine\"}", "service");
        Assert.True(dropped["strategy_engine"] >= 4, $"past otlp.queue_limit (5) events are dropped: {dropped["strategy_engine"]}");
    }
}
