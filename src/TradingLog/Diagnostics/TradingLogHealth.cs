using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;

namespace TradingLog.Diagnostics;

/// <summary>
/// Counters a service can read to see whether logging is healthy. Every failure also goes to Serilog's
/// <see cref="SelfLog"/> and to the <see cref="ILoggingFailureListener"/> given in the options. Nothing here throws.
/// </summary>
public sealed class TradingLogHealth : ILoggingFailureListener
{
    private long _fileWriteFailures;
    private long _fileLinesDropped;
    private long _fileLinesPending;
    private long _queueDropped;
    private long _droppedAfterStop;
    private volatile bool _stopped;
    private long _failures;
    private volatile string? _lastError;
    private long _lastErrorTicks;

    internal ILoggingFailureListener? Listener { get; set; }

    /// <summary>File writes that failed (disk full, permission denied, folder deleted) and will be retried.</summary>
    public long FileWriteFailures => Interlocked.Read(ref _fileWriteFailures);

    /// <summary>Lines lost because a file stayed unwritable until its pending buffer was full.</summary>
    public long FileLinesDropped => Interlocked.Read(ref _fileLinesDropped);

    /// <summary>Lines waiting in memory for an unwritable file to recover.</summary>
    public long FileLinesPending => Interlocked.Read(ref _fileLinesPending);

    /// <summary>Events dropped at the call site because a sink's queue was full.</summary>
    public long QueueDropped => Interlocked.Read(ref _queueDropped);

    /// <summary>
    /// Events logged after the pipeline began to stop (<see cref="TradingLogHost.Dispose"/>, a termination signal, a
    /// crash), which no sink accepts any more: counted, and reported once, instead of reaching some files and not others.
    /// </summary>
    public long DroppedAfterStop => Interlocked.Read(ref _droppedAfterStop);

    /// <summary>All failures reported, of every kind.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>The last failure's description, or null.</summary>
    public string? LastError => _lastError;

    /// <summary>When the last failure happened, or null.</summary>
    public DateTimeOffset? LastErrorAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _lastErrorTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <inheritdoc />
    public void OnLoggingFailed(object sender, LoggingFailureKind kind, string message, IReadOnlyCollection<LogEvent>? events, Exception? exception)
    {
        Interlocked.Increment(ref _failures);
        _lastError = exception is null ? message : $"{message}: {exception.Message}";
        Interlocked.Exchange(ref _lastErrorTicks, DateTimeOffset.UtcNow.UtcTicks);
        SelfLog.WriteLine("TradingLog {0} failure in {1}: {2}", kind, sender.GetType().Name, exception is null ? message : message + ": " + exception);
        try
        {
            Listener?.OnLoggingFailed(sender, kind, message, events, exception);
        }
        catch (Exception e)
        {
            SelfLog.WriteLine("TradingLog failure listener threw: {0}", e);
        }
    }

    internal void FileWriteFailed(object sender, string path, Exception exception)
    {
        Interlocked.Increment(ref _fileWriteFailures);
        OnLoggingFailed(sender, LoggingFailureKind.Temporary, $"cannot write {path}; lines are kept and retried", null, exception);
    }

    internal void FileLinesLost(object sender, string path, long lines)
    {
        Interlocked.Add(ref _fileLinesDropped, lines);
        OnLoggingFailed(sender, LoggingFailureKind.Permanent, $"dropped {lines} lines for {path}: its pending buffer is full", null, null);
    }

    /// <summary>True once the pipeline began to stop: the queues take no new event, and drain what they hold.</summary>
    internal bool Stopped => _stopped;

    internal void Stop() => _stopped = true;

    internal void LoggedAfterStop(object sender, LogEvent logEvent)
    {
        if (Interlocked.Increment(ref _droppedAfterStop) == 1)
        {
            OnLoggingFailed(sender, LoggingFailureKind.Permanent, "an event was logged after the pipeline began to stop; it was dropped", [logEvent], null);
        }
    }

    internal void AddPending(long delta) => Interlocked.Add(ref _fileLinesPending, delta);

    internal void QueueFull(object sender, LogEvent logEvent)
    {
        if (Interlocked.Increment(ref _queueDropped) is var dropped && (dropped & (dropped - 1)) == 0)
        {
            // Report the 1st, 2nd, 4th, 8th... drop so that a flood does not flood SelfLog too.
            OnLoggingFailed(sender, LoggingFailureKind.Permanent, $"queue full; {dropped} events dropped so far", [logEvent], null);
        }
    }
}
