using System.Net;
using System.Security.Cryptography;
using System.Text;
using Serilog.Events;
using TradingLog.Alerting.Configuration;
using TradingLog.Alerting.Store;

namespace TradingLog.Alerting.Delivery;

/// <summary>
/// Sends due notifications from the outbox: one POST per receiver and group batch, with an idempotency key (the batch
/// ID, kept through retries) and, when the receiver has a secret, an HMAC-SHA256 signature of the body. Failures are
/// retried with doubling back-off until the receiver's <c>retry_for</c>; a receiver that answers 4xx (other than 408 and
/// 429) will not accept the notification later, so it is given up at once. Either end is logged and reported.
/// </summary>
internal sealed class NotificationDispatcher(AlertingSettings settings, AlertStore store, HttpClient http, TimeProvider time,
    TradingLogger? log = null, Action<string>? report = null)
{
    public const string SignatureHeader = "X-TradingLog-Signature";
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string DeliveredEvent = "alert.notification.delivered";
    public const string FailedEvent = "alert.notification.failed";

    /// <summary>Sends every batch due now; returns how many batches were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var attempted = 0;
        while (attempted < 100 && await store.ClaimBatchAsync(time.GetUtcNow(), cancellationToken) is { } batch)
        {
            attempted++;
            await store.DeliverBatchAsync(batch, rows => SendAsync(batch, rows, cancellationToken), cancellationToken);
        }

        return attempted;
    }

    private async Task<DeliveryOutcome> SendAsync(Guid batch, IReadOnlyList<NotificationRecord> rows, CancellationToken cancellationToken)
    {
        var first = rows[0];
        if (!settings.Receivers.TryGetValue(first.Receiver, out var receiver))
        {
            return Finish(rows, failed: true, $"the receiver {first.Receiver} is no longer configured");
        }

        var alerts = rows.Select(r => AlertDocument.FromJson(r.Alert)).ToList();
        var now = time.GetUtcNow();
        var (error, retry) = await PostAsync(receiver, batch, first.GroupKey, alerts, cancellationToken);
        if (error is null)
        {
            return Finish(rows, failed: false, null);
        }

        var attempts = first.Attempts + 1;
        if (!retry || now - first.CreatedAt >= receiver.RetryFor)
        {
            return Finish(rows, failed: true, error + (retry ? $"; given up after {attempts} attempts" : "; not retried"));
        }

        if (attempts == 1)
        {
            report?.Invoke($"a notification to {receiver.Name} failed ({error}); retrying with back-off for up to {AlertDuration.Describe(receiver.RetryFor)}");
        }

        var delay = TimeSpan.FromTicks(Math.Min(AlertReceiver.MaxRetryInterval.Ticks, receiver.RetryInterval.Ticks * (1L << Math.Min(attempts - 1, 20))));
        log?.ForCategory(LogCategory.System).WithProperty(LogProperties.EventType, FailedEvent)
            .Write(LogEventLevel.Warning, null, "Notification to {Receiver} failed (attempt {Attempt}), retrying in {Delay}: {Error}",
                [receiver.Name, attempts, AlertDuration.Format(delay), error]);
        return new DeliveryOutcome(null, now + delay, null, error);
    }

    /// <summary>
    /// Posts <paramref name="alerts"/> to <paramref name="receiver"/> once, in its format. Returns null on a 2xx answer, else
    /// why not and whether a retry may succeed.
    /// </summary>
    public async Task<(string? Error, bool Retry)> PostAsync(AlertReceiver receiver, Guid batch, string groupKey, IReadOnlyList<AlertDocument> alerts,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        string body;
        Uri url;
        if (receiver.Kind == ReceiverKind.Alertmanager)
        {
            body = NotificationPayloads.Alertmanager(alerts, now + 4 * settings.ResendInterval);
            url = new Uri(receiver.Url, receiver.Url.AbsolutePath.TrimEnd('/') + "/api/v2/alerts");
        }
        else
        {
            body = receiver.Slack
                ? NotificationPayloads.Slack(alerts)
                : NotificationPayloads.Json(receiver.Name, batch, groupKey, alerts, settings.GroupBy);
            url = receiver.Url;
        }

        string? error;
        var retry = true;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation(IdempotencyHeader, batch.ToString());
            if (receiver.Secret is { } secret)
            {
                request.Headers.TryAddWithoutValidation(SignatureHeader, "sha256=" + Sign(secret, body));
            }

            foreach (var (name, value) in receiver.Headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(receiver.Timeout);
            using var response = await http.SendAsync(request, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return (null, false);
            }

            var code = (int)response.StatusCode;
            retry = code >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
            error = $"{url} answered {code} {response.ReasonPhrase}{(text.Length > 0 ? ": " + text[..Math.Min(text.Length, 200)] : "")}";
        }
        catch (Exception e) when ((e is HttpRequestException or OperationCanceledException) && !cancellationToken.IsCancellationRequested)
        {
            error = e is TaskCanceledException or OperationCanceledException
                ? $"{url} did not answer within {AlertDuration.Format(receiver.Timeout)}"
                : $"{url}: {e.Message}";
        }

        return (error, retry);
    }

    private DeliveryOutcome Finish(IReadOnlyList<NotificationRecord> rows, bool failed, string? error)
    {
        var now = time.GetUtcNow();
        var first = rows[0];
        var rules = string.Join(", ", rows.Select(r => $"{r.Rule} {r.Status}").Distinct());
        if (failed)
        {
            log?.ForCategory(LogCategory.System).WithProperty(LogProperties.EventType, FailedEvent)
                .Write(LogEventLevel.Error, null, "Notification to {Receiver} was given up ({Alerts}): {Error}", [first.Receiver, rules, error]);
            report?.Invoke($"a notification to {first.Receiver} ({rules}) was given up: {error}");
            return new DeliveryOutcome(null, null, now, error);
        }

        log?.ForCategory(LogCategory.System).WithProperty(LogProperties.EventType, DeliveredEvent)
            .Write(LogEventLevel.Information, null, "Notification delivered to {Receiver}: {Alerts}", [first.Receiver, rules]);
        return new DeliveryOutcome(now, null, null, null);
    }

    /// <summary>The hex HMAC-SHA256 of <paramref name="body"/> under <paramref name="secret"/>, as the signature header carries it.</summary>
    public static string Sign(string secret, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
}
