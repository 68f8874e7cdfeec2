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

    /// <summary>
    /// Service managers and container runtimes start each process in a session of its own (<c>setsid</c>), and two
    /// services may name the same folder differently (here through a symbolic link): the lock must hold across both.
    /// </summary>
    [Fact]
    public void WritersInSeparateSessionsAndSpellingsOfThePathLoseNoLine()
    {
        Assert.True(File.Exists("/usr/bin/setsid"), "this test needs setsid (util-linux)");
        const int writers = 4;
        const int linesEach = 5000;
        var alias = _folder["alias"];
        Directory.CreateSymbolicLink(alias, _folder.Path);
        var processes = Enumerable.Range(0, writers)
            .Select(w => StartWriter(w, linesEach, sizeLimit: 8 * 1024, compression: true, newSession: true, directory: w % 2 == 0 ? _folder.Path : alias))
            .ToList();
        foreach (var process in processes)
        {
            Assert.True(process.WaitForExit(180_000), "writer did not finish");
            Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        }

        var lines = Directory.GetFiles(_folder["logs"], "trading*").SelectMany(ReadLines).ToList();
        var seen = lines.Select(l => LinePattern().Match(l)).Where(m => m.Success).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal(lines.Count, seen.Count);
        Assert.Equal(writers * linesEach, seen.Distinct().Count());
        Assert.Equal(writers * linesEach, seen.Count);
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private Process StartWriter(int writer, int lines, int sizeLimit, bool compression, bool newSession = false, string? directory = null) =>
        LogWriterProcess.Start(newSession, directory ?? _folder.Path, "w" + writer, lines.ToString(System.Globalization.CultureInfo.InvariantCulture),
            sizeLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), compression.ToString());

    [GeneratedRegex(@"^INFO \| writer w(\d) line (\d+) padding x{40}$")]
    private static partial Regex LinePattern();
}
