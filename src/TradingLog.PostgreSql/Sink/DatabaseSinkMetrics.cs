using TradingLog.Diagnostics;

namespace TradingLog.PostgreSql.Sink;

/// <summary>
/// What the database sink has done, readable at any time: <c>host.Component&lt;DatabaseSinkMetrics&gt;()</c>.
/// Nothing the sink does is thrown into the caller; it shows here, in SelfLog and in the failure listener.
/// </summary>
public sealed class DatabaseSinkMetrics : IHeartbeatSource, IReadinessSource
{
    private long _written;
    private long _spooled;
    private long _replayed;
    private long _dropped;
    private long _deadLettered;
    private long _failures;
    private volatile string? _lastError;
    private long _lastErrorTicks;

    internal System.Diagnostics.Metrics.Histogram<double>? CopyDuration { get; set; }

    internal KeyValuePair<string, object?> ServiceTag { get; set; }

    internal void CopyTook(TimeSpan elapsed) => CopyDuration?.Record(elapsed.TotalSeconds, ServiceTag);

    internal Func<long> QueueDepth { get; set; } = () => 0;

    internal Func<long> SpoolBytesNow { get; set; } = () => 0;

    internal Func<long> SpooledEventsNow { get; set; } = () => 0;

    /// <summary>Events waiting in memory for the background writer.</summary>
    public long Queued => QueueDepth();

    /// <summary>Events committed to PostgreSQL (each event once, whatever tables it went to).</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Events ever written to the on-disk spool.</summary>
    public long Spooled => Interlocked.Read(ref _spooled);

    /// <summary>Events in the spool now, waiting for the database.</summary>
    public long SpoolPending => SpooledEventsNow();

    /// <summary>Bytes the spool holds now.</summary>
    public long SpoolBytes => SpoolBytesNow();

    /// <summary>Events replayed from the spool into the database.</summary>
    public long Replayed => Interlocked.Read(ref _replayed);

    /// <summary>Events lost: the queue was full, or the spool reached its size bound.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Events PostgreSQL refused for their data, written to the dead-letter folder with the reason.</summary>
    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    /// <summary>Failed attempts to reach or write the database.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>The last failure, or null.</summary>
    public string? LastError => _lastError;

    /// <summary>When the last failure happened, or null.</summary>
    public DateTimeOffset? LastErrorAt => Interlocked.Read(ref _lastErrorTicks) is var t && t != 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    internal void AddWritten(long n) => Interlocked.Add(ref _written, n);

    internal void AddSpooled(long n) => Interlocked.Add(ref _spooled, n);

    internal void AddReplayed(long n) => Interlocked.Add(ref _replayed, n);

    internal void AddDropped(long n) => Interlocked.Add(ref _dropped, n);

    internal void AddDeadLettered(long n) => Interlocked.Add(ref _deadLettered, n);

    internal void Failed(string message)
    {
        Interlocked.Increment(ref _failures);
        _lastError = message;
        Interlocked.Exchange(ref _lastErrorTicks, DateTimeOffset.UtcNow.UtcTicks);
    }

    /// <summary>How recent a failure must be for a non-empty spool to mean the database is away now: 30 s.</summary>
    public static readonly TimeSpan AwayWindow = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public string? NotReadyBecause(DateTimeOffset now)
    {
        var spooled = SpoolPending;
        if (spooled == 0 || LastErrorAt is not { } failed || now - failed > AwayWindow)
        {
            return null;
        }

        return $"the database cannot be written ({LastError}); {spooled} events ({SpoolBytes} bytes) are spooled on disk and are written " +
            "when it returns";
    }

    /// <inheritdoc />
    public void Describe(IDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        values[HealthEvents.Queued] = Queued;
        values[HealthEvents.Spooled] = SpoolPending;
        values[HealthEvents.Dropped] = Dropped;
        values[HealthEvents.DeadLettered] = DeadLettered;
        values[HealthEvents.Written] = Written;
    }
}
