namespace TradingLog.Alerting.Store;

/// <summary>One stored transition of an alert.</summary>
internal sealed record AlertHistoryEntry(long Id, DateTimeOffset At, string Rule, string Fingerprint, IReadOnlyDictionary<string, string> Labels,
    string? From, string To, double? Value, string? Detail);
