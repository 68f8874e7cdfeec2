namespace TradingLog.Alerting.Configuration;

/// <summary>What a rule measures; the YAML name is the snake_case form (<c>error_rate</c>).</summary>
internal enum AlertRuleType
{
    /// <summary>Share of ERROR and CRITICAL events per service over the window, with a minimum event count.</summary>
    ErrorRate,

    /// <summary>Events matching the scope in the window, above (or below) a threshold.</summary>
    Count,

    /// <summary>No matching event for longer than the window; fires also when nothing was ever seen.</summary>
    Absence,

    /// <summary>A percentile of an operation's precise duration above a threshold, per service.</summary>
    Latency,

    /// <summary>A percentile above <c>factor</c> times the same percentile over the trailing baseline, per service.</summary>
    Degradation,

    /// <summary>The share of rejected or failed trades in the window.</summary>
    TradeFailures,

    /// <summary>Spooled, dropped or dead-lettered events, or file write failures, from the services' heartbeats.</summary>
    SinkHealth,

    /// <summary>A pattern new to a service after its warm-up, or a rare pattern back after a long quiet; one alert per pattern.</summary>
    NewPattern,

    /// <summary>A pattern's rate far from its robust baseline (median and MAD; the time-of-day profile once there is history).</summary>
    Anomaly,

    /// <summary>A trend (error rate, a latency percentile, the log tables' size) forecast to cross the threshold within the horizon.</summary>
    Forecast,
}
