using System.Text.Json;
using TradingLog.Cli.Tests.Support;

namespace TradingLog.Cli.Tests.Commands.Config;

public sealed class ConfigShowCommandTests : IDisposable
{
    private static readonly string DesignYaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "logging.yaml"));
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static JsonElement Setting(JsonElement document, string key) =>
        document.GetProperty("settings").EnumerateArray().Single(s => s.GetProperty("key").GetString() == key);

    [Fact]
    public void ShowsEveryValueWithItsSource()
    {
        _folder.Write("config/logging.yaml", DesignYaml);
        _folder.Write("config/logging.Production.yaml", "logging:\n  services:\n    strategy_engine:\n      level: INFO\n");
        var result = Tradelog.Run(_folder.Path, new Dictionary<string, string> { ["TRADINGLOG_DATABASE__BATCH_SIZE"] = "250" },
            "config", "show", "--environment", "Production", "--set", "rotation.size=5 MB", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal("Production", json.GetProperty("environment").GetString());
        Assert.Equal("INFO", Setting(json, "logging.services.strategy_engine.level").GetProperty("value").GetString());
        Assert.Equal("EnvironmentFile", Setting(json, "logging.services.strategy_engine.level").GetProperty("source").GetString());
        Assert.Equal("250", Setting(json, "logging.database.batch_size").GetProperty("value").GetString());
        Assert.Equal("EnvironmentVariable", Setting(json, "logging.database.batch_size").GetProperty("source").GetString());
        Assert.Equal("5 MB", Setting(json, "logging.rotation.size").GetProperty("value").GetString());
        Assert.Equal("CommandLine", Setting(json, "logging.rotation.size").GetProperty("source").GetString());
        Assert.Equal("config/logging.yaml line 3", Setting(json, "logging.level").GetProperty("origin").GetString());
    }

    [Fact]
    public void TableOutputListsKeysValuesAndSources()
    {
        _folder.Write("config/logging.yaml", DesignYaml);
        var result = Tradelog.Run(_folder.Path, null, "config", "show");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("config/logging.yaml line 50", result.Output);
        Assert.Contains("logging.services.risk_management.level", result.Output);
        Assert.Contains("WARNING", result.Output);
    }

    [Fact]
    public void PasswordIsNeverPrinted()
    {
        _folder.Write("config/logging.yaml", DesignYaml);
        var result = Tradelog.Run(_folder.Path, new Dictionary<string, string> { ["TRADINGLOG_CONNECTION"] = "Host=db;Username=app;Password=hunter2" },
            "config", "show");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("hunter2", result.Output + result.Error);
        Assert.Contains("Password=*****", result.Output);
    }

    [Theory]
    [InlineData("level: \"VERBOSEE\"", "'VERBOSEE' is not a level")]
    [InlineData("database:\n    batch_size: -1", "'-1' is not a whole number of at least 1")]
    public void BadConfigurationExitsNonZeroWithTheFileAndKey(string yaml, string reason)
    {
        _folder.Write("config/logging.yaml", "logging:\n  " + yaml + "\n");
        var result = Tradelog.Run(_folder.Path, null, "config", "show");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("config/logging.yaml line", result.Error);
        Assert.Contains(reason, result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void MissingConfigFileExitsNonZero()
    {
        var result = Tradelog.Run(_folder.Path, null, "config", "show", "--config", "missing.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("missing.yaml: the configuration file does not exist", result.Error);
    }

    [Fact]
    public void MalformedSetOptionIsRejected()
    {
        var result = Tradelog.Run(_folder.Path, null, "config", "show", "--set", "no-equals-sign");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--set takes KEY=VALUE", result.Output + result.Error);
    }

    [Fact]
    public void ATabInTheIndentationIsReportedAtItsOwnLineAndColumn()
    {
        _folder.Write("config/logging.yaml", "logging:\n  level: INFO\n  rotation:\n  \tsize: 5 MB\n");

        var result = Tradelog.Run(_folder.Path, null, "config", "show");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("config/logging.yaml line 4, column 3: YAML syntax error: a tab in the indentation", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("logging:\n  levle: DEBUG\n", "unknown key 'logging.levle'")]
    public void EveryCommandWarnsAboutAConfigurationProblemThatDoesNotStopIt(string yaml, string warning)
    {
        _folder.Write("config/logging.yaml", yaml);

        var result = Tradelog.Run(_folder.Path, null, "db", "status");

        Assert.Contains("tradelog: warning: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(warning, result.Error, StringComparison.Ordinal);
        Assert.Equal(1, result.Error.Split('\n').Count(l => l.Contains(warning, StringComparison.Ordinal)));
    }
}
