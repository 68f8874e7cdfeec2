using Serilog.Core;
using Serilog.Events;
using TradingLog.Diagnostics;

namespace TradingLog.OpenTelemetry.Logs;

/// <summary>
/// The call site's side of the OTLP export: counts the event and hands it to the exporter's queue, or, while
/// <c>otlp.queue_limit</c> events are already waiting (a collector away or slower than the service), drops and counts it.
/// Never blocks, never throws. Stopping waits at most <see cref="StopTimeout"/> for the exporter to send what it holds.
/// </summary>
internal sealed class OtlpLogSink(ILogEventSink exporter, OtlpExportHealth health, TradingLogHealth pipeline, int queueLimit,
    LogEventLevel minimumLevel, TimeSpan stopTimeout) : ILogEventSink, IDisposable
{
    /// <summary>Default bound on a stop's wait for the exporter: 5 s, as the database's.</summary>
    public static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(5);

    private long _overflows;

    public TimeSpan StopTimeout => stopTimeout;

    public void Emit(LogEvent logEvent)
    {
        if (logEvent.Level < minimumLevel)
        {
            return;
        }

        var full = health.Pending >= queueLimit;
        health.AddSent();
        if (full)
        {
            health.AddDropped(1);
            if (Interlocked.Increment(ref _overflows) is var n && (n & (n - 1)) == 0)
            {
                pipeline.OnLoggingFailed(this, LoggingFailureKind.Permanent,
                    $"OTLP export to {health.Endpoint}: {queueLimit} events are waiting (otlp.queue_limit); {n} dropped so far", [logEvent], null);
            }

            return;
        }

        try
        {
            exporter.Emit(logEvent);
        }
        catch (Exception e)
        {
            health.AddDropped(1);
            pipeline.OnLoggingFailed(this, LoggingFailureKind.Permanent, "the OTLP exporter refused an event", [logEvent], e);
        }
    }

    public void Dispose()
    {
        // The exporter sends what it holds, and gives up on failure; whatever was not delivered by then, or within the
        // bound, is lost with the process: counted, and said.
        var flush = Task.Run(() => (exporter as IDisposable)?.Dispose());
        var flushed = flush.Wait(stopTimeout);
        var pending = health.Pending;
        if (pending > 0)
        {
            health.AddDropped(pending);
            pipeline.OnLoggingFailed(this, LoggingFailureKind.Final, $"OTLP export to {health.Endpoint}: {pending} events were not delivered " +
                (flushed ? "before the stop (the endpoint did not take them)" : $"within {stopTimeout.TotalSeconds:0} s of the stop"), null, null);
        }
    }
}
