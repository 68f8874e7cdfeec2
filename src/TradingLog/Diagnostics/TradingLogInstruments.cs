namespace TradingLog.Diagnostics;

/// <summary>
/// The names of TradingLog's own measurements, published through <see cref="System.Diagnostics.Metrics"/> on meters named
/// <see cref="MeterName"/>. Any listener reads them: the Prometheus endpoints of TradingLog.AspNetCore and
/// TradingLog.OpenTelemetry, an OpenTelemetry <c>MeterProvider</c> with <c>AddMeter("TradingLog")</c>, or
/// <c>dotnet-counters monitor --counters TradingLog</c>. Every per-pipeline instrument carries a <c>service</c> tag.
/// In the Prometheus format a dot becomes an underscore and counters end in <c>_total</c>
/// (<c>tradinglog_events_total</c>); units in seconds or bytes add <c>_seconds</c> or <c>_bytes</c>.
/// </summary>
public static class TradingLogInstruments
{
    /// <summary>The name of every meter TradingLog creates: one per pipeline, and one for the process's maintenance and alerting.</summary>
    public const string MeterName = "TradingLog";

    /// <summary>Counter: events that reached the pipeline (past the levels), by <c>service</c> and <c>level</c> (TRACE ... CRITICAL).</summary>
    public const string Events = "tradinglog.events";

    /// <summary>Gauge: events enqueued to a sink and not yet written, by <c>service</c> and <c>sink</c> (files, console, database).</summary>
    public const string QueueDepth = "tradinglog.queue.depth";

    /// <summary>Counter: events dropped at the call site because a queue (files, console or database) stayed full, by <c>service</c>.</summary>
    public const string QueueDropped = "tradinglog.queue.dropped";

    /// <summary>Counter: failed file writes (each retried), by <c>service</c>.</summary>
    public const string FileWriteFailures = "tradinglog.file.write_failures";

    /// <summary>Counter: file lines lost because a file stayed unwritable until its pending buffer was full, by <c>service</c>.</summary>
    public const string FileLinesDropped = "tradinglog.file.lines_dropped";

    /// <summary>Counter: events committed to PostgreSQL, by <c>service</c>.</summary>
    public const string DatabaseWritten = "tradinglog.database.written";

    /// <summary>Counter: events the database sink lost (its queue stayed full, or the spool reached its bound), by <c>service</c>.</summary>
    public const string DatabaseDropped = "tradinglog.database.dropped";

    /// <summary>Gauge: events in the on-disk spool now, waiting for the database, by <c>service</c>.</summary>
    public const string SpooledEvents = "tradinglog.spool.events";

    /// <summary>Gauge: bytes in the on-disk spool now, by <c>service</c>.</summary>
    public const string SpooledBytes = "tradinglog.spool.size";

    /// <summary>Counter: events PostgreSQL refused for their data, written to the dead-letter folder, by <c>service</c>.</summary>
    public const string DeadLettered = "tradinglog.dead_lettered";

    /// <summary>Counter: failed attempts to reach or write the database, by <c>service</c>.</summary>
    public const string DatabaseFailures = "tradinglog.database.failures";

    /// <summary>Histogram, seconds: one batch's COPY and commit, by <c>service</c>.</summary>
    public const string CopyDuration = "tradinglog.database.copy.duration";

    /// <summary>Histogram, seconds: one cleanup run, by <c>status</c> (succeeded, failed).</summary>
    public const string CleanupDuration = "tradinglog.cleanup.duration";

    /// <summary>Counter: rows cleanup moved, by <c>action</c> (archived, purged).</summary>
    public const string CleanupRows = "tradinglog.cleanup.rows";

    /// <summary>Gauge: alerts by <c>state</c> (pending, firing) and <c>severity</c>, in the process that evaluates them.</summary>
    public const string Alerts = "tradinglog.alerts";

    /// <summary>Histogram, seconds: one evaluation pass over every alert rule.</summary>
    public const string AlertEvaluationDuration = "tradinglog.alerts.evaluation.duration";

    /// <summary>Counter: events handed to the OTLP exporter, by <c>service</c>.</summary>
    public const string OtlpSent = "tradinglog.otlp.sent";

    /// <summary>Counter: events the OTLP collector accepted, by <c>service</c>.</summary>
    public const string OtlpDelivered = "tradinglog.otlp.delivered";

    /// <summary>Gauge: events handed to the OTLP exporter and not yet delivered or dropped, by <c>service</c>.</summary>
    public const string OtlpPending = "tradinglog.otlp.pending";

    /// <summary>Counter: failed OTLP export attempts (each retried with backoff), by <c>service</c>.</summary>
    public const string OtlpFailures = "tradinglog.otlp.failures";

    /// <summary>Counter: events the OTLP export lost (collector unreachable past the retries, queue full, stop), by <c>service</c>.</summary>
    public const string OtlpDropped = "tradinglog.otlp.dropped";
}
