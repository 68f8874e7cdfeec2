namespace TradingLog.Alerting.Engine;

/// <summary>The stored state of one alert: a rule for one set of labels (one service, or the rule's whole scope).</summary>
internal sealed class AlertInstance
{
    public required string Rule { get; init; }
    public required string Fingerprint { get; init; }
    public required IReadOnlyDictionary<string, string> Labels { get; init; }
    public AlertStatus Status { get; set; }

    /// <summary>When the condition became true in this episode (start of pending).</summary>
    public DateTimeOffset? ActiveSince { get; set; }
    public DateTimeOffset? FiringSince { get; set; }

    /// <summary>The last evaluation at which the condition was true (for <c>keep_firing_for</c>).</summary>
    public DateTimeOffset? LastTrueAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public double? Value { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset EvaluatedAt { get; set; }

    /// <summary>Receivers were told that this episode fires (so they are told when it resolves).</summary>
    public bool Notified { get; set; }
    public DateTimeOffset? LastNotifiedAt { get; set; }
    public DateTimeOffset? LastResentAt { get; set; }

    /// <summary>Firing and resolve transitions within the flapping window, oldest first.</summary>
    public List<DateTimeOffset> Flips { get; init; } = [];
    public bool Flapping { get; set; }

    /// <summary>Why the last evaluation failed; null when it succeeded.</summary>
    public string? Error { get; set; }
}
