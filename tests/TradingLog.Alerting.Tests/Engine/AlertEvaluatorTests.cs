using TradingLog.Alerting.Tests.Support;

namespace TradingLog.Alerting.Tests.Engine;

/// <summary>What an evaluation stores and whom it tells: history, System-event-worthy transitions, silences, inhibition, repeats, errors.</summary>
public sealed class AlertEvaluatorTests
{
    private const string Rules = """
        alerts:
          repeat_interval: 1m
          receivers: [{ name: ops, url: "http://127.0.0.1:9/" }]
          inhibit:
            - source: { alertname: broker_down }
              target: { alertname: execution_errors }
              equal: [service]
          rules:
            - { name: broker_down, type: count, service: execution, text: broker, window: 1m, threshold: 0 }
            - { name: execution_errors, type: error_rate, service: execution, window: 1m, threshold: 10%, min_events: 1 }
        """;

    [Fact]
    public async Task EveryTransitionIsStoredInTheHistory()
    {
        await using var kit = await AlertingKit.CreateAsync(Rules);
        await kit.LogAsync(kit.Time.GetUtcNow() - TimeSpan.FromSeconds(1), "execution", "ERROR", 2, "timeout");
        await kit.EvaluateAsync();
        await kit.AfterAsync(TimeSpan.FromMinutes(1));
        var history = await kit.Store.HistoryAsync(DateTimeOffset.MinValue, "execution_errors", 100, CancellationToken.None);
        Assert.Equal(["firing", "resolved"], history.Select(h => h.To).Reverse());
        Assert.Equal("inactive", history[^1].From);
        Assert.Equal("execution", history[0].Labels["service"]);
    }

    [Fact]
    public async Task AFiringSourceInhibitsItsTargetAndTheTargetIsToldOnceTheSourceClears()
    {
        await using var kit = await AlertingKit.CreateAsync(Rules);
        var t0 = kit.Time.GetUtcNow();
        await kit.LogAsync(t0 - TimeSpan.FromSeconds(1), "execution", "ERROR", 3, "broker gateway returned 503");
        await kit.EvaluateAsync();
        Assert.Equal("firing", await kit.StateAsync("execution_errors"));
        Assert.Equal([("ops", "broker_down", "firing")], await kit.OutboxAsync());
        var history = await kit.Store.HistoryAsync(DateTimeOffset.MinValue, "execution_errors", 10, CancellationToken.None);
        Assert.Contains("inhibited by broker_down", history[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASilencedAlertIsNotNotifiedUntilTheSilenceEnds()
    {
        await using var kit = await AlertingKit.CreateAsync(Rules);
        var t0 = kit.Time.GetUtcNow();
        var id = await kit.Store.AddSilenceAsync(new Dictionary<string, string> { ["alertname"] = "execution_errors" }, t0, t0.AddHours(1), "test", "deploy",
            CancellationToken.None);
        await kit.LogAsync(t0 - TimeSpan.FromSeconds(1), "execution", "ERROR", 3, "timeout");
        await kit.EvaluateAsync();
        Assert.Equal("firing", await kit.StateAsync("execution_errors"));
        Assert.Empty(await kit.OutboxAsync());
        Assert.True(await kit.Store.ExpireSilenceAsync(id, kit.Time.GetUtcNow(), CancellationToken.None));
        await kit.AfterAsync(TimeSpan.FromSeconds(15));
        Assert.Equal([("ops", "execution_errors", "firing")], await kit.OutboxAsync());
    }

    [Fact]
    public async Task AFiringAlertIsNotifiedAgainEveryRepeatInterval()
    {
        await using var kit = await AlertingKit.CreateAsync(Rules);
        await kit.LogAsync(kit.Time.GetUtcNow() - TimeSpan.FromSeconds(1), "execution", "ERROR", 3, "timeout");
        await kit.LogAsync(kit.Time.GetUtcNow() + TimeSpan.FromSeconds(50), "execution", "ERROR", 3, "timeout");
        await kit.EvaluateAsync();
        await kit.AfterAsync(TimeSpan.FromSeconds(30));
        Assert.Single(await kit.OutboxAsync());
        await kit.AfterAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, (await kit.OutboxAsync()).Count(n => n.Status == "firing"));
    }

    [Fact]
    public async Task ARuleWhoseQueryFailsIsMarkedInErrorAndTheOthersGoOn()
    {
        // Valid for .NET, refused by PostgreSQL's regular expressions: the query fails at evaluation.
        await using var kit = await AlertingKit.CreateAsync("""
            alerts:
              rules:
                - { name: broken, type: count, regex: '(?<name>x)', window: 1m, threshold: 0 }
                - { name: working, type: count, window: 1m, threshold: 0 }
            """);
        await kit.LogAsync(kit.Time.GetUtcNow() - TimeSpan.FromSeconds(1), "execution", "INFO", 1);
        var report = await kit.EvaluateAsync();
        Assert.Contains("broken", report.Errors.Keys);
        Assert.NotNull((await kit.AlertAsync("broken")).Error);
        Assert.Equal("firing", await kit.StateAsync("working"));
        Assert.Contains(kit.Reports, r => r.Contains("alert rule broken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASummaryTemplateIsFilledInTheNotification()
    {
        await using var kit = await AlertingKit.CreateAsync("""
            alerts:
              receivers: [{ name: ops, url: "http://127.0.0.1:9/" }]
              rules:
                - { name: errs, type: error_rate, window: 1m, threshold: 10%, min_events: 1, labels: { team: desk }, summary: "{service} at {value} > {threshold} for {labels.team}" }
            """);
        await kit.LogAsync(kit.Time.GetUtcNow() - TimeSpan.FromSeconds(1), "execution", "ERROR", 1);
        await kit.EvaluateAsync();
        var notification = Assert.Single(await kit.Store.NotificationsAsync(DateTimeOffset.MinValue, 10, CancellationToken.None));
        Assert.Equal("execution at 100% > 10% for desk", TradingLog.Alerting.Delivery.AlertDocument.FromJson(notification.Alert).Summary);
    }
}
