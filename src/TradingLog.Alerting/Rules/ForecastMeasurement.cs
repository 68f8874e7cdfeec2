using TradingLog.Patterns.Forecasting;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Alerting.Rules;

/// <summary>
/// A forecast rule measured: the series it was fitted to, the current value (the newest point), and the trend read at
/// the horizon (null with too few points). The alert's evaluation and the dashboard's forecast band both come from it.
/// </summary>
internal sealed record ForecastMeasurement(IReadOnlyList<MetricPoint> Points, double? Current, TrendForecast? Forecast, DateTimeOffset At,
    TimeSpan Horizon);
