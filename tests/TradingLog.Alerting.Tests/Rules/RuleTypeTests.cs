using TradingLog.Alerting.Tests.Support;

namespace TradingLog.Alerting.Tests.Rules;

/// <summary>Each rule type fires and resolves on crafted rows at the times its window, <c>for</c> and threshold say.</summary>
public sealed class RuleTypeTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ErrorRateFiresAfterItsPendingPeriodAndResolvesWhenTheErrorsLeaveTheWindow()
    {
        await using var kit = await AlertingKit.CreateAsync("""
            alerts:
              receivers: [{ name: ops, url: "http://127.0.0.1:9/" }]
              rules:
                - name: execution_errors
                  type: error_rate
                  window: 1m
                  threshold: 10%
                  min_events: 10
                  for: 30s
            """);
        var t0 = kit.Time.GetUtcNow();
        await kit.LogAsync(t0 - TimeSpan.FromSeconds(5), "execution", "ERROR", 4);
        await kit.LogAsync(t0 - TimeSpan.FromSeconds(5), "execution", "INFO", 16);
        await kit.LogAsync(t0 - TimeSpan.FromSeconds(5), "analytics", "INFO", 50);

        await kit.EvaluateAsync();
        Assert.Equal("pending", await kit.StateAsync("execution_errors", "execution"));
        Assert.Equal("inactive", await kit.StateAsync("execution_errors", "analytics"));
        Assert.Equal(0.2, (await kit.AlertAsync("execution_errors", "execution")).Value);
        await kit.AfterAsync(Interval);
        Assert.Equal("pending", await kit.StateAsync("execution_errors", "execution"));
        await kit.AfterAsync(Interval);
        Assert.Equal("firing", await kit.StateAsync("execution_errors", "execution"));
        Assert.Equal([("ops", "execution_errors", "firing")], await kit.OutboxAsync());

        await kit.AfterAsync(Interval); // 45 s: the errors are 50 s old, still in the minute
        Assert.Equal("firing", await kit.StateAsync("execution_errors", "execution"));
        await kit.AfterAsync(Interval); // 60 s: they left the window
        Assert.Equal("resolved", await kit.StateAsync("execution_errors", "execution"));
        Assert.Equal([("ops", "execution_errors", "firing"), ("ops", "execution_errors", "resolved")], await kit.OutboxAsync());
    }

    [Fact]
    public async Task ErrorRateBelowItsMinimumEventCountDoesNotFire()
    {
        await using var kit = await AlertingKit.CreateAsync("""
            alerts:
              rules: [{ name: errors, type: error_rate, window: 1m, threshold: 10%, min_events: 10 }]
            """);
        await kit.LogAsync(kit.Time.GetUtcNow() - TimeSpan.FromSeconds(1), "execution", "ERROR", 9);
        await kit.EvaluateAsync();
        Assert.Equal("inactive", await kit.StateAsync("errors", "execution"));
    }

    [Fact]
    public async Task CountFiresAboveItsThresholdForItsScopeOnly()
    {
        await using var kit = await AlertingKit.CreateAsync("""
            alerts:
              rules:
                - name: risk_breaches
                  type: count
                  service: risk_management
                  level: WARNING
                  text: limit breached
                  window: 30s
                  threshold: 3
            """);
        var t0 = kit.Time.GetUtcNow();
        await kit.LogAsync(t0 - TimeSpan.FromSeconds(2), "risk_management", "WARNING", 3, "Risk limit breached for T1");
        await kit.LogAsync(t0 - TimeSpan.FromSeconds(2), "risk_management", "INFO", 10, "Risk limit breached for T2");
        await kit.LogAsync(t0 - TimeSpan.FromSeconds(2), "execution", "WARNING", 10, "Risk limit breached for T3");
        await kit.EvaluateAsync();
        Assert.Equal("inactive", await kit.StateAsync("risk_breaches"));
        await kit.LogAsync(t0 - TimeSpan.FromSeconds(1), "risk_management", "ERROR", 1, "limit BREACHED again");
        await kit.EvaluateAsync();
        Assert.Equal("firing", await kit.StateAsync("risk_breaches"));
        Assert.Equal(4, (await kit.AlertAsync("risk_breaches")).Value);
        await kit.AfterAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("resolved", await kit.StateAsync("risk_breaches"));
    }

    [Fact]
    public async Task CountBelowFiresWhenTooFewEventsArrive()
    {
        await using var kit = await AlertingKit.CreateAsync("""
            alerts:
              rules: [{ name: few_ticks, type: count, service: data_ingestion, window: 10s, threshold: 5, direction: below }]
            """);
        var t0 = kit.Time.GetUtcNow();
        await kit.LogAsync(t0 - TimeSpan.FromSeconds(1), "data_ingestion", "INFO", 5);
        await kit.EvaluateAsync();
        Assert.Equal("inactive", await kit.StateAsync("few_ticks"));
        await kit.AfterAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("firing", await kit.StateAsync("few_ticks"));
    }

    [Fact]
    public async Task AbsenceFiresWhenNothingWasEverSeen()
    {
        await using var kit = await AlertingKit.CreateAsync("""
            alerts:
              rules: [{ name: feed_silent, type: absence, service: data_ingestion, event_type: market_data, window: 1m, for: 15s }]
            """);
        await kit.EvaluateAsync();
        var alert = await kit.AlertAsync("feed_silent");
        Assert.Equal("pending", await kit.StateAsync("feed_silent"));
        Assert.Null(alert.Value);
        Assert.Contains("nothing seen", alert.Description, StringComparison.Ordinal);
        await kit.AfterAsync(Interval);
        Assert.Equal("firing", await kit.StateAsync("feed_silent"));
    }

    [Fact]
    public async Task AbsenceFiresWhenTheFeedStopsAndResolvesWhenItReturns()
    {
        await using var kit = await AlertingKit.CreateAsync("""
            alerts:
              rules: [{ name: feed_silent, type: absence, service: data_ingestion, event_type: market_data, window: 1m }]
            """);
        var t0 = kit.Time.GetUtcNow();
        await kit.LogAsync(t0 - TimeSpan.FromSeconds(1), "data_ingestion", "INFO", 1, "tick", "market_data");
        await kit.LogAsync(t0, "execution", "INFO", 100, "other traffic", "market_data");
        await kit.EvaluateAsync();
        Assert.Equal("inactive", await kit.StateAsync("feed_silent"));
        await kit.AfterAsync(TimeSpan.FromSeconds(45));
        Assert.Equal("inactive", await kit.StateAsync("feed_silent"));
        await kit.AfterAsync(TimeSpan.FromSeconds(30)); // 75 s since the last tick
        Assert.Equal("firing", await kit.StateAsync("feed_silent"));
        Assert.Equal(76, (await kit.AlertAsync("feed_silent")).Value);
        await kit.LogAsync(kit.Time.GetUtcNow() - TimeSpan.FromSeconds(1), "data_ingestion", "INFO", 1, "tick", "market_data");
        await kit.EvaluateAsync();
        Assert.Equal("resolved", await kit.StateAsync("feed_silent"));
    }

    [Fact]
    public async Task LatencyFiresPerServiceOnItsPercentile()
    {
        await using var kit = await AlertingKit.CreateAsync("""
            alerts:
              rules: [{ name: slow_checks, type: latency, operation: check_limits, percentile: p95, threshold: 50ms, window: 1m, min_events: 5 }]
            """);
        var t0 = kit.Time.GetUtcNow();
        await kit.PerformanceAsync(t0 - TimeSpan.FromSeconds(5), "risk_management", "check_limits", 1, 2, 3, 4, 5, 6, 7, 8, 9, 400);
        await kit.PerformanceAsync(t0 - TimeSpan.FromSeconds(5), "execution", "check_limits", 1, 1, 1, 1, 1, 1);
        await kit.PerformanceAsync(t0 - TimeSpan.FromSeconds(5), "execution", "place_order", 900, 900, 900, 900, 900);
        await kit.EvaluateAsync();
        Assert.Equal("firing", await kit.StateAsync("slow_checks", "risk_management"));
        Assert.Equal("inactive", await kit.StateAsync("slow_checks", "execution"));
        await kit.AfterAsync(TimeSpan.FromMinutes(1));
        Assert.Equal("resolved", await kit.StateAsync("slow_checks", "risk_management"));
    }

    [Fact]
    public async Task DegradationFiresWhenThePercentileExceedsItsBaselineByTheFactor()
    {
        await using var kit = await AlertingKit.CreateAsync("""
            alerts:
              rules: [{ name: slower, type: degradation, operation: place_order, percentile: p50, factor: 3, window: 1m, baseline: 10m, min_events: 5 }]
            """);
        var t0 = kit.Time.GetUtcNow();
        await kit.PerformanceAsync(t0 - TimeSpan.FromMinutes(5), "execution", "place_order", 10, 10, 10, 10, 10, 10);
        await kit.PerformanceAsync(t0 - TimeSpan.FromSeconds(10), "execution", "place_order", 25, 25, 25, 25, 25);
        await kit.EvaluateAsync();
        Assert.Equal("inactive", await kit.StateAsync("slower", "execution"));
        Assert.Equal(2.5, (await kit.AlertAsync("slower", "execution")).Value);
        await kit.PerformanceAsync(t0 - TimeSpan.FromSeconds(5), "execution", "place_order", 90, 90, 90, 90, 90, 90, 90);
        await kit.EvaluateAsync();
        Assert.Equal("firing", await kit.StateAsync("slower", "execution"));
    }

    [Fact]
    public async Task TradeFailuresFiresOnTheShareOfRejectedAndFailedTrades()
    {
        await using var kit = await AlertingKit.CreateAsync("""
            alerts:
              rules: [{ name: bad_trades, type: trade_failures, threshold: 20%, window: 1m, min_events: 10 }]
            """);
        var t0 = kit.Time.GetUtcNow();
        await kit.TradesAsync(t0 - TimeSpan.FromSeconds(5), "FILLED", 8);
        await kit.TradesAsync(t0 - TimeSpan.FromSeconds(5), "REJECTED", 1);
        await kit.TradesAsync(t0 - TimeSpan.FromSeconds(5), "FAILED", 1);
        await kit.EvaluateAsync();
        Assert.Equal("inactive", await kit.StateAsync("bad_trades"));
        await kit.TradesAsync(t0 - TimeSpan.FromSeconds(4), "FAILED", 3);
        await kit.EvaluateAsync();
        Assert.Equal("firing", await kit.StateAsync("bad_trades"));
        Assert.Equal(Math.Round(5.0 / 13, 4), (await kit.AlertAsync("bad_trades")).Value);
    }

    [Fact]
    public async Task SinkHealthFiresOnDroppedEventsInTheWindowFromHeartbeats()
    {
        await using var kit = await AlertingKit.CreateAsync("""
            alerts:
              rules: [{ name: losing_events, type: sink_health, signal: dropped, window: 1m }]
            """);
        var t0 = kit.Time.GetUtcNow();
        static string Beat(int dropped, int spooled) =>
            $$$"""{"properties": {"ProcessId": 42, "Host": "h", "UptimeSeconds": 3600, "Dropped": {{{dropped}}}, "Spooled": {{{spooled}}}}}""";
        await kit.LogAsync(t0 - TimeSpan.FromSeconds(50), "execution", "INFO", 1, "beat", HealthEvents.Heartbeat, Beat(7, 0));
        await kit.LogAsync(t0 - TimeSpan.FromSeconds(20), "execution", "INFO", 1, "beat", HealthEvents.Heartbeat, Beat(7, 500));
        await kit.EvaluateAsync();
        Assert.Equal("inactive", await kit.StateAsync("losing_events", "execution")); // 7 dropped before the window: not new
        await kit.LogAsync(t0 - TimeSpan.FromSeconds(1), "execution", "INFO", 1, "beat", HealthEvents.Heartbeat, Beat(12, 0));
        await kit.EvaluateAsync();
        var alert = await kit.AlertAsync("losing_events", "execution");
        Assert.Equal("firing", AlertingKitExtensions.Name(alert));
        Assert.Equal(5, alert.Value);
    }
}
