namespace TradingLog.Alerting.Engine;

/// <summary>A change of an alert's state, stored in the history and logged as a System event.</summary>
/// <param name="Instance">The alert after the change.</param>
/// <param name="From">The state before; null for an alert seen for the first time.</param>
/// <param name="To">The state after, or <c>flapping</c>, <c>flapping_ended</c>, <c>error</c>.</param>
/// <param name="At">When.</param>
/// <param name="Detail">What was measured, or the error.</param>
internal sealed record AlertTransition(AlertInstance Instance, string? From, string To, DateTimeOffset At, string? Detail);
