namespace TradingSystem;

/// <summary>
/// One incident the demo injects into the trading system, for a window of time: a labelled run records what was
/// injected and when, so that the alerts it raises can be checked against it. Shared by the orchestrator and the services.
/// </summary>
/// <param name="Name">
/// One of <see cref="BrokerOutage"/>, <see cref="RiskLatency"/>, <see cref="FeedSilent"/>, <see cref="RiskBurst"/>,
/// <see cref="LatencyDrift"/>, <see cref="Deployment"/>.
/// </param>
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

    /// <summary>P&amp;L updates slow down steadily, from nothing to 200 ms extra by the end: a drift to forecast.</summary>
    public const string LatencyDrift = "latency_drift";

    /// <summary>A new release of the order router: some orders fail with an error message never seen before.</summary>
    public const string Deployment = "deployment";

    /// <summary>
    /// The demo's plan for a run of <paramref name="duration"/> starting at <paramref name="start"/>: the six incidents,
    /// partly overlapping, all over before the run ends so that their alerts resolve. The drift and the deployment come
    /// last, when orders flow again: they show in the P&amp;L updates and the order errors that the others interrupt.
    /// </summary>
    public static IReadOnlyList<Incident> Plan(DateTimeOffset start, TimeSpan duration)
    {
        Incident At(string name, double from, double to) => new(name, start + duration * from, start + duration * to);
        // The feed falls silent before the risk checks slow down: slow checks slow the whole chain, ticks too, and a feed
        // already slowed leaves no steady rate to judge its silence against.
        return [At(BrokerOutage, 0.15, 0.35), At(FeedSilent, 0.35, 0.52), At(RiskLatency, 0.50, 0.64), At(RiskBurst, 0.64, 0.76),
            At(LatencyDrift, 0.68, 0.88), At(Deployment, 0.74, 0.84)];
    }

    /// <summary>How far into the incident <paramref name="now"/> is, from 0 to 1; null outside it.</summary>
    public double? Progress(DateTimeOffset now) =>
        now >= StartsAt && now < EndsAt ? (now - StartsAt) / (EndsAt - StartsAt) : null;
}
