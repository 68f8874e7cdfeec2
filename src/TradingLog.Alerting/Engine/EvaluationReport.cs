namespace TradingLog.Alerting.Engine;

/// <summary>What one evaluation pass did: the alerts as they now stand, their transitions, the notifications queued, rules in error.</summary>
internal sealed record EvaluationReport(DateTimeOffset At, IReadOnlyList<AlertInstance> Alerts, IReadOnlyList<AlertTransition> Transitions,
    int Notifications, IReadOnlyDictionary<string, string> Errors, DateTimeOffset NextEvaluation);
