using TradingLog.Alerting.Tests.Support;

namespace TradingLog.Alerting.Tests.Engine;

/// <summary>The alerting loop on the real clock: timing targets, restarts, and several processes hosting it.</summary>
public sealed class AlertingServiceTests
{
    private static string Rules(string url) => $$"""
        alerts:
          interval: 1s
          receivers: [{ name: ops, url: "{{url}}" }]
          rules:
            - { name: broker_down, type: count, service: execution, text: broker, window: 3s, threshold: 0, for: 2s }
        """;

    [Fact]
    public async Task ANotificationLeavesWithinIntervalPlusForPlusFiveSecondsAndTheResolveWithinIntervalPlusFive()
    {
        using var hook = new WebhookReceiver();
        await using var kit = await AlertingKit.CreateAsync(Rules(hook.Url).Replace("window: 3s", "window: 6s", StringComparison.Ordinal));
        await using var service = kit.Start();
        await Task.Delay(1500); // the loop is evaluating

        var becameTrue = DateTimeOffset.UtcNow;
        await kit.LogAsync(becameTrue, "execution", "ERROR", 1, "broker gateway returned 503");
        await Eventually.TrueAsync(() => !hook.Accepted.IsEmpty, 20, "no firing notification");
        var fired = hook.Accepted.First().At - becameTrue;
        Assert.True(fired <= TimeSpan.FromSeconds(1 + 2 + 5), $"the firing notification left {fired.TotalSeconds:0.0} s after the condition became true");
        Assert.True(fired >= TimeSpan.FromSeconds(2), $"the firing notification left before the pending period ended ({fired.TotalSeconds:0.0} s)");

        var cleared = becameTrue + TimeSpan.FromSeconds(6); // the event leaves the 6 s window
        await Eventually.TrueAsync(() => hook.Accepted.Count == 2, 20, "no resolve notification");
        var resolved = hook.Accepted.Last().At - cleared;
        Assert.True(resolved <= TimeSpan.FromSeconds(1 + 5), $"the resolve left {resolved.TotalSeconds:0.0} s after the condition cleared");
        Assert.Equal([("broker_down", "firing", "execution"), ("broker_down", "resolved", "execution")], hook.Alerts());
    }

    [Fact]
    public async Task ARestartWhileFiringSendsNothingTwice()
    {
        using var hook = new WebhookReceiver();
        await using var kit = await AlertingKit.CreateAsync(Rules(hook.Url).Replace("window: 3s", "window: 30s", StringComparison.Ordinal));
        await kit.LogAsync(DateTimeOffset.UtcNow, "execution", "ERROR", 1, "broker gateway returned 503");
        await using (kit.Start())
        {
            await Eventually.TrueAsync(() => hook.Accepted.Count == 1, 20, "no firing notification");
        }

        await using (kit.Start())
        {
            await Task.Delay(4000); // several evaluations of the still-firing alert by the new process
        }

        Assert.Equal([("broker_down", "firing", "execution")], hook.Alerts());
        Assert.Equal("firing", await kit.StateAsync("broker_down"));
    }

    [Fact]
    public async Task TwoEvaluatorsSendOneNotificationAndTheSecondTakesOverWhenTheFirstStops()
    {
        using var hook = new WebhookReceiver();
        await using var kit = await AlertingKit.CreateAsync(Rules(hook.Url).Replace("window: 3s", "window: 8s", StringComparison.Ordinal));
        var first = kit.Start();
        await Eventually.TrueAsync(() => first.Service.IsLeader, 10, "the first process never evaluated");
        await using var second = kit.Start();
        await kit.LogAsync(DateTimeOffset.UtcNow, "execution", "ERROR", 1, "broker gateway returned 503");
        await Eventually.TrueAsync(() => hook.Accepted.Count == 1, 20, "no firing notification");
        await Task.Delay(2000);
        Assert.False(second.Service.IsLeader);

        await first.DisposeAsync(); // the evaluator stops; its lock goes with its connection
        await Eventually.TrueAsync(() => second.Service.IsLeader, 5, "the second process did not take over within the interval and a margin");
        await Eventually.TrueAsync(() => hook.Accepted.Count == 2, 20, "no resolve from the process that took over");
        Assert.Equal([("broker_down", "firing", "execution"), ("broker_down", "resolved", "execution")], hook.Alerts());
    }

    [Fact]
    public async Task AReceiverThatIsDownGetsTheNotificationWhenItComesBack()
    {
        var port = WebhookReceiver.FreePort();
        await using var kit = await AlertingKit.CreateAsync(Rules($"http://127.0.0.1:{port}/hook/").Replace("for: 2s", "for: 0s", StringComparison.Ordinal)
            .Replace("url:", "retry_interval: 200ms, url:", StringComparison.Ordinal));
        await using var service = kit.Start();
        await kit.LogAsync(DateTimeOffset.UtcNow, "execution", "ERROR", 1, "broker gateway returned 503");
        await Eventually.TrueAsync(async () => (await kit.Store.NotificationsAsync(DateTimeOffset.MinValue, 10, CancellationToken.None))
            .Any(n => n.Attempts >= 2), 20, "the notification was not retried");
        using var hook = WebhookReceiver.OnPort(port);
        await Eventually.TrueAsync(() => !hook.Accepted.IsEmpty, 20, "the receiver never got the notification");
        Assert.Equal("broker_down", hook.Alerts()[0].Rule);
    }
}
