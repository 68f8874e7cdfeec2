using System.Diagnostics.Metrics;
using Serilog.Events;
using TradingLog.Pipeline;

namespace TradingLog.Diagnostics;

/// <summary>
/// One pipeline's measurements: its readers of the event counts, queue depths and the file sink's failures on the
/// process's observed instruments (read from counters the pipeline keeps anyway, so an unobserved meter costs nothing),
/// and the meter its synchronous instruments (histograms) are created on. Disposing removes them.
/// </summary>
internal sealed class PipelineInstruments : IDisposable
{
    private readonly List<IDisposable> _readers = [];

    public PipelineInstruments(string service, TradingLogHealth health, EventCounts events, QueueGauge? files, QueueGauge? console)
    {
        Meter = new Meter(TradingLogInstruments.MeterName, typeof(PipelineInstruments).Assembly.GetName().Version?.ToString());
        Service = new KeyValuePair<string, object?>("service", service);
        var levels = Enum.GetValues<LogEventLevel>();
        Counter(TradingLogInstruments.Events, "{event}", "Events that reached the pipeline, by level", () => levels.Select(l =>
            new Measurement<long>(events.Of(l), Service, new KeyValuePair<string, object?>("level", LevelNames.ToName(l)))));
        var queues = new List<(string Sink, QueueGauge Gauge)>();
        if (files is not null)
        {
            queues.Add(("files", files));
        }

        if (console is not null)
        {
            queues.Add(("console", console));
        }

        Gauge(TradingLogInstruments.QueueDepth, "{event}", "Events enqueued to a sink and not yet written", () => queues.Select(q =>
            new Measurement<long>(q.Gauge.Depth, Service, new KeyValuePair<string, object?>("sink", q.Sink))));
        Counter(TradingLogInstruments.QueueDropped, "{event}", "Events dropped at the call site because a queue stayed full",
            () => [new Measurement<long>(health.QueueDropped, Service)]);
        Counter(TradingLogInstruments.FileWriteFailures, "{write}", "File writes that failed and were retried",
            () => [new Measurement<long>(health.FileWriteFailures, Service)]);
        Counter(TradingLogInstruments.FileLinesDropped, "{line}", "File lines lost to an unwritable file",
            () => [new Measurement<long>(health.FileLinesDropped, Service)]);
    }

    /// <summary>The pipeline's meter, for synchronous instruments.</summary>
    public Meter Meter { get; }

    /// <summary>The <c>service</c> tag every instrument of the pipeline carries.</summary>
    public KeyValuePair<string, object?> Service { get; }

    /// <summary>Adds a reader to a process-wide observable counter, removed with the pipeline.</summary>
    public void Counter(string name, string unit, string description, Func<IEnumerable<Measurement<long>>> read) =>
        _readers.Add(ObservedInstruments.Counter(name, unit, description, read));

    /// <summary>Adds a reader to a process-wide observable gauge, removed with the pipeline.</summary>
    public void Gauge(string name, string unit, string description, Func<IEnumerable<Measurement<long>>> read) =>
        _readers.Add(ObservedInstruments.Gauge(name, unit, description, read));

    public void Dispose()
    {
        foreach (var reader in _readers)
        {
            reader.Dispose();
        }

        Meter.Dispose();
    }
}
