namespace TradingLog.Patterns.Forecasting;

/// <summary>
/// A fitted trend read at a horizon: the fitted value now, the value forecast at the horizon with its 95% band, and the
/// slope per second. Values are in the series' own unit.
/// </summary>
internal readonly record struct TrendForecast(double Now, double AtHorizon, double Lower, double Upper, double SlopePerSecond, int Points)
{
    /// <summary>When the trend reaches <paramref name="threshold"/>, from now; null when it does not rise towards it (or is past it).</summary>
    public TimeSpan? Reaches(double threshold)
    {
        if (Now >= threshold)
        {
            return TimeSpan.Zero;
        }

        return SlopePerSecond > 0 ? TimeSpan.FromSeconds((threshold - Now) / SlopePerSecond) : null;
    }
}
