using System.Diagnostics.Metrics;
using TradingLog.Diagnostics;

namespace TradingLog.Alerting.Engine;

/// <summary>The evaluating process's alert measurements: alerts by state and severity after the last pass, and each pass's time.</summary>
internal sealed class AlertingInstruments : IDisposable
{
    private static readonly AlertStatus[] Counted = [AlertStatus.Pending, AlertStatus.Firing];
    private readonly Meter _meter = new(TradingLogInstruments.MeterName);
    private readonly Histogram<double> _duration;

    public AlertingInstruments(Func<EvaluationReport?> last)
    {
        _meter.CreateObservableGauge(TradingLogInstruments.Alerts, () => Measure(last()), "{alert}", "Alerts pending or firing, by state and severity");
        _duration = _meter.CreateHistogram<double>(TradingLogInstruments.AlertEvaluationDuration, "s", "One evaluation pass over every rule");
    }

    public void Evaluated(TimeSpan elapsed) => _duration.Record(elapsed.TotalSeconds);

    private static IEnumerable<Measurement<int>> Measure(EvaluationReport? report)
    {
        if (report is null)
        {
            yield break;
        }

        var counts = report.Alerts.Where(a => Counted.Contains(a.Status))
            .GroupBy(a => (a.Status, Severity: a.Labels.GetValueOrDefault("severity") ?? "none"));
        foreach (var status in Counted)
        {
            var any = false;
            foreach (var group in counts.Where(g => g.Key.Status == status))
            {
                any = true;
                yield return new Measurement<int>(group.Count(), State(status), new KeyValuePair<string, object?>("severity", group.Key.Severity));
            }

            if (!any)
            {
                // A state with no alerts reads 0, so that a series ends at 0 instead of going stale.
                yield return new Measurement<int>(0, State(status), new KeyValuePair<string, object?>("severity", "none"));
            }
        }
    }

    private static KeyValuePair<string, object?> State(AlertStatus status) => new("state", status.ToString().ToLowerInvariant());

    public void Dispose() => _meter.Dispose();
}
