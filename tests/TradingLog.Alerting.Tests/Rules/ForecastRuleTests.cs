using TradingLog.Alerting.Tests.Support;

namespace TradingLog.Alerting.Tests.Rules;

/// <summary>The forecast rule on crafted series: it fires before the threshold is crossed, and only past its gate.</summary>
public sealed class ForecastRuleTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>An error rate rising by 0.25 points a minute for 30 minutes: 1% to 8.25%.</summary>
    private static async Task RisingErrorRateAsync(AlertingKit kit)
    {
        var now = kit.Time.GetUtcNow();
        for (var m = 30; m >= 1; m--)
        {
            var errors = (int)Math.Round(4 + (30 - m) * 1.0); // of 400 events a minute: 1% + 0.25 points a minute
            await kit.LogAsync(now - m * Minute + TimeSpan.FromSeconds(10), "execution", "ERROR", errors);
            await kit.LogAsync(now - m * Minute + TimeSpan.FromSeconds(10), "execution", "INFO", 400 - errors);
        }
    }

    [Theory]
    [InlineData("linear")]
    [InlineData("holt")]
    public async Task ForecastFiresWhileTheRateIsStillBelowItsThresholdWhenTheTrendCrossesItWithinTheHorizon(string method)
    {
        await using var kit = await AlertingKit.CreateAsync($$"""
            alerts:
              rules:
                - { name: errors_rising, type: forecast, metric: error_rate, service: execution, window: 30m, step: 1m,
                    horizon: 30m, threshold: 10%, gate: 5%, method: {{method}} }
            """);
        await RisingErrorRateAsync(kit);

        await kit.EvaluateAsync();

        var alert = await kit.AlertAsync("errors_rising");
        Assert.Equal("firing", AlertingKitExtensions.Name(alert));
        Assert.InRange(alert.Value!.Value, 0.07, 0.09); // the newest minute, still below 10%
        Assert.Contains("reaching 10% in", alert.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForecastBelowItsGateDoesNotFire()
    {
        await using var kit = await AlertingKit.CreateAsync("""
            alerts:
              rules:
                - { name: errors_rising, type: forecast, metric: error_rate, window: 30m, step: 1m, horizon: 30m, threshold: 10%, gate: 9% }
            """);
        await RisingErrorRateAsync(kit);

        await kit.EvaluateAsync();

        var alert = await kit.AlertAsync("errors_rising");
        Assert.Equal("inactive", AlertingKitExtensions.Name(alert));
        Assert.Contains("below the gate 9%", alert.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForecastOfAFlatLatencyDoesNotFire()
    {
        await using var kit = await AlertingKit.CreateAsync("""
            alerts:
              rules:
                - { name: slow_soon, type: forecast, metric: latency, percentile: p95, window: 20m, step: 1m, horizon: 30m, threshold: 250ms, gate: 100ms }
            """);
        var now = kit.Time.GetUtcNow();
        for (var m = 20; m >= 1; m--)
        {
            await kit.PerformanceAsync(now - m * Minute + TimeSpan.FromSeconds(10), "risk_management", "check_limits", 180, 181, 182, 179);
        }

        await kit.EvaluateAsync();

        var alert = await kit.AlertAsync("slow_soon");
        Assert.Equal("inactive", AlertingKitExtensions.Name(alert));
        Assert.InRange(alert.Value!.Value, 179, 182);
    }

    [Fact]
    public async Task ForecastOfTheLogTablesSizeFitsTheValuesItRecordedBefore()
    {
        await using var kit = await AlertingKit.CreateAsync("""
            alerts:
              rules: [{ name: disk, type: forecast, metric: table_size, window: 1h, horizon: 7d, threshold: 100GB, gate: 1MB }]
            """);
        await kit.EvaluateAsync();
        var first = await kit.AlertAsync("disk");
        Assert.Contains("too few for a forecast", first.Description, StringComparison.Ordinal);
        Assert.True(first.Value > 0);

        await kit.LogAsync(kit.Time.GetUtcNow(), "execution", "INFO", 20_000, message: new string('x', 200));
        await kit.AfterAsync(Minute);
        await kit.LogAsync(kit.Time.GetUtcNow(), "execution", "INFO", 20_000, message: new string('x', 200));
        await kit.AfterAsync(Minute);

        var grown = await kit.AlertAsync("disk");
        Assert.True(grown.Value > first.Value, $"{grown.Value} after {first.Value}");
        Assert.Contains("over 3 points", grown.Description, StringComparison.Ordinal);
    }
}
