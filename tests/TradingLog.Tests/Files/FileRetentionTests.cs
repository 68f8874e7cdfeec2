using TradingLog.Configuration;
using TradingLog.Files;
using TradingLog.Tests.Support;

namespace TradingLog.Tests.Files;

public sealed class FileRetentionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Aged(string relative, int days)
    {
        var path = _folder.Write(relative, "line\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddDays(-days));
        return path;
    }

    [Fact]
    public void RolledFilesAreArchivedAfterArchiveDaysAndDeletedAfterRetentionDays()
    {
        var settings = new TradingLogSettings();
        settings.Retention.FileArchiveAfterDays = 7;
        settings.Rotation.RetentionDays = 30;
        var active = Aged("logs/trading.log", 60);
        var fresh = Aged("logs/trading.2026-11-25.log", 2);
        var week = Aged("logs/trading.2026-11-10.log", 10);
        var weekGz = Aged("logs/errors.2026-11-09.log.gz", 11);
        var old = Aged("logs/trading.2026-09-01.1.log.gz", 40);
        var oldArchived = Aged("logs/archive/trading.2026-08-01.log.gz", 45);
        var recentArchived = Aged("logs/archive/trading.2026-11-01.log.gz", 20);
        var unrelated = Aged("logs/notes.txt", 90);

        var result = FileRetention.Apply(settings, _folder.Path, DateTimeOffset.UtcNow, dryRun: false);

        Assert.True(File.Exists(active));
        Assert.True(File.Exists(fresh));
        Assert.True(File.Exists(unrelated));
        Assert.False(File.Exists(week));
        Assert.True(File.Exists(_folder["logs/archive/trading.2026-11-10.log.gz"]));
        Assert.True(File.GetLastWriteTimeUtc(_folder["logs/archive/trading.2026-11-10.log.gz"]) < DateTime.UtcNow.AddDays(-9));
        Assert.False(File.Exists(weekGz));
        Assert.True(File.Exists(_folder["logs/archive/errors.2026-11-09.log.gz"]));
        Assert.False(File.Exists(old));
        Assert.False(File.Exists(oldArchived));
        Assert.True(File.Exists(recentArchived));
        Assert.Equal(2, result.Archived.Count);
        Assert.Equal(2, result.Deleted.Count);
    }

    [Fact]
    public void AsOfEvaluatesAgesAtThatTimeAndDryRunTouchesNothing()
    {
        var settings = new TradingLogSettings();
        var file = Aged("logs/trading.2026-11-20.log", 5);
        var result = FileRetention.Apply(settings, _folder.Path, DateTimeOffset.UtcNow.AddDays(40), dryRun: true);
        Assert.Equal([file], result.Deleted);
        Assert.True(File.Exists(file));
    }
    [Fact]
    public void CleanupRemovesTemporaryCompressionOutputsOfGoneOrOldWritersAndCompressesTheirFilesAgain()
    {
        var settings = new TradingLogSettings();
        var dead = RollingLogFileTests.DeadProcessId();
        var me = Environment.ProcessId;
        Aged("logs/trading.log", 0);
        var interrupted = Aged("logs/trading.2026-11-25.log", 2);
        Aged($"logs/trading.2026-11-25.log.gz.{dead}.tmp", 2);
        Aged($"logs/archive/trading.2026-11-01.log.gz.{dead}.tmp", 0);
        var old = _folder.Write($"logs/errors.2026-11-26.log.gz.{me}.tmp", "partial");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-2));
        var inProgress = _folder.Write($"logs/trading.2026-11-27.log.gz.{me}.tmp", "a compression still running");

        var dryRun = FileRetention.Apply(settings, _folder.Path, DateTimeOffset.UtcNow, dryRun: true);
        Assert.Equal(3, dryRun.Deleted.Count);
        Assert.Equal(6, LogFiles().Length);

        var result = FileRetention.Apply(settings, _folder.Path, DateTimeOffset.UtcNow, dryRun: false);

        Assert.Equal(3, result.Deleted.Count);
        Assert.Empty(result.Archived);
        Assert.Equal(
            ["trading.2026-11-25.log.gz", $"trading.2026-11-27.log.gz.{me}.tmp", "trading.log"],
            LogFiles().Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.False(File.Exists(interrupted));
        Assert.True(File.GetLastWriteTimeUtc(_folder["logs/trading.2026-11-25.log.gz"]) < DateTime.UtcNow.AddDays(-1));
        Assert.Equal("a compression still running", File.ReadAllText(inProgress));
    }

    /// <summary>Every file under logs/, without the hidden cross-process lock files (<c>.trading.log.lock</c>).</summary>
    private string[] LogFiles() =>
        Directory.GetFiles(_folder["logs"], "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')).ToArray();
}
