namespace TradingLog.Alerting.Engine;

/// <summary>Where an alert is in its life: inactive → pending → firing → resolved (and pending again when it recurs).</summary>
internal enum AlertStatus
{
    /// <summary>The condition is false (or never was true).</summary>
    Inactive,

    /// <summary>The condition is true, for less than the rule's <c>for</c>.</summary>
    Pending,

    /// <summary>The condition has been true for the rule's <c>for</c>, or within its <c>keep_firing_for</c>.</summary>
    Firing,

    /// <summary>It fired and has cleared.</summary>
    Resolved,
}
