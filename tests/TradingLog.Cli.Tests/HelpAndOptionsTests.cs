namespace TradingLog.Cli.Tests;

/// <summary>Every command answers --help, and a misspelt or out-of-range option is an error naming it.</summary>
public sealed class HelpAndOptionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string[]> Commands => new()
    {
        new[] { "demo" }, new[] { "config", "show" }, new[] { "db", "start" }, new[] { "db", "stop" }, new[] { "db", "migrate" },
        new[] { "db", "status" }, new[] { "cleanup" }, new[] { "trace" }, new[] { "trades" }, new[] { "perf" }, new[] { "tail" },
        new[] { "stats" }, new[] { "audit" }, new[] { "scheduler" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void EveryCommandAnswersHelp(string[] command)
    {
        var result = Tradelog.Run(_folder.Path, null, [.. command, "--help"]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("USAGE:", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stats", "--bogus", "Unknown option 'bogus'")]
    [InlineData("tail", "--levl", "Unknown option 'levl'")]
    [InlineData("trades", "--symbl", "Unknown option 'symbl'")]
    [InlineData("stats", "--since=99999999d", "--since takes a duration up to 100 years")]
    [InlineData("perf", "--since=1000000w", "--since takes a duration up to 100 years")]
    public void AMisspeltOrOutOfRangeOptionIsAnErrorNamingIt(string command, string option, string message)
    {
        var result = Tradelog.Run(_folder.Path, null, command, option);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Output + result.Error, StringComparison.Ordinal);
    }
}
