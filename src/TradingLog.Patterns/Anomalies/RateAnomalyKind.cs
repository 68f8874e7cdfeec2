namespace TradingLog.Patterns.Anomalies;

/// <summary>How a rate departs from its baseline.</summary>
internal enum RateAnomalyKind
{
    /// <summary>Within the baseline's spread.</summary>
    None,

    /// <summary>Far above: a burst of the pattern.</summary>
    Spike,

    /// <summary>Far below: a pattern that usually flows has (nearly) stopped.</summary>
    Drop,
}
