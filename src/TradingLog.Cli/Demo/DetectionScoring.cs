using TradingLog.Alerting.Configuration;
using TradingLog.PostgreSql.Queries;
using TradingSystem;

namespace TradingLog.Cli.Demo;

/// <summary>
/// Scores <c>new_pattern</c>, <c>anomaly</c> and <c>forecast</c> rules against the incidents a labelled run injected, each
/// kind against the incidents it is meant to find: a new error message (the deployment, the broker outage's errors), a
/// burst of one pattern and a silent feed (anomaly), a latency drift (forecast, which must fire before the threshold).
/// </summary>
internal static class DetectionScoring
{
    /// <summary>Per kind, the incidents it should find and the service where their alert must be.</summary>
    public static readonly IReadOnlyDictionary<AlertRuleType, (string Incident, string Service)[]> Expected =
        new Dictionary<AlertRuleType, (string, string)[]>
        {
            [AlertRuleType.NewPattern] = [(Incident.Deployment, ServiceNames.Execution)],
            [AlertRuleType.Anomaly] = [(Incident.RiskBurst, ServiceNames.RiskManagement), (Incident.FeedSilent, ServiceNames.DataIngestion)],
            [AlertRuleType.Forecast] = [(Incident.LatencyDrift, ServiceNames.Analytics)],
        };

    public static async Task<IReadOnlyList<DetectionScore>> ScoreAsync(DemoAlertSummary summary, AlertingSettings settings, LogQueries queries,
        CancellationToken cancellationToken)
    {
        var scores = new List<DetectionScore>();
        foreach (var (type, expectedNames) in Expected)
        {
            var rules = settings.Rules.Where(r => r.Type == type).ToList();
            if (rules.Count == 0)
            {
                continue;
            }

            var names = rules.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            var episodes = summary.Alerts.Where(a => names.Contains(a.Rule)).ToList();
            var expected = summary.Incidents.Select(i => (Incident: i, Service: expectedNames.FirstOrDefault(e => e.Incident == i.Name).Service))
                .Where(e => e.Service is not null).ToList();
            var delays = new List<double>();
            var detected = 0;
            foreach (var (incident, service) in expected)
            {
                var first = episodes.Where(a => a.Service == service && a.FiredAt >= incident.StartsAt && a.FiredAt <= incident.EndsAt + DemoAlertSummary.Grace)
                    .OrderBy(a => a.FiredAt).FirstOrDefault();
                if (first is null)
                {
                    continue;
                }

                detected++;
                var from = type == AlertRuleType.Forecast
                    ? await CrossingAsync(rules[0], incident, queries, cancellationToken) ?? incident.EndsAt
                    : incident.StartsAt;
                delays.Add(Math.Round((first.FiredAt - from).TotalSeconds, 1));
            }

            scores.Add(new DetectionScore(AlertRuleTypes.NameOf(type), episodes.Count, episodes.Count(a => summary.IncidentOf(a) is not null),
                expected.Count, detected, delays,
                type == AlertRuleType.Forecast ? "from the threshold's crossing (negative: before it)" : "from the incident's start"));
        }

        return scores;
    }

    /// <summary>When the forecast rule's measure first reached its threshold during the incident, by one-second buckets; null if never.</summary>
    private static async Task<DateTimeOffset?> CrossingAsync(AlertRule rule, Incident incident, LogQueries queries, CancellationToken cancellationToken)
    {
        if (rule.Metric != "latency")
        {
            return null;
        }

        var series = await queries.LatencySeriesAsync(incident.StartsAt, incident.EndsAt + DemoAlertSummary.Grace, TimeSpan.FromSeconds(1),
            rule.Percentile, rule.Service, rule.Operation, cancellationToken);
        return series.FirstOrDefault(p => p.Value >= rule.Threshold)?.Start;
    }
}
