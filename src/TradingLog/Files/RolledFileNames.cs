using System.Globalization;
using System.Text.RegularExpressions;
using TradingLog.Configuration;

namespace TradingLog.Files;

/// <summary>
/// Names of rolled files. The active file keeps its name (<c>logs/trading.log</c>); a rolled one is dated by the
/// period it covers and numbered when one period rolls more than once: <c>trading.2026-11-27.log</c>,
/// <c>trading.2026-11-27.1.log</c>, then <c>.gz</c> when compressed.
/// </summary>
internal sealed class RolledFileNames
{
    private readonly string _directory;
    private readonly string _stem;
    private readonly string _extension;
    private readonly Regex _pattern;
    private readonly Regex _temporary;

    public RolledFileNames(string activePath)
    {
        _directory = Path.GetDirectoryName(activePath)!;
        _extension = Path.GetExtension(activePath);
        _stem = Path.GetFileNameWithoutExtension(activePath);
        var rolled = "^" + Regex.Escape(_stem) + @"\.\d{4}-\d{2}(-\d{2})?(_\d{2})?(\.\d+)?" + Regex.Escape(_extension);
        _pattern = new Regex(rolled + @"(\.gz)?$", RegexOptions.CultureInvariant);
        _temporary = new Regex(rolled + @"\.gz\.(?<pid>\d{1,9})\.tmp$", RegexOptions.CultureInvariant);
    }

    /// <summary>The name compression writes to before renaming it to <c>NAME.gz</c>; it carries the writer's process ID.</summary>
    public static string TemporaryOf(string gzipPath) => gzipPath + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";

    public static string PeriodOf(DateTime localTime, RotationInterval interval) => interval switch
    {
        RotationInterval.Hourly => localTime.ToString("yyyy-MM-dd_HH", CultureInfo.InvariantCulture),
        RotationInterval.Weekly => localTime.Date.AddDays(-(((int)localTime.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        RotationInterval.Monthly => localTime.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => localTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>The first free name for a file covering <paramref name="period"/>.</summary>
    public string NextFree(string period)
    {
        for (var n = 0; ; n++)
        {
            var name = Path.Combine(_directory, n == 0 ? $"{_stem}.{period}{_extension}" : $"{_stem}.{period}.{n}{_extension}");
            if (!File.Exists(name) && !File.Exists(name + ".gz"))
            {
                return name;
            }
        }
    }

    /// <summary>
    /// Temporary compression outputs (<c>trading.2026-11-27.log.gz.PID.tmp</c>) whose writer is gone: its process is not
    /// running, or the file is older than <paramref name="staleAfter"/> (the process ID may have been reused). A crash
    /// during compression leaves them; nothing else ever removes them.
    /// </summary>
    public IEnumerable<FileInfo> LeftoverTemporaries(DateTime utcNow, TimeSpan staleAfter) =>
        Directory.Exists(_directory)
            ? new DirectoryInfo(_directory).EnumerateFiles(_stem + ".*.tmp")
                .Select(f => (File: f, Match: _temporary.Match(f.Name)))
                .Where(t => t.Match.Success && (!IsRunning(int.Parse(t.Match.Groups["pid"].Value, CultureInfo.InvariantCulture))
                    || t.File.LastWriteTimeUtc < utcNow - staleAfter))
                .Select(t => t.File)
                .ToList()
            : [];

    /// <summary>The rolled file a temporary compression output was made from: its name without <c>.gz.PID.tmp</c>.</summary>
    public static string OriginalOf(FileInfo temporary)
    {
        var name = temporary.FullName;
        return name[..name.LastIndexOf(".gz.", StringComparison.Ordinal)];
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The rolled files that exist now, compressed or not.</summary>
    public IEnumerable<FileInfo> Existing() =>
        Directory.Exists(_directory)
            ? new DirectoryInfo(_directory).EnumerateFiles(_stem + ".*").Where(f => _pattern.IsMatch(f.Name))
            : [];
}
