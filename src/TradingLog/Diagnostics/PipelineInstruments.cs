using System.Diagnostics.Metrics;
using Serilog.Events;
using TradingLog.Pipeline;

namespace TradingLog.Diagnostics;

/// <summary>
/// The meter of one pipeline and its observable instruments: event counts, queue depths and the file sink's failures,
/// read from counters the pipeline keeps anyway, so that nothing is measured twice and an unobserved meter costs nothing.
/// </summary>
internal sealed class PipelineInstruments : IDisposable
{
    public PipelineInstruments(string service, TradingLogHealth health, EventCounts events, QueueGauge? files, QueueGauge? console)
    {
        Meter = new Meter(TradingLogInstruments.MeterName, typeof(PipelineInstruments).Assembly.GetName().Version?.ToString());
        Service = new KeyValuePair<string, object?>("service", service);
        var levels = Enum.GetValues<LogEventLevel>();
        Meter.CreateObservableCounter(TradingLogInstruments.Events, () => levels.Select(l =>
            new Measurement<long>(events.Of(l), Service, new KeyValuePair<string, object?>("level", LevelNames.ToName(l)))), "{event}",
            "Events that reached the pipeline, by level");
        var queues = new List<(string Sink, QueueGauge Gauge)>();
        if (files is not null)
        {
            queues.Add(("files", files));
        }

        if (console is not null)
        {
            queues.Add(("console", console));
        }

        Meter.CreateObservableGauge(TradingLogInstruments.QueueDepth, () => queues.Select(q =>
            new Measurement<long>(q.Gauge.Depth, Service, new KeyValuePair<string, object?>("sink", q.Sink))), "{event}",
            "Events enqueued to a sink and not yet written");
        Meter.CreateObservableCounter(TradingLogInstruments.QueueDropped, () => new Measurement<long>(health.QueueDropped, Service), "{event}",
            "Events dropped at the call site because a queue stayed full");
        Meter.CreateObservableCounter(TradingLogInstruments.FileWriteFailures, () => new Measurement<long>(health.FileWriteFailures, Service),
            "{write}", "File writes that failed and were retried");
        Meter.CreateObservableCounter(TradingLogInstruments.FileLinesDropped, () => new Measurement<long>(health.FileLinesDropped, Service),
            "{line}", "File lines lost to an unwritable file");
    }

    /// <summary>The pipeline's meter, which extensions add their instruments to.</summary>
    public Meter Meter { get; }

    /// <summary>The <c>service</c> tag every instrument of the pipeline carries.</summary>
    public KeyValuePair<string, object?> Service { get; }

    public void Dispose() => Meter.Dispose();
}
