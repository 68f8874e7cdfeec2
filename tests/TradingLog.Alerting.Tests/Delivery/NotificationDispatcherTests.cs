using System.Text.Json;
using TradingLog.Alerting.Delivery;
using TradingLog.Alerting.Tests.Support;

namespace TradingLog.Alerting.Tests.Delivery;

public sealed class NotificationDispatcherTests
{
    private static string Rules(string receivers) => $$"""
        alerts:
          group_wait: 0s
          receivers:
        {{receivers}}
          rules:
            - { name: execution_errors, type: error_rate, window: 1m, threshold: 10%, min_events: 1 }
        """;

    [Fact]
    public async Task AReceiverThatFailsThreeTimesThenSucceedsGetsEachNotificationOnce()
    {
        using var hook = new WebhookReceiver(failFirst: 3);
        await using var kit = await AlertingKit.CreateAsync(Rules($"    - {{ name: ops, url: \"{hook.Url}\", secret: s3cret, retry_interval: 1s }}"));
        await kit.LogAsync(kit.Time.GetUtcNow() - TimeSpan.FromSeconds(1), "execution", "ERROR", 2);
        await kit.EvaluateAsync();
        for (var i = 0; i < 6; i++)
        {
            await kit.Dispatcher.DeliverDueAsync(CancellationToken.None);
            kit.Time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(4, hook.Requests);
        var delivered = Assert.Single(hook.Accepted);
        Assert.Single(hook.Keys.Distinct()); // every retry carried the same idempotency key
        Assert.Equal("sha256=" + NotificationDispatcher.Sign("s3cret", delivered.Body), delivered.Signature);
        var record = Assert.Single(await kit.Store.NotificationsAsync(DateTimeOffset.MinValue, 10, CancellationToken.None));
        Assert.Equal(4, record.Attempts);
        Assert.NotNull(record.DeliveredAt);

        await kit.AfterAsync(TimeSpan.FromMinutes(1));
        await kit.Dispatcher.DeliverDueAsync(CancellationToken.None);
        Assert.Equal([("execution_errors", "firing", "execution"), ("execution_errors", "resolved", "execution")], hook.Alerts());
        Assert.Equal(5, hook.Requests);
    }

    [Fact]
    public async Task TheWebhookPayloadCarriesLabelsSummaryAndTimes()
    {
        using var hook = new WebhookReceiver();
        await using var kit = await AlertingKit.CreateAsync(Rules($"    - {{ name: ops, url: \"{hook.Url}\" }}"));
        await kit.LogAsync(kit.Time.GetUtcNow() - TimeSpan.FromSeconds(1), "execution", "ERROR", 2);
        await kit.EvaluateAsync();
        await kit.Dispatcher.DeliverDueAsync(CancellationToken.None);
        using var body = JsonDocument.Parse(Assert.Single(hook.Accepted).Body);
        var root = body.RootElement;
        Assert.Equal("firing", root.GetProperty("status").GetString());
        Assert.Equal("ops", root.GetProperty("receiver").GetString());
        Assert.Equal(Assert.Single(hook.Accepted).IdempotencyKey, root.GetProperty("idempotency_key").GetString());
        var alert = root.GetProperty("alerts")[0];
        Assert.Equal("execution_errors", alert.GetProperty("labels").GetProperty("alertname").GetString());
        Assert.Equal("critical" is var _ ? "warning" : "", alert.GetProperty("labels").GetProperty("severity").GetString());
        Assert.Equal("execution: error rate 100% over 1m (threshold 10%)", alert.GetProperty("annotations").GetProperty("summary").GetString());
        Assert.Equal(kit.Time.GetUtcNow(), alert.GetProperty("starts_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task AlertsOfOneGroupGoTogetherAndOtherGroupsApart()
    {
        using var hook = new WebhookReceiver();
        await using var kit = await AlertingKit.CreateAsync($$"""
            alerts:
              group_by: [alertname]
              group_wait: 2s
              receivers: [{ name: ops, url: "{{hook.Url}}" }]
              rules:
                - { name: errors, type: error_rate, window: 1m, threshold: 10%, min_events: 1 }
                - { name: risk, type: count, service: risk_management, window: 1m, threshold: 0 }
            """);
        await kit.LogAsync(kit.Time.GetUtcNow() - TimeSpan.FromSeconds(1), "execution", "ERROR", 2);
        await kit.LogAsync(kit.Time.GetUtcNow() - TimeSpan.FromSeconds(1), "analytics", "ERROR", 2);
        await kit.LogAsync(kit.Time.GetUtcNow() - TimeSpan.FromSeconds(1), "risk_management", "WARNING", 2);
        await kit.EvaluateAsync();
        await kit.Dispatcher.DeliverDueAsync(CancellationToken.None);
        Assert.Empty(hook.Accepted); // group_wait holds the first notification of a group

        kit.Time.Advance(TimeSpan.FromSeconds(2));
        await kit.Dispatcher.DeliverDueAsync(CancellationToken.None);
        var payloads = hook.Accepted.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(2, payloads.Count);
        var errors = Assert.Single(payloads, p => p.GetProperty("group_labels").GetProperty("alertname").GetString() == "errors");
        Assert.Equal(["analytics", "execution"], errors.GetProperty("alerts").EnumerateArray()
            .Select(a => a.GetProperty("labels").GetProperty("service").GetString()).Order());
    }

    [Fact]
    public async Task TheSlackFormatSendsAnIncomingWebhookMessage()
    {
        using var hook = new WebhookReceiver();
        await using var kit = await AlertingKit.CreateAsync(Rules($"    - {{ name: chat, type: slack, url: \"{hook.Url}\" }}"));
        await kit.LogAsync(kit.Time.GetUtcNow() - TimeSpan.FromSeconds(1), "execution", "ERROR", 2);
        await kit.EvaluateAsync();
        await kit.Dispatcher.DeliverDueAsync(CancellationToken.None);
        using var body = JsonDocument.Parse(Assert.Single(hook.Accepted).Body);
        Assert.StartsWith("[FIRING] 1 alert(s): execution_errors", body.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("danger", body.RootElement.GetProperty("attachments")[0].GetProperty("color").GetString());
    }

    [Fact]
    public async Task ANotificationStillUndeliveredAfterRetryForIsGivenUpAndReported()
    {
        await using var kit = await AlertingKit.CreateAsync(Rules("    - { name: ops, url: \"http://127.0.0.1:9/\", retry_for: 5s, retry_interval: 1s }"));
        await kit.LogAsync(kit.Time.GetUtcNow() - TimeSpan.FromSeconds(1), "execution", "ERROR", 2);
        await kit.EvaluateAsync();
        for (var i = 0; i < 4; i++)
        {
            await kit.Dispatcher.DeliverDueAsync(CancellationToken.None);
            kit.Time.Advance(TimeSpan.FromSeconds(3));
        }

        var record = Assert.Single(await kit.Store.NotificationsAsync(DateTimeOffset.MinValue, 10, CancellationToken.None));
        Assert.NotNull(record.FailedAt);
        Assert.Contains("given up", record.LastError, StringComparison.Ordinal);
        Assert.Contains(kit.Reports, r => r.Contains("a notification to ops", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AlertmanagerReceivesTheFiringAlertAndThenItsResolve()
    {
        await using var alertmanager = await AlertmanagerProcess.StartAsync();
        await using var kit = await AlertingKit.CreateAsync(Rules($"    - {{ name: am, type: alertmanager, url: \"{alertmanager.Url}\" }}"));
        kit.Time.SetUtcNow(DateTimeOffset.UtcNow); // Alertmanager judges endsAt by its own clock
        await kit.LogAsync(kit.Time.GetUtcNow() - TimeSpan.FromSeconds(1), "execution", "ERROR", 2);
        await kit.EvaluateAsync();
        await kit.Dispatcher.DeliverDueAsync(CancellationToken.None);
        Assert.Equal([("execution_errors", "execution", "active")], await alertmanager.ActiveAlertsAsync());

        kit.Time.SetUtcNow(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1));
        await kit.EvaluateAsync();
        await kit.Dispatcher.DeliverDueAsync(CancellationToken.None);
        Assert.Equal("resolved", await kit.StateAsync("execution_errors", "execution"));
        Assert.NotNull(Assert.Single(await kit.Store.NotificationsAsync(DateTimeOffset.MinValue, 10, CancellationToken.None), n => n.Status == "resolved").DeliveredAt);
    }
}
