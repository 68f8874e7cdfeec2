using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<string, string> _unwritable = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _lastWarned = new(StringComparer.Ordinal);
    private long _failures;
    private volatile string? _lastError;
    private long _lastErrorTicks;

    /// <summary>How often one kind of failure is written to <see cref="Output"/> at most.</summary>
    internal static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    internal ILoggingFailureListener? Listener { get; set; }

    /// <summary>
    /// Where failures a person must see are written, at most once a minute per kind (<see cref="TradingLogOptions.FailureOutput"/>
    /// in a TradingLog pipeline; standard error for the <c>WriteTo</c> sinks); null for nowhere.
    /// </summary>
    public TextWriter? Output { get; init; }

    /// <summary>
    /// The files that cannot be written now (full path → the operating system's error), from the start-up check and every
    /// failed write until the file takes its pending lines again.
    /// </summary>
    public IReadOnlyDictionary<string, string> UnwritableFiles => new Dictionary<string, string>(_unwritable, StringComparer.Ordinal);

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
        if (sender is not Files.FileTarget)
        {
            Warn(sender.GetType().Name + "/" + kind, $"TradingLog: {message}{(exception is null ? "" : ": " + exception.Message)}");
        }

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
        if (_unwritable.TryAdd(path, exception.Message))
        {
            // Once per file and episode: the file, the OS error, and what happens to its lines.
            Warn("file:" + path, $"TradingLog: cannot write {path}: {exception.Message.TrimEnd('.')}. Its lines are kept in memory (up to 16 MiB) and " +
                "written when it can be; the other files and sinks go on.", always: true);
        }

        OnLoggingFailed(sender, LoggingFailureKind.Temporary, $"cannot write {path}; lines are kept and retried", null, exception);
    }

    internal void FileWritable(string path)
    {
        if (_unwritable.TryRemove(path, out _))
        {
            Warn("file:" + path, $"TradingLog: {path} can be written again; its pending lines were written.", always: true);
        }
    }

    /// <summary>Writes one line to <see cref="Output"/>, at most once per <see cref="WarningInterval"/> per key unless <paramref name="always"/>.</summary>
    private void Warn(string key, string line, bool always = false)
    {
        if (Output is not { } output)
        {
            return;
        }

        var now = Environment.TickCount64;
        var last = _lastWarned.GetOrAdd(key, long.MinValue);
        if (!always && last != long.MinValue && now - last < (long)WarningInterval.TotalMilliseconds)
        {
            return;
        }

        _lastWarned[key] = now;
        try
        {
            output.WriteLine(line);
            output.Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // Standard error closed: the counters and SelfLog still have it.
        }
    }

    internal void FileLinesLost(object sender, string path, long lines)
    {
        Interlocked.Add(ref _fileLinesDropped, lines);
        Warn("lost:" + path, $"TradingLog: {lines} lines for {path} were lost: the file could not be written before its pending lines " +
            "had to go (memory bound or stop). The other files and sinks are not affected.");
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
