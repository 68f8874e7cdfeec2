using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace TradingLog.PostgreSql.Sink;

/// <summary>
/// The durable on-disk queue of batches that could not reach PostgreSQL. One file per batch, written to a temporary
/// name and renamed, so a crash never leaves half a batch. Files are replayed oldest first; a process claims a file by
/// renaming it, so two processes of one service never replay the same batch. Past <c>maxBytes</c> the oldest
/// batches are dropped and counted.
/// </summary>
internal sealed class BatchSpool
{
    private const string Extension = ".batch";
    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly DatabaseSinkMetrics _metrics;
    private readonly string _claimSuffix = ".claimed-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
    private long _sequence;

    public BatchSpool(string directory, long maxBytes, DatabaseSinkMetrics metrics)
    {
        _directory = directory;
        _maxBytes = maxBytes;
        _metrics = metrics;
        Directory.CreateDirectory(directory);
        ReleaseAbandonedClaims();
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

        File.Move(temporary, path);
        _metrics.AddSpooled(batch.Count);
        EnforceBound();
    }

    /// <summary>Claims the oldest batch for replay, or returns null when there is none left.</summary>
    public SpoolClaim? ClaimOldest()
    {
        foreach (var file in Pending().OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var claimed = file.FullName + _claimSuffix;
            try
            {
                File.Move(file.FullName, claimed);
            }
            catch (IOException)
            {
                continue;
            }

            try
            {
                var batch = Read(claimed);
                return new SpoolClaim(claimed, file.FullName, batch);
            }
            catch (Exception e) when (e is JsonException or InvalidDataException or EndOfStreamException)
            {
                File.Move(claimed, file.FullName + ".corrupt");
            }
        }

        return null;
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

    public static void Release(SpoolClaim claim) => File.Move(claim.ClaimedPath, claim.OriginalPath, overwrite: true);

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
        var files = Pending().OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var total = files.Sum(LengthOf);
        foreach (var file in files)
        {
            if (total <= _maxBytes)
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
