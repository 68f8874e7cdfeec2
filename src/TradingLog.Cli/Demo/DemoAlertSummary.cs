using TradingLog.Alerting.Store;
using TradingLog.PostgreSql.Queries;
using TradingSystem;

namespace TradingLog.Cli.Demo;

/// <summary>What the demo's alerting did: the incidents injected, each alert's firing and resolve times, the notification service's deliveries.</summary>
internal sealed record DemoAlertSummary(DateTimeOffset Start, IReadOnlyList<Incident> Incidents, IReadOnlyList<DemoAlertSummary.Episode> Alerts,
    IReadOnlyList<DemoAlertSummary.Delivery> Deliveries)
{
    /// <summary>How the pattern and forecast rules did against the labelled incidents.</summary>
    public IReadOnlyList<DetectionScore> Detection { get; init; } = [];

    /// <summary>One firing of one alert: when it fired and resolved (null while it still fires), in seconds since the start too.</summary>
    public sealed record Episode(string Rule, string? Service, DateTimeOffset FiredAt, DateTimeOffset? ResolvedAt, string? Detail);

    /// <summary>How many notifications of a rule and status the notification service logged as delivered.</summary>
    public sealed record Delivery(string Rule, string Status, long Count);

    /// <summary>How long after an incident ends an alert it raised may still fire: the rules' windows are 3 s, plus an evaluation.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    /// <summary>The incident under way (or just over) when the alert fired, or null: an alert of normal trading.</summary>
    public string? IncidentOf(Episode alert) =>
        Incidents.Where(i => alert.FiredAt >= i.StartsAt && alert.FiredAt <= i.EndsAt + Grace).Select(i => i.Name).LastOrDefault();

    public static async Task<DemoAlertSummary> BuildAsync(AlertStore store, LogQueries queries, string runId, DateTimeOffset start,
        IReadOnlyList<Incident> incidents, TradingLog.Alerting.Configuration.AlertingSettings settings, CancellationToken cancellationToken)
    {
        var history = (await store.HistoryAsync(start, null, 10_000, cancellationToken)).OrderBy(h => h.At).ThenBy(h => h.Id).ToList();
        var episodes = new List<Episode>();
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var h in history)
        {
            if (h.To == "firing")
            {
                open[h.Fingerprint] = episodes.Count;
                episodes.Add(new Episode(h.Rule, h.Labels.GetValueOrDefault("service"), h.At, null, h.Detail));
            }
            else if (h.To is "resolved" or "inactive" && open.Remove(h.Fingerprint, out var index))
            {
                episodes[index] = episodes[index] with { ResolvedAt = h.At };
            }
        }

        var delivered = await queries.LogsAsync(new LogFilter
        {
            Services = [ServiceNames.Notification], EventType = AlertDelivery.DeliveryEvent, From = start, PropertyName = "RunId", PropertyValue = runId,
        }, 10_000, withMetadata: true, cancellationToken: cancellationToken);
        var deliveries = delivered
            .Select(d => (Rule: Property(d.Metadata, "AlertRule"), Status: Property(d.Metadata, "AlertStatus")))
            .GroupBy(d => d)
            .Select(g => new Delivery(g.Key.Rule, g.Key.Status, g.LongCount()))
            .OrderBy(d => d.Rule, StringComparer.Ordinal).ThenBy(d => d.Status, StringComparer.Ordinal)
            .ToList();
        var summary = new DemoAlertSummary(start, incidents, episodes, deliveries);
        return summary with { Detection = await DetectionScoring.ScoreAsync(summary, settings, queries, cancellationToken) };
    }

    private static string Property(string? metadata, string name)
    {
        if (metadata is null)
        {
            return "";
        }

        using var document = System.Text.Json.JsonDocument.Parse(metadata);
        return document.RootElement.TryGetProperty("properties", out var properties) && properties.TryGetProperty(name, out var value)
            ? value.ToString()
            : "";
    }
}
