using TradingLog.Patterns.Forecasting;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Alerting.Rules;

/// <summary>
/// A forecast rule measured: the series it was fitted to (each point at its bucket's middle, in seconds before
/// <see cref="At"/>), the current value (the newest point), and the trend read at the horizon (null with too few
/// points). The alert's evaluation and the dashboard's forecast band both come from it.
/// </summary>
internal sealed record ForecastMeasurement(IReadOnlyList<MetricPoint> Points, IReadOnlyList<double> Seconds, double? Current,
    TrendForecast? Forecast, DateTimeOffset At, TimeSpan Horizon)
{
    /// <summary>
    /// The forecast and its band from the newest point to the horizon, in <paramref name="steps"/> equal steps: each
    /// instant with the forecast value and the band's bounds. Empty without a forecast.
    /// </summary>
    public IReadOnlyList<(DateTimeOffset At, double Value, double Lower, double Upper)> Path(ForecastMethod method, int steps = 12)
    {
        if (Forecast is null || Points.Count == 0)
        {
            return [];
        }

        var values = Points.Select(p => p.Value).ToList();
        var last = At + TimeSpan.FromSeconds(Seconds[^1]);
        var reach = Horizon + (At - last);
        var path = new List<(DateTimeOffset, double, double, double)>();
        for (var i = 0; i <= steps; i++)
        {
            var ahead = reach * i / steps;
            if (TrendForecaster.Fit(Seconds, values, ahead, method) is { } f)
            {
                // Every metric forecast (a share, milliseconds, bytes) is at least 0; so is its band.
                path.Add((last + ahead, Math.Max(0, i == 0 ? f.Now : f.AtHorizon), Math.Max(0, f.Lower), Math.Max(0, f.Upper)));
            }
        }

        return path;
    }
}
