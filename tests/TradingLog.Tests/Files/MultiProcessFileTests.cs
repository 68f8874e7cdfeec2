using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using TradingLog.Tests.Support;

namespace TradingLog.Tests.Files;

public sealed partial class MultiProcessFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SeveralProcessesShareAndRollOneFileWithoutCorruptingOrLosingLines(bool compression)
    {
        const int writers = 4;
        const int linesEach = 3000;
        var processes = Enumerable.Range(0, writers)
            .Select(w => StartWriter(w, linesEach, sizeLimit: 64 * 1024, compression))
            .ToList();
        foreach (var process in processes)
        {
            Assert.True(process.WaitForExit(120_000), "writer did not finish");
            Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        }

        var files = Directory.GetFiles(_folder["logs"], "trading*");
        Assert.True(files.Length > 3, $"expected the shared file to roll, found {files.Length} files");
        var lines = files.SelectMany(ReadLines).ToList();
        Assert.All(lines, l => Assert.Matches(LinePattern(), l));
        var seen = lines.Select(l => LinePattern().Match(l)).Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(writers * linesEach, seen.Count);
        Assert.Equal(writers * linesEach, seen.Distinct().Count());
        if (compression)
        {
            Assert.Contains(files, f => f.EndsWith(".gz", StringComparison.Ordinal));
        }
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private Process StartWriter(int writer, int lines, int sizeLimit, bool compression)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TradingLog.Tests.LogWriter.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing; the test project builds it");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, _folder.Path, "w" + writer, lines.ToString(System.Globalization.CultureInfo.InvariantCulture), sizeLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), compression.ToString() })
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    [GeneratedRegex(@"^INFO \| writer w(\d) line (\d+) padding x{40}$")]
    private static partial Regex LinePattern();
}
