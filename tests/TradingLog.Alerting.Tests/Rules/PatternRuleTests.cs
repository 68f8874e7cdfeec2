using TradingLog.Alerting.Tests.Support;
using TradingLog.Patterns.Assignment;

namespace TradingLog.Alerting.Tests.Rules;

/// <summary>The pattern rules on crafted rows: new patterns after a warm-up, returns, spikes and drops against robust baselines.</summary>
public sealed class PatternRuleTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task NewPatternFiresForAPatternNewToAServiceAfterItsWarmUpOnly()
    {
        await using var kit = await AlertingKit.CreateAsync("""
            alerts:
              rules: [{ name: new_errors, type: new_pattern, window: 5m, warm_up: 30m }]
            """);
        var now = kit.Time.GetUtcNow();
        await kit.PatternAsync(now - TimeSpan.FromMinutes(50), "execution", "Order {OrderId} filled", 5);
        await kit.PatternAsync(now - TimeSpan.FromMinutes(2), "execution", "Order {OrderId} filled", 5);
        await kit.PatternAsync(now - TimeSpan.FromMinutes(1), "execution", "Broker rejected {OrderId}: {Reason}");
        // A service that began logging ten minutes ago is still warming up: its patterns are all new.
        await kit.PatternAsync(now - TimeSpan.FromMinutes(10), "analytics", "P&L updated after {TradeId}");
        await kit.PatternAsync(now - TimeSpan.FromMinutes(1), "analytics", "Report {Name} built");

        await kit.EvaluateAsync();

        var alert = await kit.AlertAsync("new_errors");
        Assert.Equal("firing", AlertingKitExtensions.Name(alert));
        Assert.Equal("execution", alert.Labels["service"]);
        Assert.Equal(PatternIds.Format(PatternIds.Of("Broker rejected {OrderId}: {Reason}")), alert.Labels["pattern_id"]);
        Assert.Equal("Broker rejected {OrderId}: {Reason}", alert.Labels["pattern"]);

        await kit.AfterAsync(TimeSpan.FromMinutes(5)); // the sighting left the window
        Assert.Equal("resolved", await kit.StateAsync("new_errors"));
    }

    [Fact]
    public async Task NewPatternFiresWhenARarePatternComesBackAfterItsQuiet()
    {
        await using var kit = await AlertingKit.CreateAsync("""
            alerts:
              rules: [{ name: returns, type: new_pattern, window: 5m, warm_up: 0s, returns_after: 2h }]
            """);
        var now = kit.Time.GetUtcNow();
        await kit.PatternAsync(now - TimeSpan.FromHours(6), "risk_management", "Limit {Limit} breached");
        await kit.PatternAsync(now - TimeSpan.FromHours(6), "risk_management", "Limit {Limit} checked");
        await kit.PatternAsync(now - TimeSpan.FromMinutes(90), "risk_management", "Limit {Limit} checked");
        await kit.PatternAsync(now - TimeSpan.FromMinutes(1), "risk_management", "Limit {Limit} checked");
        await kit.PatternAsync(now - TimeSpan.FromMinutes(1), "risk_management", "Limit {Limit} breached");

        await kit.EvaluateAsync();

        var alert = await kit.AlertAsync("returns");
        Assert.Equal("Limit {Limit} breached", alert.Labels["pattern"]);
        Assert.StartsWith("back after 5h", alert.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnomalyFiresOnABurstOfOnePatternAndNotOnItsSteadyNeighbours()
    {
        await using var kit = await AlertingKit.CreateAsync("""
            alerts:
              rules: [{ name: bursts, type: anomaly, window: 1m, baseline: 30m, sensitivity: medium }]
            """);
        var now = kit.Time.GetUtcNow();
        for (var m = 30; m >= 2; m--)
        {
            await kit.PatternAsync(now - m * Minute + TimeSpan.FromSeconds(5), "risk_management", "Risk check {TradeId} passed", 20 + m % 3);
            await kit.PatternAsync(now - m * Minute + TimeSpan.FromSeconds(5), "risk_management", "Risk limit breached for {TradeId}", 2 + m % 2);
        }

        await kit.PatternAsync(now - TimeSpan.FromSeconds(30), "risk_management", "Risk check {TradeId} passed", 21);
        await kit.PatternAsync(now - TimeSpan.FromSeconds(30), "risk_management", "Risk limit breached for {TradeId}", 40);

        await kit.EvaluateAsync();

        var alert = await kit.AlertAsync("bursts");
        Assert.Equal("Risk limit breached for {TradeId}", alert.Labels["pattern"]);
        Assert.StartsWith("spike: 40 events in 1m against a median of 2 over the trailing 30m", alert.Description, StringComparison.Ordinal);
        Assert.True(alert.Value > 5);
    }

    [Fact]
    public async Task AnomalyFiresWhenAPatternThatUsuallyFlowsStops()
    {
        await using var kit = await AlertingKit.CreateAsync("""
            alerts:
              rules: [{ name: stops, type: anomaly, window: 1m, baseline: 30m, direction: drop }]
            """);
        var now = kit.Time.GetUtcNow();
        for (var m = 30; m >= 2; m--)
        {
            await kit.PatternAsync(now - m * Minute + TimeSpan.FromSeconds(5), "data_ingestion", "Tick {Symbol} {Price}", 60);
        }

        await kit.EvaluateAsync();

        var alert = await kit.AlertAsync("stops");
        Assert.Equal("data_ingestion", alert.Labels["service"]);
        Assert.StartsWith("drop: 0 events in 1m", alert.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnomalyJudgesByTheTimeOfDayOnceThreeEarlierDaysExist()
    {
        // Every day at this time the market opens: 200 fills a minute against 10 the hour before. With three earlier days
        // the profile expects it; with none, the same minute is a spike.
        const string Rule = """
            alerts:
              rules: [{ name: open, type: anomaly, window: 1m, baseline: 30m }]
            """;
        foreach (var days in new[] { 3, 0 })
        {
            await using var kit = await AlertingKit.CreateAsync(Rule);
            var now = kit.Time.GetUtcNow();
            for (var day = 1; day <= days; day++)
            {
                for (var m = -20; m <= 20; m++)
                {
                    await kit.PatternAsync(now - TimeSpan.FromDays(day) + m * Minute, "execution", "Fill {TradeId}", 200 + m % 7);
                }
            }

            for (var m = 30; m >= 2; m--)
            {
                await kit.PatternAsync(now - m * Minute + TimeSpan.FromSeconds(5), "execution", "Fill {TradeId}", 10);
            }

            await kit.PatternAsync(now - TimeSpan.FromSeconds(30), "execution", "Fill {TradeId}", 200);
            await kit.EvaluateAsync();
            var alerts = await kit.Store.LoadStatesAsync(CancellationToken.None);
            if (days == 3)
            {
                Assert.Empty(alerts);
            }
            else
            {
                Assert.StartsWith("spike: 200 events", Assert.Single(alerts).Description, StringComparison.Ordinal);
            }
        }
    }
}
