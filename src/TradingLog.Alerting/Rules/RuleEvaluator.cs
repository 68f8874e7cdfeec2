using System.Globalization;
using TradingLog.Alerting.Configuration;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Alerting.Rules;

/// <summary>
/// Measures a rule as of an instant, through the read side's indexed queries (<see cref="LogQueries"/>). Rules over
/// services yield one sample per service seen in the window, or one for the service the scope names.
/// </summary>
internal static class RuleEvaluator
{
    /// <summary>
    /// How far back an absence rule looks for the last matching event, to say how long ago it was: an hour (or the window,
    /// if longer). Only a silent scope is looked for past its window, and that scan costs in proportion to this span
    /// (measured by the <c>alerts</c> benchmark); "nothing in the last hour" says enough.
    /// </summary>
    public static readonly TimeSpan AbsenceLookback = TimeSpan.FromHours(1);

    /// <summary>How far back an absence rule looks: <see cref="AbsenceLookback"/>, or its window if longer.</summary>
    public static TimeSpan Lookback(AlertRule rule) => rule.Window > AbsenceLookback ? rule.Window : AbsenceLookback;

    public static async Task<IReadOnlyList<AlertSample>> EvaluateAsync(AlertRule rule, LogQueries queries, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var from = at - rule.Window;
        switch (rule.Type)
        {
            case AlertRuleType.ErrorRate:
            {
                var rates = await queries.ErrorRatesAsync(rule.Scope with { From = from, To = at, IncludeArchive = false }, cancellationToken);
                var samples = rates.Select(r => ErrorRate(rule, r.Service, r.Events, r.Errors)).ToList();
                return rule.Service is { } only && samples.Count == 0 ? [ErrorRate(rule, only, 0, 0)] : samples;
            }

            case AlertRuleType.Count:
            {
                var count = await queries.CountAsync(rule.Scope with { From = from, To = at, IncludeArchive = false }, cancellationToken);
                var breached = rule.Below ? count < rule.Threshold : count > rule.Threshold;
                return [new AlertSample(rule.Service, count, breached, $"{count} events in {AlertDuration.Format(rule.Window)}")];
            }

            case AlertRuleType.Absence:
            {
                // The window first: a feed that is alive answers at once. Only a silent one is looked for further back,
                // to say since when.
                var lookback = Lookback(rule);
                var last = await queries.LastSeenAsync(rule.Scope, at, rule.Window, cancellationToken)
                    ?? await queries.LastSeenAsync(rule.Scope, at - rule.Window, lookback - rule.Window, cancellationToken);
                if (last is not { } seen)
                {
                    return [new AlertSample(rule.Service, null, true,
                        $"nothing seen in the last {AlertDuration.Describe(lookback)} (TradingLog looks no further back)")];
                }

                var silent = (at - seen).TotalSeconds;
                return [new AlertSample(rule.Service, Math.Round(silent, 3), at - seen > rule.Window,
                    $"last seen {Seconds(silent)} ago ({seen.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)")];
            }

            case AlertRuleType.Latency:
            {
                var rows = await queries.LatencyPercentilesAsync(from, at, rule.Percentile, rule.Service, rule.Operation, cancellationToken);
                var samples = rows.Select(r => new AlertSample(r.Service, Math.Round(r.Milliseconds, 3),
                    r.Samples >= rule.MinEvents && r.Milliseconds > rule.Threshold,
                    $"{P(rule)} {Ms(r.Milliseconds)} over {r.Samples} {Of(rule)}")).ToList();
                return rule.Service is { } only && samples.Count == 0 ? [new AlertSample(only, null, false, "no measurements")] : samples;
            }

            case AlertRuleType.Degradation:
            {
                var current = await queries.LatencyPercentilesAsync(from, at, rule.Percentile, rule.Service, rule.Operation, cancellationToken);
                var baseline = (await queries.LatencyPercentilesAsync(from - rule.Baseline, from, rule.Percentile, rule.Service, rule.Operation,
                        cancellationToken))
                    .ToDictionary(b => b.Service, StringComparer.Ordinal);
                var samples = new List<AlertSample>();
                foreach (var now in current)
                {
                    if (!baseline.TryGetValue(now.Service, out var before) || before.Samples < rule.MinEvents || before.Milliseconds <= 0)
                    {
                        samples.Add(new AlertSample(now.Service, null, false, $"{P(rule)} {Ms(now.Milliseconds)}; no baseline yet"));
                        continue;
                    }

                    var ratio = now.Milliseconds / before.Milliseconds;
                    samples.Add(new AlertSample(now.Service, Math.Round(ratio, 3), now.Samples >= rule.MinEvents && ratio > rule.Factor,
                        $"{P(rule)} {Ms(now.Milliseconds)} is {ratio:0.##}x its baseline {Ms(before.Milliseconds)} {Of(rule)}"));
                }

                return samples;
            }

            case AlertRuleType.TradeFailures:
            {
                var outcomes = await queries.TradeOutcomesAsync(from, at, rule.Symbol, rule.Strategy, cancellationToken);
                var bad = outcomes.Rejected + outcomes.Failed;
                var share = outcomes.Trades == 0 ? 0 : (double)bad / outcomes.Trades;
                return [new AlertSample(null, Math.Round(share, 4), outcomes.Trades >= rule.MinEvents && share > rule.Threshold,
                    $"{outcomes.Rejected} rejected and {outcomes.Failed} failed of {outcomes.Trades} trades ({Percent(share)})")];
            }

            case AlertRuleType.SinkHealth:
            {
                var heartbeats = await queries.HeartbeatsAsync(from, at, rule.Service, cancellationToken);
                var samples = SinkHealth.Measure(heartbeats, rule.Window)
                    .Select(m => new AlertSample(m.Service, m.Value(rule.Signal), m.Value(rule.Signal) > rule.Threshold, m.Describe()))
                    .ToList();
                return rule.Service is { } only && samples.Count == 0 ? [new AlertSample(only, null, false, "no heartbeat in the window")] : samples;
            }

            case AlertRuleType.NewPattern:
                return await PatternRules.NewPatternsAsync(rule, queries, at, cancellationToken);

            case AlertRuleType.Anomaly:
                return await PatternRules.AnomaliesAsync(rule, queries, at, cancellationToken);

            case AlertRuleType.Forecast:
                return await ForecastRule.EvaluateAsync(rule, queries, at, cancellationToken);

            default:
                throw new InvalidOperationException($"rule type {rule.Type} has no evaluation");
        }
    }

    private static AlertSample ErrorRate(AlertRule rule, string service, long events, long errors)
    {
        var share = events == 0 ? 0 : (double)errors / events;
        return new AlertSample(service, Math.Round(share, 4), events >= rule.MinEvents && share > rule.Threshold,
            $"{errors} of {events} events were errors ({Percent(share)})");
    }

    private static string P(AlertRule rule) => "p" + (rule.Percentile * 100).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Of(AlertRule rule) => rule.Operation is null ? "" : $"of {rule.Operation}";

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.###" : "0.#", CultureInfo.InvariantCulture) + " ms";

    private static string Seconds(double seconds) => AlertDuration.Describe(TimeSpan.FromSeconds(seconds));

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
