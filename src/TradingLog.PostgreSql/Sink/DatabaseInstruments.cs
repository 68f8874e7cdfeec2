using System.Diagnostics.Metrics;
using TradingLog.Diagnostics;

namespace TradingLog.PostgreSql.Sink;

/// <summary>The database sink's instruments, read from <see cref="DatabaseSinkMetrics"/>; the COPY histogram on the pipeline's meter.</summary>
internal static class DatabaseInstruments
{
    public static void Register(TradingLogPipelineContext context, DatabaseSinkMetrics metrics)
    {
        var tag = new KeyValuePair<string, object?>("service", context.Service);
        context.ObserveGauge(TradingLogInstruments.QueueDepth, "{event}", "Events enqueued to a sink and not yet written",
            () => [new Measurement<long>(metrics.Queued, tag, new KeyValuePair<string, object?>("sink", "database"))]);
        context.ObserveCounter(TradingLogInstruments.DatabaseWritten, "{event}", "Events committed to PostgreSQL",
            () => [new Measurement<long>(metrics.Written, tag)]);
        context.ObserveCounter(TradingLogInstruments.DatabaseDropped, "{event}", "Events the database sink lost: queue full or spool bound reached",
            () => [new Measurement<long>(metrics.Dropped, tag)]);
        context.ObserveGauge(TradingLogInstruments.SpooledEvents, "{event}", "Events in the on-disk spool, waiting for the database",
            () => [new Measurement<long>(metrics.SpoolPending, tag)]);
        context.ObserveGauge(TradingLogInstruments.SpooledBytes, "By", "Bytes in the on-disk spool", () => [new Measurement<long>(metrics.SpoolBytes, tag)]);
        context.ObserveCounter(TradingLogInstruments.DeadLettered, "{event}", "Events PostgreSQL refused, kept in the dead-letter folder",
            () => [new Measurement<long>(metrics.DeadLettered, tag)]);
        context.ObserveCounter(TradingLogInstruments.DatabaseFailures, "{failure}", "Failed attempts to reach or write the database",
            () => [new Measurement<long>(metrics.Failures, tag)]);
        metrics.CopyDuration = context.Meter.CreateHistogram<double>(TradingLogInstruments.CopyDuration, "s", "One batch's COPY and commit");
        metrics.ServiceTag = tag;
    }
}
