using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingLog.Alerting.Configuration;
using TradingLog.Alerting.Rules;
using TradingLog.Dashboard.Hosting;
using TradingLog.Patterns.Assignment;

namespace TradingLog.Dashboard.Api;

/// <summary>
/// The Patterns page's API: the patterns of the range per service with their trend, which are new, which are anomalous
/// now (by the first configured <c>anomaly</c> rule, else its defaults: 1-minute buckets against the trailing hour),
/// an example, and the search that shows their events in Explore.
/// </summary>
internal static class PatternEndpoints
{
    /// <summary>Slices of each pattern's sparkline.</summary>
    public const int TrendBuckets = 30;

    public static void Map(RouteGroupBuilder api)
    {
        // GET api/patterns?range=1h&service=&new=true&limit=200
        api.MapGet("/patterns", async (HttpRequest request, DashboardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var query = new ApiQuery(request, time);
            var service = query.Text("service") is { } named ? TradingLog.Configuration.TradingLogSettings.NormalizeServiceName(named) : null;
            var queries = await store.QueriesAsync(cancellationToken);
            var patterns = await queries.PatternsAsync(query.From, query.To, service, query.Text("new") is "true" or "1", TrendBuckets,
                query.Int("limit", 200, 1, 2000), cancellationToken);
            var rule = store.Alerting.Rules.FirstOrDefault(r => r.Type == AlertRuleType.Anomaly)
                ?? new AlertRule { Name = "defaults (1-minute buckets against the trailing hour)", Type = AlertRuleType.Anomaly,
                    Window = AlertRule.DefaultAnomalyWindow };
            var anomalies = (await PatternRules.AnomaliesAsync(rule with { Scope = rule.Scope with { Services = service is null ? null : [service] } },
                    queries, query.To, cancellationToken))
                .ToDictionary(a => (a.Service, a.Labels!["pattern_id"]), a => a.Description);
            var rows = patterns.Select(p => new
                {
                    pattern_id = PatternIds.Format(p.PatternId), p.Service, p.Template, p.Source, p.Events, p.FirstSeen, p.LastSeen, is_new = p.IsNew,
                    anomaly = anomalies.GetValueOrDefault((p.Service, PatternIds.Format(p.PatternId))), trend = p.Buckets, p.Example,
                    search = $"pattern:{PatternIds.Format(p.PatternId)} service:{p.Service}",
                })
                .OrderByDescending(p => p.anomaly is not null).ThenByDescending(p => p.is_new).ThenByDescending(p => p.Events).ToList();
            return Results.Json(new
            {
                from = query.From, to = query.To, bucket_seconds = (query.To - query.From).TotalSeconds / TrendBuckets,
                anomaly_rule = rule.Name, new_count = rows.Count(r => r.is_new), anomalous_count = rows.Count(r => r.anomaly is not null),
                patterns = rows,
            }, DashboardJson.Options);
        });
    }
}
