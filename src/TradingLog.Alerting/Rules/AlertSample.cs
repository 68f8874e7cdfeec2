namespace TradingLog.Alerting.Rules;

/// <summary>One evaluation of one alert of a rule: for a service (or the whole scope), its value and whether it breaches.</summary>
/// <param name="Service">The service this alert is about; null when the rule has one alert for its whole scope.</param>
/// <param name="Value">The measured value (its unit depends on the rule type); null when there is none (nothing seen).</param>
/// <param name="Breached">Whether the condition is true.</param>
/// <param name="Description">The value in words: "12 of 150 events (8.0%)".</param>
/// <param name="Labels">Labels that tell this alert from the rule's others besides its service (a pattern's ID and template).</param>
internal sealed record AlertSample(string? Service, double? Value, bool Breached, string Description,
    IReadOnlyDictionary<string, string>? Labels = null);
