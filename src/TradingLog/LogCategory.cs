namespace TradingLog;

/// <summary>The design's log categories. Every event carries exactly one; <see cref="System"/> is the default.</summary>
public enum LogCategory
{
    /// <summary>Service health, errors, startup and shutdown.</summary>
    System = 0,

    /// <summary>Trade executions, orders, positions.</summary>
    Trading,

    /// <summary>Execution times and memory usage.</summary>
    Performance,

    /// <summary>Signal generation and backtesting results.</summary>
    Strategy,

    /// <summary>Risk calculations, violations and alerts.</summary>
    Risk,
}
