using System.Diagnostics.Metrics;
using TradingLog.Diagnostics;

namespace TradingLog.PostgreSql.Sink;

/// <summary>The database sink's instruments on the pipeline's meter, read from <see cref="DatabaseSinkMetrics"/>.</summary>
internal static class DatabaseInstruments
{
    public static void Register(Meter meter, string service, DatabaseSinkMetrics metrics)
    {
        var tag = new KeyValuePair<string, object?>("service", service);
        meter.CreateObservableGauge(TradingLogInstruments.QueueDepth, () => new Measurement<long>(metrics.Queued, tag,
            new KeyValuePair<string, object?>("sink", "database")), "{event}", "Events enqueued to a sink and not yet written");
        meter.CreateObservableCounter(TradingLogInstruments.DatabaseWritten, () => new Measurement<long>(metrics.Written, tag), "{event}",
            "Events committed to PostgreSQL");
        meter.CreateObservableCounter(TradingLogInstruments.DatabaseDropped, () => new Measurement<long>(metrics.Dropped, tag), "{event}",
            "Events the database sink lost: queue full or spool bound reached");
        meter.CreateObservableGauge(TradingLogInstruments.SpooledEvents, () => new Measurement<long>(metrics.SpoolPending, tag), "{event}",
            "Events in the on-disk spool, waiting for the database");
        meter.CreateObservableGauge(TradingLogInstruments.SpooledBytes, () => new Measurement<long>(metrics.SpoolBytes, tag), "By",
            "Bytes in the on-disk spool");
        meter.CreateObservableCounter(TradingLogInstruments.DeadLettered, () => new Measurement<long>(metrics.DeadLettered, tag), "{event}",
            "Events PostgreSQL refused, kept in the dead-letter folder");
        meter.CreateObservableCounter(TradingLogInstruments.DatabaseFailures, () => new Measurement<long>(metrics.Failures, tag), "{failure}",
            "Failed attempts to reach or write the database");
        metrics.CopyDuration = meter.CreateHistogram<double>(TradingLogInstruments.CopyDuration, "s", "One batch's COPY and commit");
        metrics.ServiceTag = tag;
    }
}
