using Serilog.Events;
using TradingLog.Diagnostics;

namespace TradingLog.Files;

/// <summary>
/// One routed file: which events it takes, and the lines waiting for it while it cannot be written.
/// Lines are written in order; while the file fails they wait in memory (bounded) and are retried on the next batch.
/// </summary>
internal sealed class FileTarget(string name, RollingLogFile file, Func<LogEvent, bool> accepts, TradingLogHealth health, long maxPendingBytes) : IDisposable
{
    /// <summary>Default memory kept per file for lines that cannot be written yet: 16 MiB.</summary>
    public const long DefaultMaxPendingBytes = 16L * 1024 * 1024;

    private readonly LineBatch _pending = new();
    private bool _failing;

    public string Name { get; } = name;

    public RollingLogFile File { get; } = file;

    public bool Accepts(LogEvent logEvent) => accepts(logEvent);

    public bool HasPending => _pending.Count > 0;

    /// <summary>Queues the lines behind any pending ones and tries to write them all.</summary>
    public void Write(LineBatch lines, IReadOnlyList<int> selected)
    {
        foreach (var line in selected)
        {
            _pending.AddFrom(lines, line);
        }

        health.AddPending(selected.Count);
        Flush();
    }

    /// <summary>Writes pending lines; on failure keeps them, and drops the oldest only past the memory bound.</summary>
    public void Flush()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var written = 0;
        try
        {
            File.Append(_pending, out written);
            if (_failing)
            {
                _failing = false;
                health.FileWritable(File.FullPath);
            }
        }
        catch (Exception e)
        {
            _failing = true;
            health.FileWriteFailed(this, File.FullPath, e);
        }
        finally
        {
            _pending.RemoveFirst(written);
            health.AddPending(-written);
        }

        if (_pending.TotalBytes > maxPendingBytes)
        {
            var drop = 0;
            var bytes = _pending.TotalBytes;
            while (drop < _pending.Count && bytes > maxPendingBytes / 2)
            {
                bytes -= _pending.LengthOf(drop++);
            }

            _pending.RemoveFirst(drop);
            health.AddPending(-drop);
            health.FileLinesLost(this, File.FullPath, drop);
        }
    }

    /// <summary>
    /// Checks at start-up that the file can be opened for appending (its folder created if need be), so that a file that
    /// cannot be written is reported before the first line is lost in memory, not after.
    /// </summary>
    public void Probe()
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(File.FullPath)!);
            using (new FileStream(File.FullPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1))
            {
            }

            // Every append also takes the lock file beside the log: a lock file that cannot be opened stops writes as surely.
            // The lock is released at once; nothing is written.
            File.Lock();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            _failing = true;
            health.FileWriteFailed(this, File.FullPath, e);
        }
    }

    /// <summary>Closes the file; lines still pending for a file that never became writable are counted and reported as lost.</summary>
    public void Dispose()
    {
        Flush(); // one last try
        if (_pending.Count > 0)
        {
            var lost = _pending.Count;
            _pending.RemoveFirst(lost);
            health.AddPending(-lost);
            health.FileLinesLost(this, File.FullPath, lost);
        }

        File.Dispose();
    }
}
