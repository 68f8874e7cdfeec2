using System.Text.Json;
using TradingLog.Alerting.Configuration;
using TradingLog.Alerting.Engine;

namespace TradingLog.Alerting.Delivery;

/// <summary>
/// One alert as a notification carries it, stored in the outbox as JSON when the evaluation decides to notify: status,
/// labels, summary and description, value, times and a link to the dashboard's alerts page.
/// </summary>
internal sealed record AlertDocument(string Status, string Rule, string Fingerprint, IReadOnlyDictionary<string, string> Labels, string Summary,
    string Description, double? Value, string ValueText, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? DashboardUrl)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static AlertDocument Of(string status, AlertRule rule, AlertInstance alert, AlertingSettings settings) => new(
        status, rule.Name, alert.Fingerprint, alert.Labels, AlertFormat.Summary(rule, alert), alert.Description ?? "", alert.Value,
        AlertFormat.Value(rule, alert.Value), alert.FiringSince ?? alert.ActiveSince, status == "resolved" ? alert.ResolvedAt : null,
        settings.DashboardUrl is { } url ? new Uri(url, "#/alerts/" + Uri.EscapeDataString(rule.Name)).ToString() : null);

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static AlertDocument FromJson(string json) => JsonSerializer.Deserialize<AlertDocument>(json, Options)!;
}
