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
}
