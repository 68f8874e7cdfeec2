namespace TradingLog.Patterns.Forecasting;

/// <summary>How a trend is fitted.</summary>
internal enum ForecastMethod
{
    /// <summary>Ordinary least squares over the window, as Prometheus's <c>predict_linear</c> does.</summary>
    Linear,

    /// <summary>Holt's linear exponential smoothing: recent points weigh more, so a trend that just began shows sooner.</summary>
    Holt,
}
