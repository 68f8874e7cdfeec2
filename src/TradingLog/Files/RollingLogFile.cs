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

    /// <summary>Compresses rolled files left uncompressed and deletes those past retention. Holds the lock.</summary>
    internal void Housekeep()
    {
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

    private bool PeriodEnded(FileInfo info) =>
        _rotation.Interval != RotationInterval.Never
        && RolledFileNames.PeriodOf(info.LastWriteTime, _rotation.Interval) != RolledFileNames.PeriodOf(_clock.GetLocalNow().DateTime, _rotation.Interval);

    private string Roll(FileInfo active)
    {
        var target = _names.NextFree(RolledFileNames.PeriodOf(active.LastWriteTime, _rotation.Interval));
        File.Move(FullPath, target);
        return target;
    }

    private static void Compress(FileInfo file)
    {
        var target = file.FullName + ".gz";
        var temporary = target + "." + Environment.ProcessId + ".tmp";
        using (var source = file.OpenRead())
        using (var output = File.Create(temporary))
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            source.CopyTo(gzip);
        }

        // Keep the rolled file's age so that retention counts from when it was written, not compressed.
        File.SetLastWriteTimeUtc(temporary, file.LastWriteTimeUtc);
        File.Move(temporary, target, overwrite: true);
        File.Delete(file.FullName);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Another reader holds it open; the next housekeeping pass deletes it.
        }
    }

    public void Dispose() => _lock.Dispose();
}
