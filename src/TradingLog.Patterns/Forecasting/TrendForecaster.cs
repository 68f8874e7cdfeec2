using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace TradingLog.Patterns.Forecasting;

/// <summary>
/// Fits a trend to a series of (seconds, value) points and reads it at a horizon past the last point's time. Least
/// squares gives the band of a regression's prediction (Student's t at 95%); Holt's smoothing gives the spread of its
/// one-step errors, widened with the square root of the steps ahead. Both by Math.NET Numerics.
/// </summary>
internal static class TrendForecaster
{
    /// <summary>Default level smoothing of Holt's method (0 to 1; more follows the latest points faster).</summary>
    public const double DefaultAlpha = 0.5;

    /// <summary>Default trend smoothing of Holt's method (0 to 1).</summary>
    public const double DefaultBeta = 0.3;

    /// <summary>The fewest points a forecast is made from.</summary>
    public const int MinPoints = 3;

    /// <param name="seconds">Each point's time, in seconds from any origin, ascending; the last is "now".</param>
    /// <param name="values">Each point's value.</param>
    /// <param name="horizon">How far past the last point to forecast.</param>
    /// <param name="method">Least squares or Holt.</param>
    /// <param name="alpha">Holt's level smoothing, 0 to 1.</param>
    /// <param name="beta">Holt's trend smoothing, 0 to 1.</param>
    /// <returns>Null with fewer than <see cref="MinPoints"/> points.</returns>
    public static TrendForecast? Fit(IReadOnlyList<double> seconds, IReadOnlyList<double> values, TimeSpan horizon, ForecastMethod method,
        double alpha = DefaultAlpha, double beta = DefaultBeta)
    {
        ArgumentNullException.ThrowIfNull(seconds);
        ArgumentNullException.ThrowIfNull(values);
        if (seconds.Count != values.Count)
        {
            throw new ArgumentException("one value per time", nameof(values));
        }

        return seconds.Count < MinPoints ? null : method == ForecastMethod.Linear
            ? Linear(seconds.ToArray(), values.ToArray(), horizon)
            : Holt(seconds.ToArray(), values.ToArray(), horizon, alpha, beta);
    }

    private static TrendForecast Linear(double[] x, double[] y, TimeSpan horizon)
    {
        var (intercept, slope) = MathNet.Numerics.Fit.Line(x, y);
        var now = x[^1];
        var at = now + horizon.TotalSeconds;
        var n = x.Length;
        var residuals = new double[n];
        for (var i = 0; i < n; i++)
        {
            residuals[i] = y[i] - (intercept + slope * x[i]);
        }

        var s = n > 2 ? Math.Sqrt(residuals.Select(r => r * r).Sum() / (n - 2)) : 0;
        var mean = x.Mean();
        var sxx = x.Select(v => (v - mean) * (v - mean)).Sum();
        var t = n > 2 ? StudentT.InvCDF(0, 1, n - 2, 0.975) : 1.96;
        var spread = t * s * Math.Sqrt(1 + 1.0 / n + (sxx > 0 ? (at - mean) * (at - mean) / sxx : 0));
        var forecast = intercept + slope * at;
        return new TrendForecast(intercept + slope * now, forecast, forecast - spread, forecast + spread, slope, n);
    }

    private static TrendForecast Holt(double[] x, double[] y, TimeSpan horizon, double alpha, double beta)
    {
        // Steps of the series' typical spacing: the points may skip empty buckets.
        var step = x.Length > 1 ? (x[^1] - x[0]) / (x.Length - 1) : 1;
        if (step <= 0)
        {
            step = 1;
        }

        var level = y[0];
        var trend = y[1] - y[0];
        var errors = new List<double>(y.Length);
        for (var i = 1; i < y.Length; i++)
        {
            var steps = Math.Max(1, (x[i] - x[i - 1]) / step);
            var predicted = level + trend * steps;
            errors.Add(y[i] - predicted);
            var previous = level;
            level = alpha * y[i] + (1 - alpha) * predicted;
            trend = beta * (level - previous) / steps + (1 - beta) * trend;
        }

        var ahead = horizon.TotalSeconds / step;
        var forecast = level + trend * ahead;
        var s = errors.Count > 1 ? Math.Sqrt(errors.Select(e => e * e).Sum() / (errors.Count - 1)) : 0;
        var spread = 1.96 * s * Math.Sqrt(Math.Max(1, ahead));
        return new TrendForecast(level, forecast, forecast - spread, forecast + spread, trend / step, y.Length);
    }
}
