using TradingLog.Diagnostics;

namespace TradingLog.OpenTelemetry.Logs;

/// <summary>
/// What the OTLP log export has done, readable at any time: <c>host.Component&lt;OtlpExportHealth&gt;()</c>, the heartbeat,
/// <c>/health/ready</c> and the <c>tradinglog.otlp.*</c> instruments. Every event is accounted for:
/// <see cref="Sent"/> = <see cref="Delivered"/> + <see cref="Dropped"/> + <see cref="Pending"/>.
/// </summary>
public sealed class OtlpExportHealth : IHeartbeatSource
{
    private long _sent;
    private long _handed;
    private long _delivered;
    private long _refused;
    private long _lost;
    private long _failures;
    private long _lastErrorTicks;
    private volatile string? _lastError;

    /// <summary>Events that reached the export (past <c>otlp.level</c>), handed to the exporter or dropped at once.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Events the collector accepted (a successful export response).</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>
    /// Events lost: the collector stayed unreachable past the exporter's retries, more than <c>otlp.queue_limit</c> events
    /// were waiting, or the process stopped before they could be sent. Files and the database are not affected.
    /// </summary>
    public long Dropped => Interlocked.Read(ref _refused) + Interlocked.Read(ref _lost);

    /// <summary>Events handed to the exporter and not yet delivered or dropped.</summary>
    public long Pending => Math.Max(0, Interlocked.Read(ref _handed) - Delivered - Interlocked.Read(ref _lost));

    /// <summary>Events handed to the exporter's queue (the others were dropped at once).</summary>
    internal long Handed => Interlocked.Read(ref _handed);

    /// <summary>Handed events counted delivered or lost, which the exporter sends in order.</summary>
    internal long Settled => Delivered + Interlocked.Read(ref _lost);

    /// <summary>Failed export attempts (each retried with backoff).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>The last failure, or null.</summary>
    public string? LastError => _lastError;

    /// <summary>When the last failure happened, or null.</summary>
    public DateTimeOffset? LastErrorAt => Interlocked.Read(ref _lastErrorTicks) is var t && t != 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    /// <summary>The endpoint events go to.</summary>
    public Uri? Endpoint { get; internal init; }

    internal void AddSent() => Interlocked.Increment(ref _sent);

    /// <summary>
    /// Counts delivered records, never past what was sent and not yet counted (a delivery after the stop's tally, or a
    /// batch the collector accepted again after a retry, would otherwise count twice); returns what was counted.
    /// </summary>
    internal long AddDelivered(long n)
    {
        var counted = Math.Max(0, Math.Min(n, Pending));
        Interlocked.Add(ref _delivered, counted);
        return counted;
    }

    internal void AddHanded() => Interlocked.Increment(ref _handed);

    /// <summary>Counts events dropped before they reached the exporter (its queue limit).</summary>
    internal void AddRefused(long n) => Interlocked.Add(ref _refused, n);

    /// <summary>Counts handed events the exporter will not deliver (given up after its retries, or left at the stop).</summary>
    internal void AddLost(long n) => Interlocked.Add(ref _lost, n);

    internal void Failed(string message)
    {
        Interlocked.Increment(ref _failures);
        _lastError = message;
        Interlocked.Exchange(ref _lastErrorTicks, DateTimeOffset.UtcNow.UtcTicks);
    }

    /// <summary>The bound on <see cref="Pending"/> (<c>otlp.queue_limit</c>).</summary>
    public int QueueLimit { get; internal init; }

    /// <inheritdoc />
    public void Describe(IDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        values["OtlpSent"] = Sent;
        values["OtlpDelivered"] = Delivered;
        values["OtlpDropped"] = Dropped;
        values["OtlpPending"] = Pending;
        values["OtlpFailures"] = Failures;
    }
}
