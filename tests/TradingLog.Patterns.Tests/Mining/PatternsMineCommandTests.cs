using TradingLog.Patterns.Tests.Support;

namespace TradingLog.Patterns.Tests.Mining;

/// <summary><c>tradelog patterns mine FILE --assignments OUT.csv</c>, run as a user runs it, measured as the accuracy harness measures it.</summary>
public sealed class PatternsMineCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AssignmentsHaveTheExactHeaderARowPerLineAndGiveTheLabelledSetItsAccuracy()
    {
        var corpus = LabelledCorpus.Generate(300).Where(l => l.Kind is "ssh" or "dfs").ToList();
        var input = _folder.Write("ssh-and-dfs.log", string.Join('\n', corpus.Select(l => l.Text)) + "\n");
        var output = _folder["assignments.csv"];

        var result = Tradelog.Run(_folder.Path, null, "patterns", "mine", input, "--assignments", output);

        Assert.True(result.ExitCode == 0, result.Error);
        var rows = File.ReadAllLines(output);
        Assert.Equal("line,template_id,template", rows[0]);
        Assert.Equal(corpus.Count, rows.Length - 1);
        var parsed = rows.Skip(1).Select(r => r.Split(',', 3)).ToList();
        Assert.Equal(Enumerable.Range(1, corpus.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), parsed.Select(p => p[0]));
        var accuracy = GroupingAccuracy.Of(corpus.Select(l => l.Template).ToList(), parsed.Select(p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)).ToList());
        Assert.True(accuracy > 0.95, $"grouping accuracy {accuracy:0.000}");
        Assert.Contains(parsed, p => p[2] == "Accepted password for <*> from <*> port <*> ssh2");
        Assert.Contains("templates in", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ATemplateWithACommaOrQuoteIsQuotedInTheCsv()
    {
        var input = _folder.Write("quoted.log", "user \"bob\", id 7\nuser \"bob\", id 8\n");
        var output = _folder["out.csv"];
        Assert.Equal(0, Tradelog.Run(_folder.Path, null, "patterns", "mine", input, "--assignments", output).ExitCode);
        Assert.Equal(["line,template_id,template", "1,1,\"user \"\"bob\"\", id <*>\"", "2,1,\"user \"\"bob\"\", id <*>\""], File.ReadAllLines(output));
    }

    [Fact]
    public void AMissingFileIsNamed()
    {
        var result = Tradelog.Run(_folder.Path, null, "patterns", "mine", "nothing-here.log");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("FILE: nothing-here.log does not exist", result.Error + result.Output, StringComparison.Ordinal);
    }
}
