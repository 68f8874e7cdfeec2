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
    private long _delivered;
    private long _dropped;
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
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Events handed over and not yet delivered or dropped.</summary>
    public long Pending => Math.Max(0, Sent - Delivered - Dropped);

    /// <summary>Failed export attempts (each retried with backoff).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>The last failure, or null.</summary>
    public string? LastError => _lastError;

    /// <summary>When the last failure happened, or null.</summary>
    public DateTimeOffset? LastErrorAt => Interlocked.Read(ref _lastErrorTicks) is var t && t != 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    /// <summary>The endpoint events go to.</summary>
    public Uri? Endpoint { get; internal init; }

    internal void AddSent() => Interlocked.Increment(ref _sent);

    internal void AddDelivered(long n) => Interlocked.Add(ref _delivered, n);

    internal void AddDropped(long n) => Interlocked.Add(ref _dropped, n);

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
        values["OtlpDropped"] = Dropped;
        values["OtlpPending"] = Pending;
    }
}
