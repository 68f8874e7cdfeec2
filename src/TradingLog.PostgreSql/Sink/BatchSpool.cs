using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace TradingLog.PostgreSql.Sink;

/// <summary>
/// The durable on-disk queue of batches that could not reach PostgreSQL. One file per batch, written to a temporary
/// name and renamed, so a crash never leaves half a batch. Files are replayed oldest first; a process claims a file by
/// renaming it, so two processes of one service never replay the same batch. Past <c>maxBytes</c> the oldest
/// batches are dropped, down to 90% of it, and counted.
/// </summary>
internal sealed class BatchSpool
{
    private const string Extension = ".batch";
    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly DatabaseSinkMetrics _metrics;
    private readonly string _claimSuffix = ".claimed-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
    // Checking the bound lists the folder; done every this many batches (or when the estimate passes the bound), so
    // that a long outage with tens of thousands of batches does not list them all for every new one.
    private const int AppendsPerBoundCheck = 64;
    private readonly Queue<string> _oldestFirst = new();
    private long _sequence;
    private long _estimatedBytes;
    private int _appendsSinceBoundCheck;

    public BatchSpool(string directory, long maxBytes, DatabaseSinkMetrics metrics)
    {
        _directory = directory;
        _maxBytes = maxBytes;
        _metrics = metrics;
        Directory.CreateDirectory(directory);
        ReleaseAbandonedClaims();
        _estimatedBytes = Bytes;
    }

    public bool IsEmpty => !Pending().Any();

    public long Bytes => Pending().Sum(LengthOf);

    public long Events => Pending().Sum(f => EventsIn(f.Name));

    public void Append(IReadOnlyList<EncodedEvent> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var name = string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow.Ticks:D19}-{Environment.ProcessId:D7}-{Interlocked.Increment(ref _sequence):D9}-{batch.Count:D6}{Extension}");
        var path = Path.Combine(_directory, name);
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            // Compressed: log batches shrink about tenfold, so the same spool_max_bytes outlasts a ten times longer
            // outage (measured in docs/benchmarks.md).
            using (var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true))
            {
                JsonSerializer.Serialize(gzip, batch);
            }

            stream.Flush(flushToDisk: true);
        }

        var length = new FileInfo(temporary).Length;
        File.Move(temporary, path);
        _metrics.AddSpooled(batch.Count);
        if (Interlocked.Add(ref _estimatedBytes, length) > _maxBytes || Interlocked.Increment(ref _appendsSinceBoundCheck) >= AppendsPerBoundCheck)
        {
            EnforceBound();
        }
    }

    /// <summary>Claims the oldest batch for replay, or returns null when there is none left.</summary>
    /// <remarks>
    /// The folder is listed once and claimed from in name (time) order until that list is used up: a replay of N
    /// batches lists the folder a few times, not N times. Batches spooled meanwhile are newer, so the order holds.
    /// </remarks>
    public SpoolClaim? ClaimOldest()
    {
        lock (_oldestFirst)
        {
            var listed = false;
            while (true)
            {
                if (_oldestFirst.Count == 0)
                {
                    if (listed)
                    {
                        return null;
                    }

                    foreach (var name in Pending().Select(f => f.Name).Order(StringComparer.Ordinal))
                    {
                        _oldestFirst.Enqueue(name);
                    }

                    listed = true;
                    continue;
                }

                if (TryClaim(Path.Combine(_directory, _oldestFirst.Dequeue())) is { } claim)
                {
                    return claim;
                }
            }
        }
    }

    private SpoolClaim? TryClaim(string path)
    {
        var claimed = path + _claimSuffix;
        try
        {
            File.Move(path, claimed);
        }
        catch (IOException)
        {
            return null; // claimed by another process, or dropped by the bound, since the folder was listed
        }

        try
        {
            return new SpoolClaim(claimed, path, Read(claimed));
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or EndOfStreamException)
        {
            File.Move(claimed, path + ".corrupt");
            return null;
        }
    }

    /// <summary>Reads a spooled batch: gzip-compressed JSON, or plain JSON as spools before compression held.</summary>
    private static List<EncodedEvent> Read(string path)
    {
        using var stream = File.OpenRead(path);
        var compressed = stream.ReadByte() == 0x1f && stream.ReadByte() == 0x8b;
        stream.Position = 0;
        using var content = compressed ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
        return JsonSerializer.Deserialize<List<EncodedEvent>>(content) ?? [];
    }

    public static void Complete(SpoolClaim claim) => File.Delete(claim.ClaimedPath);

    /// <summary>Puts a claimed batch back; it is older than every batch still listed, so the list is read again.</summary>
    public void Release(SpoolClaim claim)
    {
        File.Move(claim.ClaimedPath, claim.OriginalPath, overwrite: true);
        lock (_oldestFirst)
        {
            _oldestFirst.Clear();
        }
    }

    private IEnumerable<FileInfo> Pending() =>
        new DirectoryInfo(_directory).EnumerateFiles("*" + Extension);

    /// <summary>A file's size, or 0 once replay has claimed (renamed) or completed it while the folder was listed.</summary>
    private static long LengthOf(FileInfo file)
    {
        try
        {
            return file.Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private void EnforceBound()
    {
        Interlocked.Exchange(ref _appendsSinceBoundCheck, 0);
        var files = Pending().OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var total = files.Sum(LengthOf);
        // Past the bound, drop to 90% of it, so that a spool at its bound is not listed again for every new batch.
        var target = total > _maxBytes ? _maxBytes - _maxBytes / 10 : _maxBytes;
        foreach (var file in files)
        {
            if (total <= target)
            {
                break;
            }

            // Renamed first, as replay claims a batch: of the two, only one rename succeeds, so a batch being
            // replayed is never also counted as dropped.
            var length = LengthOf(file);
            var doomed = file.FullName + ".dropped";
            try
            {
                File.Move(file.FullName, doomed);
                File.Delete(doomed);
                total -= length;
                _metrics.AddDropped(EventsIn(file.Name));
                _metrics.Failed($"spool over {_maxBytes} bytes: dropped the oldest batch {file.Name}");
            }
            catch (IOException)
            {
            }
        }

        Interlocked.Exchange(ref _estimatedBytes, total);
    }

    private void ReleaseAbandonedClaims()
    {
        foreach (var file in new DirectoryInfo(_directory).EnumerateFiles("*" + Extension + ".claimed-*"))
        {
            var pid = file.Name[(file.Name.LastIndexOf('-') + 1)..];
            if (int.TryParse(pid, CultureInfo.InvariantCulture, out var id) && !IsAlive(id))
            {
                File.Move(file.FullName, file.FullName[..file.FullName.IndexOf(".claimed-", StringComparison.Ordinal)], overwrite: true);
            }
        }
    }

    private static bool IsAlive(int processId)
    {
        if (processId == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static long EventsIn(string name)
    {
        var stem = name[..name.IndexOf(Extension, StringComparison.Ordinal)];
        return long.TryParse(stem[(stem.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture, out var count) ? count : 0;
    }
}
