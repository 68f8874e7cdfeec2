namespace TradingLog.Alerting.Store;

/// <summary>A rule's value for one alert at one evaluation, for the dashboard's charts.</summary>
internal sealed record AlertValue(string Rule, string Fingerprint, DateTimeOffset At, double? Value);
