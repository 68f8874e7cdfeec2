namespace TradingLog.Alerting.Store;

/// <summary>How one delivery attempt of a batch ended: delivered, to be retried at a time, or given up.</summary>
internal sealed record DeliveryOutcome(DateTimeOffset? DeliveredAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? FailedAt, string? Error);
