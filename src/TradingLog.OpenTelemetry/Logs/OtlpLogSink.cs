using Serilog.Core;
using Serilog.Events;
using TradingLog.Diagnostics;

namespace TradingLog.OpenTelemetry.Logs;

/// <summary>
/// The call site's side of the OTLP export: counts the event and hands it to the exporter's queue, or, while
/// <c>otlp.queue_limit</c> events are already waiting (a collector away or slower than the service), drops and counts it.
/// Never blocks, never throws. Every few seconds it counts as lost what the exporter must have given up (handed over
/// longer ago than its retry limit and still not delivered), so the export takes events again when the collector is back.
/// Stopping waits at most <c>stopTimeout</c> for the exporter to send what it holds.
/// </summary>
internal sealed class OtlpLogSink : ILogEventSink, IDisposable
{
    /// <summary>Default bound on a stop's wait for the exporter: 5 s, as the database's.</summary>
    public static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long the exporter's batching retries a batch before it gives it up (Serilog's own default, made explicit).</summary>
    public static readonly TimeSpan RetryTimeLimit = TimeSpan.FromMinutes(10);

    /// <summary>Handed events still pending this long after were given up by the exporter: its retry limit and a margin.</summary>
    public static readonly TimeSpan GiveUpAfter = RetryTimeLimit + TimeSpan.FromMinutes(1);

    private static readonly TimeSpan ReconcileEvery = TimeSpan.FromSeconds(10);

    private readonly ILogEventSink _exporter;
    private readonly OtlpExportHealth _health;
    private readonly TradingLogHealth _pipeline;
    private readonly int _queueLimit;
    private readonly LogEventLevel _minimumLevel;
    private readonly TimeSpan _stopTimeout;
    private readonly Queue<(long At, long Handed)> _checkpoints = new();
    private readonly Timer _reconcile;
    private readonly TimeSpan _giveUpAfter;
    private long _overflows;

    public OtlpLogSink(ILogEventSink exporter, OtlpExportHealth health, TradingLogHealth pipeline, int queueLimit, LogEventLevel minimumLevel,
        TimeSpan stopTimeout, TimeSpan? giveUpAfter = null)
    {
        (_exporter, _health, _pipeline, _queueLimit, _minimumLevel, _stopTimeout) = (exporter, health, pipeline, queueLimit, minimumLevel, stopTimeout);
        _giveUpAfter = giveUpAfter ?? GiveUpAfter;
        var every = _giveUpAfter < ReconcileEvery * 6 ? _giveUpAfter / 6 : ReconcileEvery;
        _reconcile = new Timer(_ => Reconcile(), null, every, every);
    }

    public void Emit(LogEvent logEvent)
    {
        if (logEvent.Level < _minimumLevel)
        {
            return;
        }

        _health.AddSent();
        if (_health.Pending >= _queueLimit)
        {
            _health.AddRefused(1);
            if (Interlocked.Increment(ref _overflows) is var n && (n & (n - 1)) == 0)
            {
                _pipeline.OnLoggingFailed(this, LoggingFailureKind.Permanent,
                    $"OTLP export to {_health.Endpoint}: {_queueLimit} events are waiting (otlp.queue_limit); {n} dropped so far", [logEvent], null);
            }

            return;
        }

        _health.AddHanded();
        try
        {
            _exporter.Emit(logEvent);
        }
        catch (Exception e)
        {
            _health.AddLost(1);
            _pipeline.OnLoggingFailed(this, LoggingFailureKind.Permanent, "the OTLP exporter refused an event", [logEvent], e);
        }
    }

    /// <summary>The exporter sends in order: what was handed before a checkpoint old enough and is still unsettled is lost.</summary>
    internal void Reconcile()
    {
        try
        {
            var now = Environment.TickCount64;
            lock (_checkpoints)
            {
                _checkpoints.Enqueue((now, _health.Handed));
                long? handedThen = null;
                while (_checkpoints.TryPeek(out var oldest) && now - oldest.At >= (long)_giveUpAfter.TotalMilliseconds)
                {
                    handedThen = _checkpoints.Dequeue().Handed;
                }

                if (handedThen is { } handed && handed - _health.Settled is var given && given > 0)
                {
                    _health.AddLost(given);
                    _pipeline.OnLoggingFailed(this, LoggingFailureKind.Permanent, $"OTLP export to {_health.Endpoint}: {given} events were " +
                        $"given up after the exporter's retries ({_giveUpAfter.TotalMinutes:0} min); new events are taken again", null, null);
                }
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
        {
            // Stopping.
        }
    }

    public void Dispose()
    {
        _reconcile.Dispose();

        // The exporter sends what it holds, and gives up on failure; whatever was not delivered by then, or within the
        // bound, is lost with the process: counted, and said.
        var flush = Task.Run(() => (_exporter as IDisposable)?.Dispose());
        var flushed = flush.Wait(_stopTimeout);
        var pending = _health.Pending;
        if (pending > 0)
        {
            _health.AddLost(pending);
            _pipeline.OnLoggingFailed(this, LoggingFailureKind.Final, $"OTLP export to {_health.Endpoint}: {pending} events were not delivered " +
                (flushed ? "before the stop (the endpoint did not take them)" : $"within {_stopTimeout.TotalSeconds:0} s of the stop"), null, null);
        }
    }
}
