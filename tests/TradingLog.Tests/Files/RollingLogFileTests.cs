using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using TradingLog.Configuration;
using TradingLog.Files;
using TradingLog.Tests.Support;

namespace TradingLog.Tests.Files;

public sealed class RollingLogFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>
    /// A clock stopped at <paramref name="timeOfDay"/> (local time) today, in the machine's zone as file times are: the
    /// tests do not depend on when they run. Files written during a test are stamped by the real clock, later than this.
    /// </summary>
    private static FakeTimeProvider ClockAt(TimeSpan timeOfDay)
    {
        var local = DateTime.Today + timeOfDay;
        var clock = new FakeTimeProvider(new DateTimeOffset(local, TimeZoneInfo.Local.GetUtcOffset(local)));
        clock.SetLocalTimeZone(TimeZoneInfo.Local);
        return clock;
    }

    private static string Day(DateTime local) => local.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static LineBatch Lines(int count, string prefix = "line", int width = 0)
    {
        var batch = new LineBatch();
        for (var i = 0; i < count; i++)
        {
            batch.Add(Encoding.UTF8.GetBytes($"{prefix} {i}".PadRight(width) + "\n"));
        }

        return batch;
    }

    /// <summary>The log files of a folder, without the hidden lock files beside them (<c>.trading.log.lock</c>).</summary>
    private static string[] LogFiles(string folder, string pattern = "*", SearchOption option = SearchOption.TopDirectoryOnly) =>
        Directory.GetFiles(folder, pattern, option).Where(f => !Path.GetFileName(f).StartsWith('.')).ToArray();

    private static string[] AllLines(string folder) =>
        LogFiles(folder, "*", SearchOption.AllDirectories)
            .SelectMany(f => ReadText(f).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .ToArray();

    private static string ReadText(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [Fact]
    public void SizeLimitRollsToDatedFilesAndKeepsTheActiveName()
    {
        var rotation = new RotationSettings { SizeLimitBytes = 1000, Compression = false };
        using var file = new RollingLogFile(_folder["logs/trading.log"], rotation, ClockAt(TimeSpan.FromSeconds(30)));
        file.Append(Lines(100, width: 49), out var written);

        Assert.Equal(100, written);
        var today = Day(File.GetLastWriteTime(_folder["logs/trading.log"])); // a size roll names the period the lines were written in
        var names = LogFiles(_folder["logs"]).Select(Path.GetFileName).Order().ToList();
        Assert.Contains("trading.log", names);
        Assert.Contains($"trading.{today}.log", names);
        Assert.Contains($"trading.{today}.1.log", names);
        Assert.Equal(5, names.Count);
        Assert.True(File.Exists(_folder["logs/.trading.log.lock"]), "the cross-process lock file sits beside the log");
        Assert.All(LogFiles(_folder["logs"]), f => Assert.True(new FileInfo(f).Length <= 1000, f));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"line {i}".PadRight(49)).Order(), AllLines(_folder["logs"]).Order());
    }

    [Fact]
    public void RolledFilesAreGzippedWhenCompressionIsOn()
    {
        var rotation = new RotationSettings { SizeLimitBytes = 1000, Compression = true };
        using var file = new RollingLogFile(_folder["logs/trading.log"], rotation, ClockAt(TimeSpan.FromSeconds(30)));
        file.Append(Lines(100, width: 49), out _);

        var rolled = LogFiles(_folder["logs"]).Where(f => !f.EndsWith("trading.log", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, rolled.Count);
        Assert.All(rolled, f => Assert.EndsWith(".log.gz", f));
        Assert.Equal(100, AllLines(_folder["logs"]).Length);
    }

    [Fact]
    public void FirstWriteOfANewDayRollsYesterdaysFileUnderYesterdaysDate()
    {
        // Ten seconds before midnight, then half a minute after it.
        var clock = ClockAt(TimeSpan.FromSeconds(30));
        var path = _folder.Write("logs/trading.log", "from yesterday\n");
        var beforeMidnight = DateTime.Today.AddSeconds(-10);
        File.SetLastWriteTime(path, beforeMidnight);
        using var file = new RollingLogFile(path, new RotationSettings { Compression = false }, clock);

        file.Append(Lines(1, "today"), out _);

        Assert.Equal("today 0\n", File.ReadAllText(path));
        Assert.Equal("from yesterday\n", File.ReadAllText(_folder[$"logs/trading.{Day(beforeMidnight)}.log"]));
    }

    [Fact]
    public void AFileStampedLaterThanTheClockIsNotRolled()
    {
        // The clock says 00:00:30; the file was written later today (by the real clock, or a writer whose clock is ahead).
        var path = _folder.Write("logs/trading.log", "later today\n");
        using var file = new RollingLogFile(path, new RotationSettings { Compression = false }, ClockAt(TimeSpan.FromSeconds(30)));

        file.Append(Lines(1, "more"), out _);

        Assert.Equal("later today\nmore 0\n", File.ReadAllText(path));
        Assert.Single(LogFiles(_folder["logs"]));
    }

    [Fact]
    public void HourlyRotationNamesFilesByHour()
    {
        var path = _folder.Write("logs/trading.log", "earlier\n");
        File.SetLastWriteTime(path, DateTime.Today + new TimeSpan(9, 59, 59));
        using var file = new RollingLogFile(path, new RotationSettings { Interval = RotationInterval.Hourly, Compression = false },
            ClockAt(new TimeSpan(10, 0, 1)));

        file.Append(Lines(1), out _);

        Assert.Equal("earlier\n", File.ReadAllText(_folder[$"logs/trading.{Day(DateTime.Today)}_09.log"]));
    }

    [Fact]
    public void RolledFilesOlderThanRetentionAreDeletedWhenTheFileRolls()
    {
        var clock = ClockAt(TimeSpan.FromSeconds(30));
        var now = clock.GetUtcNow().UtcDateTime;
        var old = _folder.Write("logs/trading.2026-01-01.log.gz", "old");
        File.SetLastWriteTimeUtc(old, now.AddDays(-30).AddMinutes(-1));
        var recent = _folder.Write("logs/trading.2026-11-01.log.gz", "recent");
        File.SetLastWriteTimeUtc(recent, now.AddDays(-30).AddMinutes(1));
        var unrelated = _folder.Write("logs/trades.2026-01-01.log", "another file's");
        File.SetLastWriteTimeUtc(unrelated, now.AddDays(-60));
        using var file = new RollingLogFile(_folder["logs/trading.log"], new RotationSettings { SizeLimitBytes = 100, RetentionDays = 30 }, clock);

        file.Append(Lines(10, width: 30), out _);

        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
        Assert.True(File.Exists(unrelated));
    }

    [Fact]
    public void CompressedFilesKeepTheirOriginalAgeForRetention()
    {
        // Written two days ago: the next append rolls it (a new period) and gzips it; retention must still see two days.
        var clock = ClockAt(TimeSpan.FromSeconds(30));
        var written = clock.GetUtcNow().UtcDateTime.AddDays(-2);
        var active = _folder.Write("logs/trading.log", "two days old\n");
        File.SetLastWriteTimeUtc(active, written);
        using var file = new RollingLogFile(active, new RotationSettings { Compression = true }, clock);

        file.Append(Lines(1, "today"), out _);

        var gz = Assert.Single(LogFiles(_folder["logs"], "*.gz"));
        Assert.Equal(written, File.GetLastWriteTimeUtc(gz), TimeSpan.FromSeconds(1));
        Assert.Equal("two days old\n", ReadText(gz));
    }

    [Fact]
    public void DeletedFolderIsCreatedAgain()
    {
        using var file = new RollingLogFile(_folder["logs/trading.log"], new RotationSettings());
        file.Append(Lines(1), out _);
        Directory.Delete(_folder["logs"], recursive: true);
        file.Append(Lines(1, "again"), out _);
        Assert.Equal("again 0\n", File.ReadAllText(_folder["logs/trading.log"]));
    }
    /// <summary>The process ID of a real process that has ended: what a crash during compression leaves in a temporary name.</summary>
    internal static int DeadProcessId()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }

    [Fact]
    public void HousekeepingAfterARollRemovesTemporaryCompressionOutputsOfGoneOrOldWritersAndCompressesTheirFilesAgain()
    {
        var clock = ClockAt(TimeSpan.FromSeconds(30));
        var now = clock.GetUtcNow().UtcDateTime;
        var dead = DeadProcessId();
        var me = Environment.ProcessId;
        var interrupted = _folder.Write("logs/trading.2026-11-20.log", "interrupted\n");
        File.SetLastWriteTimeUtc(interrupted, now.AddDays(-2));
        _folder.Write($"logs/trading.2026-11-20.log.gz.{dead}.tmp", "partial");
        var old = _folder.Write($"logs/trading.2026-11-21.log.gz.{me}.tmp", "partial, two hours old");
        File.SetLastWriteTimeUtc(old, now.AddHours(-2));
        var inProgress = _folder.Write($"logs/trading.2026-11-22.log.gz.{me}.tmp", "a compression still running");
        _folder.Write("logs/notes.tmp", "not ours");
        var active = _folder.Write("logs/trading.log", "from yesterday\n");
        File.SetLastWriteTime(active, clock.GetLocalNow().DateTime.AddDays(-1));
        using var file = new RollingLogFile(active, new RotationSettings { Compression = true }, clock);

        file.Append(Lines(1, "today"), out _);

        var yesterday = Day(clock.GetLocalNow().DateTime.AddDays(-1));
        string[] left = ["trading.2026-11-20.log.gz", $"trading.2026-11-22.log.gz.{me}.tmp", $"trading.{yesterday}.log.gz", "notes.tmp", "trading.log"];
        Assert.Equal(left.Order(StringComparer.Ordinal), LogFiles(_folder["logs"]).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
        Assert.Equal("interrupted\n", ReadText(_folder["logs/trading.2026-11-20.log.gz"]));
        Assert.Equal("a compression still running", File.ReadAllText(inProgress));
    }
}
