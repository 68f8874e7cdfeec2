namespace TradingLog.Tests;

/// <summary>
/// Source lines in <c>src/</c> and <c>samples/</c> stay within 160 characters (<c>max_line_length</c> in
/// <c>.editorconfig</c>), so that code reads without scrolling sideways.
/// </summary>
public sealed class SourceLinesStayWithinTheReadableWidthTests
{
    private const int MaxLineLength = 160;

    [Fact]
    public void EverySourceLineIsAtMost160Characters()
    {
        var root = Repository.Root;
        var tooLong = new List<string>();
        foreach (var folder in new[] { "src", "samples" })
        {
            var files = Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var lines = File.ReadAllLines(Path.Combine(root, file));
                for (var i = 0; i < lines.Length; i++)
                {
                    if (lines[i].Length > MaxLineLength)
                    {
                        tooLong.Add($"{file}:{i + 1} ({lines[i].Length})");
                    }
                }
            }
        }

        Assert.True(tooLong.Count == 0,
            $"{tooLong.Count} line(s) longer than {MaxLineLength} characters:\n" + string.Join('\n', tooLong));
    }
}
