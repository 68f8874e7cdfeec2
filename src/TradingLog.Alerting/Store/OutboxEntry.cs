namespace TradingLog.Alerting.Store;

/// <summary>
/// A notification to queue: the alert as JSON, for one receiver and group, created by the evaluation at
/// <see cref="CreatedAt"/>, due at <see cref="DueAt"/>.
/// </summary>
internal sealed record OutboxEntry(string Receiver, string GroupKey, string Rule, string Fingerprint, string Status, string Alert,
    DateTimeOffset CreatedAt, DateTimeOffset DueAt);
