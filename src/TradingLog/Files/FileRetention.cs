using System.IO.Compression;
using TradingLog.Configuration;

namespace TradingLog.Files;

/// <summary>
/// Retention of rolled log files: files older than <c>file_archive_after_days</c> move to an <c>archive</c> folder beside
/// them (gzipped if they were not), and files older than <c>file_retention_days</c> (<c>rotation.retention</c>) are
/// deleted, in both places. Active files are never touched. Ages count from a file's last write. Temporary
/// compression outputs left by a crash (<c>NAME.gz.PID.tmp</c>, whose process is gone or that are over an hour old) are
/// deleted, and their rolled files compressed again.
/// </summary>
public static class FileRetention
{
    /// <summary>The folder, beside each log file, that holds archived rolled files.</summary>
    public const string ArchiveFolder = "archive";

    /// <summary>Applies the rules as of <paramref name="asOf"/>; with <paramref name="dryRun"/> only reports what it would do.</summary>
    public static FileRetentionResult Apply(TradingLogSettings settings, string workingDirectory, DateTimeOffset asOf, bool dryRun)
    {
        var result = new FileRetentionResult();
        var archiveBefore = asOf.UtcDateTime.AddDays(-settings.Retention.FileArchiveAfterDays);
        var deleteBefore = asOf.UtcDateTime.AddDays(-settings.Rotation.RetentionDays);
        foreach (var active in LogFiles(settings).Select(f => Path.GetFullPath(f, workingDirectory)).Distinct(StringComparer.Ordinal))
        {
            var archive = Path.Combine(Path.GetDirectoryName(active)!, ArchiveFolder, Path.GetFileName(active));

            // Compressions a crash interrupted: their temporary outputs go, and their rolled files are compressed again.
            using (var rolling = new RollingLogFile(active, settings.Rotation))
            {
                result.Deleted.AddRange(rolling.CleanUpInterruptedCompressions(dryRun));
            }

            foreach (var temporary in new RolledFileNames(archive).LeftoverTemporaries(DateTime.UtcNow, RollingLogFile.TemporaryStaleAfter))
            {
                result.Deleted.Add(temporary.FullName);
                if (!dryRun)
                {
                    temporary.Delete();
                }
            }

            foreach (var file in new RolledFileNames(archive).Existing().ToList())
            {
                if (file.LastWriteTimeUtc < deleteBefore)
                {
                    result.Deleted.Add(file.FullName);
                    if (!dryRun)
                    {
                        file.Delete();
                    }
                }
            }

            foreach (var file in new RolledFileNames(active).Existing().ToList())
            {
                if (file.LastWriteTimeUtc < deleteBefore)
                {
                    result.Deleted.Add(file.FullName);
                    if (!dryRun)
                    {
                        file.Delete();
                    }
                }
                else if (file.LastWriteTimeUtc < archiveBefore)
                {
                    result.Archived.Add(file.FullName);
                    if (!dryRun)
                    {
                        MoveToArchive(file, Path.GetDirectoryName(archive)!);
                    }
                }
            }
        }

        return result;
    }

    private static IEnumerable<string> LogFiles(TradingLogSettings settings) =>
        new[] { settings.Files.Main, settings.Files.Errors, settings.Files.System, settings.Files.Trades, settings.Files.Performance }
            .Concat(settings.Services.Keys.Select(settings.FileOf))
            .Where(f => !string.IsNullOrWhiteSpace(f));

    private static void MoveToArchive(FileInfo file, string folder)
    {
        Directory.CreateDirectory(folder);
        var written = file.LastWriteTimeUtc;
        if (file.Name.EndsWith(".gz", StringComparison.Ordinal))
        {
            file.MoveTo(Path.Combine(folder, file.Name), overwrite: true);
            return;
        }

        // Written beside and renamed, so a crash never leaves a truncated archive; a left-over temporary is removed by the next run.
        var target = Path.Combine(folder, file.Name + ".gz");
        var temporary = RolledFileNames.TemporaryOf(target);
        using (var source = file.OpenRead())
        using (var output = File.Create(temporary))
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            source.CopyTo(gzip);
        }

        File.SetLastWriteTimeUtc(temporary, written);
        File.Move(temporary, target, overwrite: true);
        file.Delete();
    }
}
