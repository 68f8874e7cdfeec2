using System.IO.Compression;
using TradingLog.Configuration;

namespace TradingLog.Files;

/// <summary>
/// One log file with a stable active name, rolled by size and period, shared safely by several processes.
/// Every append takes a <see cref="CrossProcessLock"/>, re-checks the file on disk (another process may have rolled
/// it), rolls if needed, appends whole lines and closes the file, so no process writes into a file that was renamed.
/// </summary>
internal sealed class RollingLogFile : IDisposable
{
    private readonly RotationSettings _rotation;
    private readonly TimeProvider _clock;
    private readonly CrossProcessLock _lock;
    private readonly RolledFileNames _names;

    public RollingLogFile(string path, RotationSettings rotation, TimeProvider? clock = null)
    {
        FullPath = Path.GetFullPath(path);
        _rotation = rotation;
        _clock = clock ?? TimeProvider.System;
        _lock = new CrossProcessLock(FullPath);
        _names = new RolledFileNames(FullPath);
    }

    public string FullPath { get; }

    /// <summary>Takes and releases the cross-process lock once, so that a lock file that cannot be opened is found early.</summary>
    /// <exception cref="IOException">The lock file cannot be opened or locked; the message names it.</exception>
    public void Lock()
    {
        _lock.Enter();
        _lock.Exit();
    }

    /// <summary>Appends <paramref name="batch"/>, rolling between lines where the size limit or a new period requires.</summary>
    /// <exception cref="IOException">The file cannot be written; nothing of the batch was written past <paramref name="written"/> lines.</exception>
    public void Append(LineBatch batch, out int written)
    {
        written = 0;
        _lock.Enter();
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FullPath)!);
            var rolled = new List<string>();
            var line = 0;
            while (line < batch.Count)
            {
                var info = new FileInfo(FullPath);
                var length = info.Exists ? info.Length : 0;
                if (length > 0 && (length + batch.LengthOf(line) > _rotation.SizeLimitBytes || PeriodEnded(info)))
                {
                    rolled.Add(Roll(info));
                    length = 0;
                }

                // Take as many lines as fit under the size limit; at least one, so an oversized line is still written.
                var end = line + 1;
                var size = (long)batch.LengthOf(line);
                while (end < batch.Count && length + size + batch.LengthOf(end) <= _rotation.SizeLimitBytes)
                {
                    size += batch.LengthOf(end++);
                }

                using (var stream = new FileStream(FullPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1))
                {
                    stream.Write(batch.Span(line, end));
                }

                written = end;
                line = end;
            }

            if (rolled.Count > 0)
            {
                Housekeep();
            }
        }
        finally
        {
            _lock.Exit();
        }
    }

    /// <summary>How old a temporary compression output must be to count as left behind even if its process ID is in use.</summary>
    internal static readonly TimeSpan TemporaryStaleAfter = TimeSpan.FromHours(1);

    /// <summary>
    /// Compresses rolled files left uncompressed and deletes those past retention, after removing the temporary outputs
    /// of compressions that never finished (whose rolled files are then compressed again). Holds the lock.
    /// </summary>
    internal void Housekeep()
    {
        RemoveLeftoverTemporaries();
        var expiry = _clock.GetUtcNow().UtcDateTime.AddDays(-_rotation.RetentionDays);
        foreach (var file in _names.Existing().ToList())
        {
            if (file.LastWriteTimeUtc < expiry)
            {
                TryDelete(file.FullName);
            }
            else if (_rotation.Compression && !file.Name.EndsWith(".gz", StringComparison.Ordinal))
            {
                Compress(file);
            }
        }
    }

    /// <summary>
    /// For callers outside the write path (retention): takes the lock, removes left-over temporary compression outputs
    /// and, when compression is on, compresses again the rolled files they were made from. Returns the paths removed;
    /// with <paramref name="dryRun"/> only finds them.
    /// </summary>
    internal IReadOnlyList<string> CleanUpInterruptedCompressions(bool dryRun)
    {
        if (dryRun)
        {
            return [.. _names.LeftoverTemporaries(_clock.GetUtcNow().UtcDateTime, TemporaryStaleAfter).Select(f => f.FullName)];
        }

        _lock.Enter();
        try
        {
            var removed = RemoveLeftoverTemporaries();
            foreach (var original in removed.Select(t => new FileInfo(RolledFileNames.OriginalOf(new FileInfo(t)))))
            {
                if (_rotation.Compression && original.Exists)
                {
                    Compress(original);
                }
            }

            return removed;
        }
        finally
        {
            _lock.Exit();
        }
    }

    private List<string> RemoveLeftoverTemporaries()
    {
        var removed = new List<string>();
        foreach (var temporary in _names.LeftoverTemporaries(_clock.GetUtcNow().UtcDateTime, TemporaryStaleAfter))
        {
            if (TryDelete(temporary.FullName))
            {
                removed.Add(temporary.FullName);
            }
        }

        return removed;
    }

    /// <summary>
    /// Whether the file was last written in a period before the clock's. Only an earlier period rolls: a file stamped later
    /// than the clock (the clock stepped back, another writer's clock ahead) keeps its lines together. Period names sort
    /// as their times do.
    /// </summary>
    private bool PeriodEnded(FileInfo info) =>
        _rotation.Interval != RotationInterval.Never
        && string.CompareOrdinal(
            RolledFileNames.PeriodOf(info.LastWriteTime, _rotation.Interval),
            RolledFileNames.PeriodOf(_clock.GetLocalNow().DateTime, _rotation.Interval)) < 0;

    private string Roll(FileInfo active)
    {
        var target = _names.NextFree(RolledFileNames.PeriodOf(active.LastWriteTime, _rotation.Interval));
        File.Move(FullPath, target);
        return target;
    }

    private static void Compress(FileInfo file)
    {
        var target = file.FullName + ".gz";
        var temporary = RolledFileNames.TemporaryOf(target);
        try
        {
            using var source = file.OpenRead();
            using var output = File.Create(temporary);
            using var gzip = new GZipStream(output, CompressionLevel.Fastest);
            source.CopyTo(gzip);
        }
        catch
        {
            // A failed compression (disk full) leaves no partial output behind; the next housekeeping tries again.
            TryDelete(temporary);
            throw;
        }

        // Keep the rolled file's age so that retention counts from when it was written, not compressed.
        File.SetLastWriteTimeUtc(temporary, file.LastWriteTimeUtc);
        File.Move(temporary, target, overwrite: true);
        File.Delete(file.FullName);
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            // Another reader holds it open; the next housekeeping pass deletes it.
            return false;
        }
    }

    public void Dispose() => _lock.Dispose();
}
