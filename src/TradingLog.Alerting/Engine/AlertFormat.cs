using System.Globalization;
using TradingLog.Alerting.Configuration;

namespace TradingLog.Alerting.Engine;

/// <summary>A rule's values and thresholds in words, in the unit of its type.</summary>
internal static class AlertFormat
{
    public static string Value(AlertRule rule, double? value) => value is not { } v
        ? rule.Type == AlertRuleType.Absence ? "over " + AlertDuration.Describe(Rules.RuleEvaluator.Lookback(rule)) : "no data"
        : rule.Type == AlertRuleType.Forecast ? Rules.ForecastRule.Show(rule, v) : Of(rule.Type, v);

    public static string Threshold(AlertRule rule) => rule.Type switch
    {
        AlertRuleType.Absence => AlertDuration.Format(rule.Window),
        AlertRuleType.Degradation => rule.Factor.ToString("0.##", CultureInfo.InvariantCulture) + "x",
        AlertRuleType.Count => (rule.Below ? "< " : "> ") + rule.Threshold.ToString("0.##", CultureInfo.InvariantCulture),
        AlertRuleType.NewPattern => "new after " + AlertDuration.Format(rule.WarmUp) +
            (rule.ReturnAfter is { } quiet ? ", or back after " + AlertDuration.Format(quiet) : ""),
        AlertRuleType.Anomaly => rule.Sensitivity.ToString("0.#", CultureInfo.InvariantCulture) + " spreads",
        AlertRuleType.Forecast => Rules.ForecastRule.Show(rule, rule.Threshold) + " within " + AlertDuration.Format(rule.Horizon),
        _ => Of(rule.Type, rule.Threshold),
    };

    private static string Of(AlertRuleType type, double v) => type switch
    {
        AlertRuleType.ErrorRate or AlertRuleType.TradeFailures => (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%",
        AlertRuleType.Absence => AlertDuration.Describe(TimeSpan.FromSeconds(v)),
        AlertRuleType.Latency => v.ToString(v < 10 ? "0.###" : "0.#", CultureInfo.InvariantCulture) + " ms",
        AlertRuleType.Degradation => v.ToString("0.##", CultureInfo.InvariantCulture) + "x",
        AlertRuleType.Anomaly => v.ToString("+0.#;-0.#", CultureInfo.InvariantCulture) + " spreads",
        _ => v.ToString("0.##", CultureInfo.InvariantCulture),
    };

    /// <summary>The summary a rule gets when it sets none.</summary>
    public static string DefaultSummary(AlertRule rule) => rule.Type switch
    {
        AlertRuleType.ErrorRate => "{service}: error rate {value} over {window} (threshold {threshold})",
        AlertRuleType.Count => "{alertname}: {value} matching events in {window} (threshold {threshold})",
        AlertRuleType.Absence => "{alertname}: no matching event for {value} (allowed {threshold})",
        AlertRuleType.Latency => "{service}: latency {value} over {window} (threshold {threshold})",
        AlertRuleType.Degradation => "{service}: latency at {value} its baseline (threshold {threshold})",
        AlertRuleType.TradeFailures => "{alertname}: {value} of trades rejected or failed over {window} (threshold {threshold})",
        AlertRuleType.NewPattern => "{service}: new pattern {labels.pattern}",
        AlertRuleType.Anomaly => "{service}: pattern {labels.pattern} at {value} from its baseline",
        AlertRuleType.Forecast => "{alertname}: {value} now, forecast past {threshold}",
        _ => "{service}: sink health {value} (threshold {threshold})",
    };

    public static string Summary(AlertRule rule, AlertInstance alert) =>
        rule.Summary is null && alert.Value is null && rule.Type != AlertRuleType.Absence
            // Nothing measured (no samples, no baseline yet): what was found says more than a template with a hole.
            ? $"{alert.Labels.GetValueOrDefault("service", rule.Name)}: {alert.Description ?? "no data"}"
            : SummaryTemplate.Render(rule.Summary ?? DefaultSummary(rule), new Dictionary<string, string>
        {
            ["alertname"] = rule.Name,
            ["rule"] = rule.Name,
            ["service"] = alert.Labels.GetValueOrDefault("service", "all services"),
            ["value"] = Value(rule, alert.Value),
            ["threshold"] = Threshold(rule),
            ["window"] = AlertDuration.Format(rule.Window),
            ["severity"] = rule.Severity,
            ["type"] = AlertRuleTypes.NameOf(rule.Type),
        }, alert.Labels);
}
