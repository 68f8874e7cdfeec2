namespace TradingLog.Alerting.Store;

/// <summary>A silence: alerts whose labels match every matcher are not notified from <see cref="StartsAt"/> to <see cref="EndsAt"/>.</summary>
internal sealed record AlertSilence(long Id, IReadOnlyDictionary<string, string> Matchers, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string? CreatedBy, string? Comment, DateTimeOffset CreatedAt);
