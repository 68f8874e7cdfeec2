using System.Text.Json;
using TradingLog.Cli.Tests.Support;
using TradingLog.Patterns.Assignment;

namespace TradingLog.Cli.Tests.Commands.Patterns;

/// <summary>Known events of known patterns, logged through the library into the embedded server, read back by <c>tradelog patterns</c>.</summary>
public sealed class PatternsCommandTests : IClassFixture<PatternsCommandTests.KnownPatterns>
{
    private readonly KnownPatterns _data;

    public PatternsCommandTests(KnownPatterns data) => _data = data;

    public sealed class KnownPatterns : IDisposable
    {
        public TempFolder Folder { get; } = new();

        public KnownPatterns()
        {
            var start = Tradelog.Run(Folder.Path, null, "db", "start");
            Assert.True(start.ExitCode == 0, start.Error);
            EmbeddedStore.Log(Folder.Path, "execution", log =>
            {
                for (var i = 0; i < 3; i++)
                {
                    log.Info("Order {OrderId} placed", i);
                }

                for (var i = 0; i < 4; i++)
                {
                    log.Warning($"Connection to 10.0.0.{i}:443 reset after {i * 7} ms");
                }
            });
            EmbeddedStore.Log(Folder.Path, "risk_management", log =>
            {
                log.Warning("Exposure at {Percent}%", 95);
                log.Warning("Exposure at {Percent}%", 97);
            });
        }

        public void Dispose()
        {
            Tradelog.Run(Folder.Path, null, "db", "stop");
            Folder.Dispose();
        }
    }

    private List<JsonElement> Patterns(params string[] args)
    {
        var result = Tradelog.Run(_data.Folder.Path, null, ["patterns", .. args, "--json"]);
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        return [.. JsonDocument.Parse(result.Output.Trim().Split('\n').Last()).RootElement.EnumerateArray()];
    }

    private static JsonElement Of(List<JsonElement> patterns, string template) =>
        Assert.Single(patterns, p => p.GetProperty("template").GetString() == template);

    [Fact]
    public void PatternsListsEachTemplateAndMinedTextWithItsCountsAndAnExample()
    {
        var patterns = Patterns("--since", "1h");

        var placed = Of(patterns, "Order {OrderId} placed");
        Assert.Equal(("execution", 3, "template", "Order 0 placed"),
            (placed.GetProperty("service").GetString(), placed.GetProperty("events").GetInt32(), placed.GetProperty("source").GetString(),
             placed.GetProperty("example").GetString()));
        Assert.Equal(PatternIds.Format(PatternIds.Of("Order {OrderId} placed")), placed.GetProperty("pattern_id").GetString());
        Assert.True(placed.GetProperty("is_new").GetBoolean());
        Assert.Equal(3, placed.GetProperty("trend").EnumerateArray().Sum(b => b.GetInt32()));

        var reset = Of(patterns, "Connection to <*> reset after <*> ms");
        Assert.Equal(("mined", 4), (reset.GetProperty("source").GetString(), reset.GetProperty("events").GetInt32()));
        Assert.Equal(2, Of(patterns, "Exposure at {Percent}%").GetProperty("events").GetInt32());
    }

    [Fact]
    public void PatternsOfOneServiceLeaveTheOthersOut()
    {
        var patterns = Patterns("--service", "risk_management");
        Assert.Equal(["risk_management"], patterns.Select(p => p.GetProperty("service").GetString()).Distinct());
        Assert.Contains(patterns, p => p.GetProperty("template").GetString() == "Exposure at {Percent}%");
    }

    [Fact]
    public void PatternsNewOnlyListsPatternsFirstSeenInTheWindow()
    {
        Assert.NotEmpty(Patterns("--new", "--since", "1h"));
        Assert.All(Patterns("--new"), p => Assert.True(p.GetProperty("is_new").GetBoolean()));
    }

    [Fact]
    public void PatternsAsATableShowsTheTrendAndTheTemplate()
    {
        var result = Tradelog.Run(_data.Folder.Path, null, "patterns", "--since", "2h");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Patterns since 2h", result.Output, StringComparison.Ordinal);
        Assert.Contains("Order {OrderId} placed", result.Output, StringComparison.Ordinal);
        Assert.Contains("█ new", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void PatternsOfAServiceTheToolLogsAsItselfCanBeAskedFor()
    {
        // `db start` is audited by the tool as the maintenance service; its patterns are listed like any other.
        var patterns = Patterns("--service", "maintenance", "--since", "1h");
        Assert.NotEmpty(patterns);
        Assert.All(patterns, p => Assert.Equal("maintenance", p.GetProperty("service").GetString()));
    }

    [Theory]
    [InlineData("--service", "nosuch", "--service: unknown service 'nosuch'; known services are alerting, analytics")]
    [InlineData("--limit", "0", "--limit: 0 is out of range")]
    [InlineData("--since", "soon", "--since")]
    public void ABadOptionIsNamed(string option, string value, string expected)
    {
        var result = Tradelog.Run(_data.Folder.Path, null, "patterns", option, value);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.Error + result.Output, StringComparison.Ordinal);
    }
}
