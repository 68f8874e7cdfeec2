namespace TradingLog.Alerting.Store;

/// <summary>One notification in the outbox: what it is about, to whom, and how its delivery went.</summary>
internal sealed record NotificationRecord(long Id, string Receiver, string GroupKey, string Rule, string Fingerprint, string Status, string Alert,
    DateTimeOffset CreatedAt, Guid? BatchId, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt, DateTimeOffset? FailedAt,
    string? LastError);
