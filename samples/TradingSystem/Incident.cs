namespace TradingSystem;

/// <summary>
/// One incident the demo injects into the trading system, for a window of time: a labelled run records what was
/// injected and when, so that the alerts it raises can be checked against it. Shared by the orchestrator and the services.
/// </summary>
/// <param name="Name">One of <see cref="BrokerOutage"/>, <see cref="RiskLatency"/>, <see cref="FeedSilent"/>, <see cref="RiskBurst"/>.</param>
/// <param name="StartsAt">When it begins (UTC).</param>
/// <param name="EndsAt">When it ends (UTC).</param>
internal sealed record Incident(string Name, DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    /// <summary>The broker gateway refuses every order: execution fails trades and logs errors.</summary>
    public const string BrokerOutage = "broker_outage";

    /// <summary>Risk checks take 150 to 300 ms instead of well under one.</summary>
    public const string RiskLatency = "risk_latency";

    /// <summary>The market-data feed sends nothing.</summary>
    public const string FeedSilent = "feed_silent";

    /// <summary>Most orders breach a risk limit: a burst of risk violations and rejected trades.</summary>
    public const string RiskBurst = "risk_burst";

    /// <summary>
    /// The demo's plan for a run of <paramref name="duration"/> starting at <paramref name="start"/>: the four incidents,
    /// partly overlapping, all over by three quarters of the run so that their alerts resolve before it ends.
    /// </summary>
    public static IReadOnlyList<Incident> Plan(DateTimeOffset start, TimeSpan duration)
    {
        Incident At(string name, double from, double to) => new(name, start + duration * from, start + duration * to);
        return [At(BrokerOutage, 0.15, 0.35), At(RiskLatency, 0.30, 0.50), At(FeedSilent, 0.45, 0.60), At(RiskBurst, 0.60, 0.75)];
    }
}
