using System.Text.Json;
using System.Text.Json.Nodes;
using TradingLog.Alerting.Configuration;

namespace TradingLog.Alerting.Delivery;

/// <summary>The bodies a batch of notifications is sent as: TradingLog's JSON, Slack's incoming-webhook message, Alertmanager's v2 alerts.</summary>
internal static class NotificationPayloads
{
    /// <summary>
    /// TradingLog's webhook JSON, shaped like Alertmanager's webhook payload so that tools that read one read the other:
    /// <c>version</c>, <c>idempotency_key</c>, <c>receiver</c>, <c>status</c>, <c>group_key</c>, <c>group_labels</c>,
    /// <c>common_labels</c>, <c>alerts[]</c>.
    /// </summary>
    public static string Json(string receiver, Guid batch, string groupKey, IReadOnlyList<AlertDocument> alerts, IReadOnlyList<string> groupBy)
    {
        var common = alerts[0].Labels.Where(l => alerts.All(a => a.Labels.GetValueOrDefault(l.Key) == l.Value)).ToDictionary();
        var body = new JsonObject
        {
            ["version"] = "1",
            ["idempotency_key"] = batch.ToString(),
            ["receiver"] = receiver,
            ["status"] = Status(alerts),
            ["group_key"] = groupKey,
            ["group_labels"] = Object(common.Where(l => groupBy.Contains(l.Key)).ToDictionary()),
            ["common_labels"] = Object(common),
            ["alerts"] = new JsonArray(alerts.Select(a => (JsonNode)new JsonObject
            {
                ["status"] = a.Status,
                ["rule"] = a.Rule,
                ["fingerprint"] = a.Fingerprint,
                ["labels"] = Object(a.Labels),
                ["annotations"] = new JsonObject { ["summary"] = a.Summary, ["description"] = a.Description },
                ["value"] = a.Value,
                ["value_text"] = a.ValueText,
                ["starts_at"] = a.StartsAt,
                ["ends_at"] = a.EndsAt,
                ["dashboard_url"] = a.DashboardUrl,
            }).ToArray()),
        };
        return body.ToJsonString();
    }

    /// <summary>A Slack incoming-webhook message: a text line per alert, coloured by status.</summary>
    public static string Slack(IReadOnlyList<AlertDocument> alerts)
    {
        var status = Status(alerts);
        var lines = alerts.Select(a => $"*[{a.Status.ToUpperInvariant()}]* {a.Summary}" + (a.DashboardUrl is { } url ? $" <{url}|dashboard>" : ""));
        return new JsonObject
        {
            ["text"] = $"[{status.ToUpperInvariant()}] {alerts.Count} alert(s): {string.Join(", ", alerts.Select(a => a.Rule).Distinct())}",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["color"] = status == "resolved" ? "good" : status == "flapping" ? "warning" : "danger",
                ["text"] = string.Join("\n", lines),
                ["mrkdwn_in"] = new JsonArray("text"),
            }),
        }.ToJsonString();
    }

    /// <summary>
    /// Alertmanager's <c>POST /api/v2/alerts</c> body. A firing alert's <c>endsAt</c> lies ahead (<paramref name="firingEndsAt"/>),
    /// as Prometheus sends it, so that Alertmanager resolves it by itself if TradingLog stops sending; a resolved one's is its
    /// resolve time.
    /// </summary>
    public static string Alertmanager(IReadOnlyList<AlertDocument> alerts, DateTimeOffset firingEndsAt)
    {
        var array = new JsonArray();
        foreach (var a in alerts.Where(a => a.Status is "firing" or "resolved"))
        {
            var alert = new JsonObject
            {
                ["labels"] = Object(a.Labels),
                ["annotations"] = new JsonObject { ["summary"] = a.Summary, ["description"] = a.Description, ["value"] = a.ValueText },
                ["startsAt"] = (a.StartsAt ?? firingEndsAt).UtcDateTime.ToString("O"),
                ["endsAt"] = (a.Status == "resolved" ? a.EndsAt ?? DateTimeOffset.UtcNow : firingEndsAt).UtcDateTime.ToString("O"),
            };
            if (a.DashboardUrl is { } url)
            {
                alert["generatorURL"] = url;
            }

            array.Add(alert);
        }

        return array.ToJsonString();
    }

    private static string Status(IReadOnlyList<AlertDocument> alerts) =>
        alerts.Any(a => a.Status == "firing") ? "firing" : alerts.Any(a => a.Status == "flapping") ? "flapping" : "resolved";

    private static JsonObject Object(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var o = new JsonObject();
        foreach (var (k, v) in pairs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            o[k] = v;
        }

        return o;
    }
}
