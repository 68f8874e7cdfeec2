namespace TradingLog.Alerting.Configuration;

/// <summary>The YAML names of <see cref="AlertRuleType"/> and what each rule's value means.</summary>
internal static class AlertRuleTypes
{
    public static readonly IReadOnlyDictionary<string, AlertRuleType> ByName = new Dictionary<string, AlertRuleType>(StringComparer.Ordinal)
    {
        ["error_rate"] = AlertRuleType.ErrorRate,
        ["count"] = AlertRuleType.Count,
        ["absence"] = AlertRuleType.Absence,
        ["latency"] = AlertRuleType.Latency,
        ["degradation"] = AlertRuleType.Degradation,
        ["trade_failures"] = AlertRuleType.TradeFailures,
        ["sink_health"] = AlertRuleType.SinkHealth,
        ["new_pattern"] = AlertRuleType.NewPattern,
        ["anomaly"] = AlertRuleType.Anomaly,
        ["forecast"] = AlertRuleType.Forecast,
    };

    public static string NameOf(AlertRuleType type) => ByName.First(p => p.Value == type).Key;

    /// <summary>Whether the rule's value is a share from 0 to 1, shown in percent.</summary>
    public static bool IsShare(AlertRuleType type) => type is AlertRuleType.ErrorRate or AlertRuleType.TradeFailures;
}
