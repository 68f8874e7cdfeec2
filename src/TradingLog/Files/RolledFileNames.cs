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

    public RolledFileNames(string activePath)
    {
        _directory = Path.GetDirectoryName(activePath)!;
        _extension = Path.GetExtension(activePath);
        _stem = Path.GetFileNameWithoutExtension(activePath);
        _pattern = new Regex(
            "^" + Regex.Escape(_stem) + @"\.\d{4}-\d{2}(-\d{2})?(_\d{2})?(\.\d+)?" + Regex.Escape(_extension) + @"(\.gz)?$",
            RegexOptions.CultureInvariant);
    }

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

    /// <summary>The rolled files that exist now, compressed or not.</summary>
    public IEnumerable<FileInfo> Existing() =>
        Directory.Exists(_directory)
            ? new DirectoryInfo(_directory).EnumerateFiles(_stem + ".*").Where(f => _pattern.IsMatch(f.Name))
            : [];
}
