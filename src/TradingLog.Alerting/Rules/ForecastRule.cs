using System.Globalization;
using TradingLog.Alerting.Configuration;
using TradingLog.Patterns.Forecasting;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Alerting.Rules;

/// <summary>
/// The <c>forecast</c> rule: fits the trend of a measure over the window (in buckets of <c>step</c>) and fires when the
/// forecast at the horizon is past the threshold, but only while the current value is already past the gate (so that a
/// steep start from nothing does not page anyone). The error rate and a latency percentile come from the log tables;
/// the log tables' size, which no table keeps a history of, from the values this rule recorded at earlier evaluations.
/// </summary>
internal static class ForecastRule
{
    public static TimeSpan StepOf(AlertRule rule) =>
        rule.Step ?? TimeSpan.FromSeconds(Math.Max(1, Math.Round(rule.Window.TotalSeconds / AlertRule.DefaultForecastBuckets)));

    /// <summary>The gate: as configured, else half the threshold.</summary>
    public static double GateOf(AlertRule rule) => rule.Gate ?? rule.Threshold / 2;

    public static async Task<ForecastMeasurement> MeasureAsync(AlertRule rule, LogQueries queries, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var step = StepOf(rule);
        var from = at - rule.Window;
        IReadOnlyList<MetricPoint> points = rule.Metric switch
        {
            "latency" => await queries.LatencySeriesAsync(from, at, step, rule.Percentile, rule.Service, rule.Operation, cancellationToken),
            "table_size" =>
            [
                .. await queries.RuleValuesAsync(rule.Name, from, at, cancellationToken),
                new MetricPoint(at, await queries.LogTablesBytesAsync(cancellationToken), 1),
            ],
            _ => await queries.ErrorRateSeriesAsync(from, at, step, rule.Service, cancellationToken),
        };

        if (points.Count == 0)
        {
            return new ForecastMeasurement(points, [], null, null, at, rule.Horizon);
        }

        // A bucket stands for its middle; a recorded value for its instant.
        var half = rule.Metric == "table_size" ? TimeSpan.Zero : step / 2;
        var seconds = points.Select(p => (p.Start + half - at).TotalSeconds).ToList();
        var horizon = rule.Horizon + (at - (points[^1].Start + half));
        var forecast = TrendForecaster.Fit(seconds, points.Select(p => p.Value).ToList(), horizon, rule.Method);
        return new ForecastMeasurement(points, seconds, points[^1].Value, forecast, at, rule.Horizon);
    }

    public static async Task<IReadOnlyList<AlertSample>> EvaluateAsync(AlertRule rule, LogQueries queries, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var measured = await MeasureAsync(rule, queries, at, cancellationToken);
        if (measured.Current is not { } current)
        {
            return [new AlertSample(rule.Service, null, false, "nothing measured in the window")];
        }

        if (measured.Forecast is not { } forecast)
        {
            return [new AlertSample(rule.Service, current, false,
                $"{Show(rule, current)} now; {measured.Points.Count} points are too few for a forecast (it takes {TrendForecaster.MinPoints})")];
        }

        var gate = GateOf(rule);
        var breached = current >= gate && forecast.AtHorizon >= rule.Threshold;
        var reaches = forecast.Reaches(rule.Threshold) is { } when && when <= rule.Horizon
            ? $", reaching {Show(rule, rule.Threshold)} in {AlertDuration.Describe(when)}"
            : "";
        var gated = current < gate ? $"; below the gate {Show(rule, gate)}" : "";
        return [new AlertSample(rule.Service, Math.Round(current, 6), breached,
            $"{Show(rule, current)} now, forecast {Show(rule, forecast.AtHorizon)} (95%: {Show(rule, Math.Max(0, forecast.Lower))} to " +
            $"{Show(rule, forecast.Upper)}) in {AlertDuration.Describe(rule.Horizon)} by {(rule.Method == ForecastMethod.Holt ? "Holt" : "least squares")}" +
            $" over {forecast.Points} points{reaches}{gated}")];
    }

    /// <summary>A value in its metric's unit.</summary>
    public static string Show(AlertRule rule, double value) => rule.Metric switch
    {
        "latency" => value.ToString(Math.Abs(value) < 10 ? "0.###" : "0.#", CultureInfo.InvariantCulture) + " ms",
        "table_size" => (value / (1 << 20)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        _ => (value * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%",
    };
}
