namespace TradingLog.Alerting.Configuration;

/// <summary>
/// One entry of <c>alerts.inhibit</c>: while an alert matching <see cref="Source"/> fires, alerts matching
/// <see cref="Target"/> with the same values of the <see cref="Equal"/> labels are not notified (Alertmanager's inhibition).
/// </summary>
internal sealed record InhibitRule(IReadOnlyDictionary<string, string> Source, IReadOnlyDictionary<string, string> Target, IReadOnlyList<string> Equal);
