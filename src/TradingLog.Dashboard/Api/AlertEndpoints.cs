using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingLog.Alerting.Configuration;
using TradingLog.Alerting.Engine;
using TradingLog.Alerting.Rules;
using TradingLog.Dashboard.Hosting;

namespace TradingLog.Dashboard.Api;

/// <summary>
/// The Alerts page's API and the banner's: rules and their alerts with state, value, silences and errors; the history;
/// each rule's values over time; recent notifications; silences added and ended from the page.
/// </summary>
internal static class AlertEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        // GET api/alerts: every rule, its alerts, silences in force, recent notifications and who evaluates.
        api.MapGet("/alerts", async (DashboardStore store, DashboardAlerting engine, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var now = time.GetUtcNow();
            var settings = store.Alerting;
            var alerts = await store.AlertsAsync(cancellationToken);
            var states = await alerts.LoadStatesAsync(cancellationToken);
            var silences = await alerts.SilencesAsync(now, includeExpired: false, cancellationToken);
            var notifications = await alerts.NotificationsAsync(now - TimeSpan.FromDays(1), 50, cancellationToken);
            var rules = settings.Rules.ToDictionary(r => r.Name, StringComparer.Ordinal);
            var items = states.Where(s => rules.ContainsKey(s.Rule)).Select(s => Alert(s, rules[s.Rule], silences)).ToList();
            return Results.Json(new
            {
                now,
                interval_seconds = settings.Interval.TotalSeconds,
                evaluator = new
                {
                    here = engine.Service is not null,
                    leader = engine.Service?.IsLeader ?? false,
                    last_evaluation = engine.Service?.LastEvaluation?.At,
                    problem = engine.Service?.LastError ?? engine.Problem,
                    newest_evaluation = states.Count == 0 ? (DateTimeOffset?)null : states.Max(s => s.EvaluatedAt),
                },
                firing = items.Count(a => a.State == "firing"),
                rules = settings.Rules.Select(r => new
                {
                    r.Name, type = AlertRuleTypes.NameOf(r.Type), r.Severity, service = r.Service, threshold = AlertFormat.Threshold(r),
                    window = AlertDuration.Format(r.Window), @for = AlertDuration.Format(r.For), r.Source,
                    receivers = r.Receivers.Count == 0 ? settings.Receivers.Keys.ToList() : [.. r.Receivers],
                }),
                alerts = items.Select(a => a.Body),
                silences,
                notifications = notifications.Select(n => new
                {
                    n.Id, n.Receiver, n.Rule, n.Status, n.CreatedAt, n.DeliveredAt, n.FailedAt, n.Attempts, n.LastError,
                    summary = JsonDocument.Parse(n.Alert).RootElement.GetProperty("summary").GetString(),
                }),
            }, DashboardJson.Options);
        });

        // GET api/alerts/history?range=24h&rule=
        api.MapGet("/alerts/history", async (HttpRequest request, DashboardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var query = new ApiQuery(request, time);
            var alerts = await store.AlertsAsync(cancellationToken);
            var history = await alerts.HistoryAsync(query.From, query.Text("rule"), query.Int("limit", 200, 1, 5000), cancellationToken);
            return Results.Json(new { from = query.From, to = query.To, history = history.Where(h => h.At <= query.To) }, DashboardJson.Options);
        });

        // GET api/alerts/values?rule=&range=1h: the rule's value per alert over time, with its threshold.
        api.MapGet("/alerts/values", async (HttpRequest request, DashboardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var query = new ApiQuery(request, time);
            var name = query.Text("rule") ?? throw new ApiException("rule", "is required: the rule whose values to show");
            var rule = store.Alerting.Rules.FirstOrDefault(r => r.Name == name) ?? throw new ApiException("rule", $"no rule is named '{name}'");
            var alerts = await store.AlertsAsync(cancellationToken);
            var states = (await alerts.LoadStatesAsync(cancellationToken)).Where(s => s.Rule == name).ToDictionary(s => s.Fingerprint);
            var values = await alerts.ValuesAsync(query.From, name, cancellationToken);
            return Results.Json(new
            {
                rule = name,
                threshold = Threshold(rule),
                threshold_text = AlertFormat.Threshold(rule),
                unit = Unit(rule),
                series = values.Where(v => v.At <= query.To).GroupBy(v => v.Fingerprint).Select(g => new
                {
                    fingerprint = g.Key,
                    service = states.TryGetValue(g.Key, out var s) ? s.Labels.GetValueOrDefault("service") : null,
                    points = g.Select(v => new object?[] { v.At, v.Value }),
                }),
            }, DashboardJson.Options);
        });

        // GET api/alerts/forecast?rule=&to=: a forecast rule's measured series and its forecast with the 95% band to the horizon.
        api.MapGet("/alerts/forecast", async (HttpRequest request, DashboardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var query = new ApiQuery(request, time);
            var name = query.Text("rule") ?? throw new ApiException("rule", "is required: the forecast rule to show");
            var rule = store.Alerting.Rules.FirstOrDefault(r => r.Name == name) ?? throw new ApiException("rule", $"no rule is named '{name}'");
            if (rule.Type != AlertRuleType.Forecast)
            {
                throw new ApiException("rule", $"'{name}' is a {AlertRuleTypes.NameOf(rule.Type)} rule, not a forecast rule");
            }

            var measured = await ForecastRule.MeasureAsync(rule, await store.QueriesAsync(cancellationToken), query.To, cancellationToken);
            return Results.Json(new
            {
                rule = name, rule.Metric, unit = Unit(rule), threshold = rule.Threshold, threshold_text = AlertFormat.Threshold(rule),
                gate = ForecastRule.GateOf(rule), horizon_seconds = rule.Horizon.TotalSeconds,
                method = rule.Method == TradingLog.Patterns.Forecasting.ForecastMethod.Holt ? "holt" : "linear",
                current = measured.Current,
                points = measured.Points.Select((p, i) => new object[] { measured.At + TimeSpan.FromSeconds(measured.Seconds[i]), p.Value }),
                forecast = measured.Path(rule.Method).Select(p => new object[] { p.At, p.Value, p.Lower, p.Upper }),
            }, DashboardJson.Options);
        });

        // POST api/alerts/silences {"rule": "...", "service": null, "duration": "1h", "comment": "..."}
        api.MapPost("/alerts/silences", async (HttpRequest request, DashboardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            // JSON only: a cross-site form cannot send it without the browser asking this server first (CORS), so a page
            // elsewhere cannot silence alerts through a signed-in browser.
            if (!request.HasJsonContentType())
            {
                throw new ApiException("body", "must be JSON (Content-Type: application/json)");
            }

            SilenceRequest? body;
            try
            {
                body = await request.ReadFromJsonAsync<SilenceRequest>(cancellationToken);
            }
            catch (JsonException e)
            {
                throw new ApiException("body", "is not {\"rule\": \"…\", \"duration\": \"1h\", \"service\": null, \"comment\": \"…\"} with text values: " +
                    e.Message.Split(". Path", 2)[0]);
            }

            if (body is null)
            {
                throw new ApiException("body", "is empty");
            }
            var rule = store.Alerting.Rules.FirstOrDefault(r => r.Name == body.Rule) ?? throw new ApiException("rule", $"no rule is named '{body.Rule}'");
            if (!AlertDuration.TryParse(body.Duration, out var duration) || duration <= TimeSpan.Zero || duration > TimeSpan.FromDays(90))
            {
                throw new ApiException("duration", $"'{body.Duration}' is not a duration from 1s to 90d; write 30m, 1h or 1d");
            }

            var matchers = new Dictionary<string, string> { ["alertname"] = rule.Name };
            if (!string.IsNullOrWhiteSpace(body.Service))
            {
                matchers["service"] = body.Service;
            }

            var now = time.GetUtcNow();
            var alerts = await store.AlertsAsync(cancellationToken);
            var id = await alerts.AddSilenceAsync(matchers, now, now + duration, "dashboard", body.Comment, cancellationToken);
            return Results.Json(new { id, matchers, starts_at = now, ends_at = now + duration }, DashboardJson.Options,
                statusCode: StatusCodes.Status201Created);
        }).DisableAntiforgery();

        // DELETE api/alerts/silences/{id}
        api.MapDelete("/alerts/silences/{id:long}", async (long id, DashboardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var alerts = await store.AlertsAsync(cancellationToken);
            return await alerts.ExpireSilenceAsync(id, time.GetUtcNow(), cancellationToken)
                ? Results.NoContent()
                : Results.Problem($"no silence {id} is in force", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        });
    }

    private static (string State, object Body) Alert(AlertInstance a, AlertRule rule, List<TradingLog.Alerting.Store.AlertSilence> silences)
    {
        var state = AlertStateMachine.Name(a.Status);
        var silence = silences.FirstOrDefault(s => AlertLabels.Matches(a.Labels, s.Matchers));
        return (state, new
        {
            a.Rule, a.Fingerprint, a.Labels, service = a.Labels.GetValueOrDefault("service"), state, severity = rule.Severity,
            since = a.Status switch
            {
                AlertStatus.Firing => a.FiringSince,
                AlertStatus.Pending => a.ActiveSince,
                AlertStatus.Resolved => a.ResolvedAt,
                _ => null,
            },
            a.Value, value_text = AlertFormat.Value(rule, a.Value), a.Description, summary = AlertFormat.Summary(rule, a), a.Flapping, a.Error,
            silenced_by = silence?.Id, a.EvaluatedAt, a.Notified,
        });
    }

    private static double? Threshold(AlertRule rule) => rule.Type switch
    {
        AlertRuleType.Absence => rule.Window.TotalSeconds,
        AlertRuleType.Degradation => rule.Factor,
        _ => rule.Threshold,
    };

    private static string Unit(AlertRule rule) => rule.Type switch
    {
        AlertRuleType.Forecast => rule.Metric switch { "latency" => "ms", "table_size" => "bytes", _ => "share" },
        AlertRuleType.ErrorRate or AlertRuleType.TradeFailures => "share",
        AlertRuleType.Absence => "seconds",
        AlertRuleType.Latency => "ms",
        AlertRuleType.Degradation => "factor",
        AlertRuleType.Anomaly => "spreads",
        _ => "count",
    };

    private sealed record SilenceRequest(string? Rule, string? Service, string? Duration, string? Comment);
}
