using TradingLog.Configuration;
using TradingLog.Tests.Support;

namespace TradingLog.Tests.Configuration;

public sealed class BadConfigurationTests : IDisposable
{
    private static readonly string DesignYaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "logging.yaml"));
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private TradingLogConfigurationException LoadFails(string yaml, Dictionary<string, string>? env = null)
    {
        var path = _folder.Write("config/logging.yaml", yaml);
        return Assert.Throws<TradingLogConfigurationException>(() => TradingLogConfiguration.Load(new TradingLogConfigurationOptions
        {
            ConfigPath = path,
            EnvironmentVariables = env ?? new Dictionary<string, string>(),
        }));
    }

    [Fact]
    public void UnknownLevelNamesFileLineKeyAndTheLevelsThatExist()
    {
        var e = LoadFails(DesignYaml.Replace("level: \"INFO\"\n  root_level", "level: \"VERBOSEE\"\n  root_level", StringComparison.Ordinal));
        Assert.Contains("logging.yaml line 3", e.Message);
        Assert.Contains("logging.level", e.Message);
        Assert.Contains("'VERBOSEE' is not a level", e.Message);
        Assert.Contains("DEBUG, INFO, WARNING, ERROR, CRITICAL", e.Message);
    }

    [Fact]
    public void NegativeBatchSizeIsRefused()
    {
        var e = LoadFails(DesignYaml.Replace("batch_size: 1000", "batch_size: -5", StringComparison.Ordinal));
        Assert.Contains("logging.database.batch_size", e.Message);
        Assert.Contains("'-5' is not a whole number of at least 1", e.Message);
        Assert.Contains("line 29", e.Message);
    }

    [Fact]
    public void MisspeltSizeUnitIsRefused()
    {
        var e = LoadFails(DesignYaml.Replace("size: \"10 MB\"", "size: \"10 MBB\"", StringComparison.Ordinal));
        Assert.Contains("logging.rotation.size", e.Message);
        Assert.Contains("'10 MBB' is not a size", e.Message);
    }

    [Fact]
    public void MalformedCronIsRefused()
    {
        var e = LoadFails(DesignYaml.Replace("\"0 2 * * *\"", "\"0 25 * * *\"", StringComparison.Ordinal));
        Assert.Contains("logging.retention.cleanup_schedule", e.Message);
        Assert.Contains("'0 25 * * *' is not a cron expression", e.Message);
    }

    [Fact]
    public void UnknownTopLevelKeyIsAWarningNotAnError()
    {
        var path = _folder.Write("config/logging.yaml", DesignYaml + "\nmetrics:\n  enabled: true\n");
        var loaded = TradingLogConfiguration.Load(new TradingLogConfigurationOptions { ConfigPath = path, EnvironmentVariables = new Dictionary<string, string>() });
        var warning = Assert.Single(loaded.Warnings);
        Assert.Contains("unknown top-level key 'metrics'", warning);
        Assert.Contains("line 70", warning);
    }

    [Fact]
    public void MisspeltNestedKeyIsAnErrorWithASuggestion()
    {
        var e = LoadFails(DesignYaml.Replace("batch_size: 1000", "batch_sise: 1000", StringComparison.Ordinal));
        Assert.Contains("unknown key 'logging.database.batch_sise'", e.Message);
        Assert.Contains("did you mean 'logging.database.batch_size'", e.Message);
    }

    [Fact]
    public void MissingFileIsNamed()
    {
        var e = Assert.Throws<TradingLogConfigurationException>(() => TradingLogConfiguration.Load(new TradingLogConfigurationOptions
        {
            ConfigPath = _folder["nowhere/logging.yaml"],
            EnvironmentVariables = new Dictionary<string, string>(),
        }));
        Assert.Contains("nowhere/logging.yaml", e.Message);
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void MissingFileFromTheEnvironmentVariableSaysWhereTheNameCameFrom()
    {
        var e = Assert.Throws<TradingLogConfigurationException>(() => TradingLogConfiguration.Load(new TradingLogConfigurationOptions
        {
            EnvironmentVariables = new Dictionary<string, string> { ["TRADINGLOG_CONFIG"] = "/no/such/file.yaml" },
        }));
        Assert.Contains("/no/such/file.yaml (from TRADINGLOG_CONFIG)", e.Message);
    }

    [Fact]
    public void YamlSyntaxErrorNamesTheLine()
    {
        var e = LoadFails("logging:\n  level: INFO\n  files:\n    main: \"logs/a.log\n    errors: x\n");
        Assert.Contains("logging.yaml line", e.Message);
        Assert.Contains("YAML syntax error", e.Message);
    }

    [Fact]
    public void BadEnvironmentVariableIsNamed()
    {
        var e = LoadFails(DesignYaml, new Dictionary<string, string> { ["TRADINGLOG_DATABASE__BATCH_SIZE"] = "lots" });
        Assert.Contains("environment variable TRADINGLOG_DATABASE__BATCH_SIZE", e.Message);
        Assert.Contains("'lots' is not a whole number", e.Message);
    }

    [Fact]
    public void AliasesWithDifferentValuesInOneLayerAreRefused()
    {
        var e = LoadFails(DesignYaml.Replace("archive_days: 90", "archive_days: 90\n    database_retention_days: 60", StringComparison.Ordinal));
        Assert.Contains("logging.retention.archive_days", e.Message);
        Assert.Contains("logging.retention.database_retention_days", e.Message);
        Assert.Contains("different values", e.Message);
    }

    [Fact]
    public void ArchivePurgeBeforeArchivingIsRefused()
    {
        var e = LoadFails(DesignYaml.Replace("archive_days: 90", "archive_days: 10", StringComparison.Ordinal));
        Assert.Contains("archive_days (10) must be at least logging.retention.active_days (30", e.Message);
    }

    [Fact]
    public void SeveralProblemsAreReportedTogether()
    {
        var e = LoadFails(DesignYaml
            .Replace("batch_size: 1000", "batch_size: -1", StringComparison.Ordinal)
            .Replace("size: \"10 MB\"", "size: \"10 MBB\"", StringComparison.Ordinal));
        Assert.Equal(2, e.Problems.Count);
    }

    [Fact]
    public void BadFormatStringIsRefused()
    {
        var e = LoadFails("logging:\n  format: \"{time} | {lvl} | {message}\"\n");
        Assert.Contains("logging.format", e.Message);
        Assert.Contains("{lvl} is not a known field", e.Message);
    }
}
