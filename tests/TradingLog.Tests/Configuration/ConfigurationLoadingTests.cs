using Serilog.Events;
using TradingLog.Configuration;
using TradingLog.Tests.Support;

namespace TradingLog.Tests.Configuration;

public sealed class ConfigurationLoadingTests : IDisposable
{
    private static readonly string DesignYaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "logging.yaml"));
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private LoadedConfiguration Load(Dictionary<string, string>? env = null, string? environment = null, Dictionary<string, string>? overrides = null, string? path = null)
    {
        var options = new TradingLogConfigurationOptions
        {
            ConfigPath = path ?? _folder["config/logging.yaml"],
            Environment = environment,
            EnvironmentVariables = env ?? new Dictionary<string, string>(),
            WorkingDirectory = _folder.Path,
        };
        foreach (var (k, v) in overrides ?? [])
        {
            options.Overrides[k] = v;
        }

        return TradingLogConfiguration.Load(options);
    }

    [Fact]
    public void DesignYamlLoadsAndEveryKeyInItIsTakenFromTheFile()
    {
        _folder.Write("config/logging.yaml", DesignYaml);
        var loaded = Load();

        Assert.Empty(loaded.Warnings);
        var fileKeys = new[]
        {
            "logging.level", "logging.root_level", "logging.rotation.size", "logging.rotation.time", "logging.rotation.retention",
            "logging.rotation.compression", "logging.format", "logging.files.main", "logging.files.errors", "logging.files.system",
            "logging.files.trades", "logging.files.performance", "logging.database.enabled", "logging.database.active_table",
            "logging.database.archive_table", "logging.database.batch_size", "logging.database.async_logging",
            "logging.retention.active_days", "logging.retention.archive_days", "logging.retention.cleanup_schedule",
            "logging.services.data_ingestion.level", "logging.services.strategy_engine.file", "logging.services.risk_management.level",
            "logging.structured", "logging.json_format", "logging.performance.enabled", "logging.performance.log_execution_time",
            "logging.performance.log_memory_usage", "logging.performance.log_database_queries",
        };
        foreach (var key in fileKeys)
        {
            var setting = Assert.Single(loaded.Effective, e => e.Key == key);
            Assert.Equal(SettingSourceKind.BaseFile, setting.Source.Kind);
        }

        var s = loaded.Settings;
        Assert.Equal(10_000_000, s.Rotation.SizeLimitBytes);
        Assert.Equal(RotationInterval.Daily, s.Rotation.Interval);
        Assert.Equal(30, s.Rotation.RetentionDays);
        Assert.Equal(TradingLogSettings.DefaultFormat, s.Format);
        Assert.Equal(LogEventLevel.Debug, s.LevelOf("strategy_engine"));
        Assert.Equal(LogEventLevel.Warning, s.LevelOf("risk_management"));
        Assert.Equal("logs/risk_management.log", s.FileOf("risk_management"));
        Assert.Equal(1000, s.Database.BatchSize);
        Assert.Equal(30, s.Retention.ActiveDays);
        Assert.Equal(90, s.Retention.ArchiveDays);
    }

    [Fact]
    public void ValueSourceNamesTheFileAndLine()
    {
        _folder.Write("config/logging.yaml", DesignYaml);
        var level = Assert.Single(Load().Effective, e => e.Key == "logging.level");
        Assert.EndsWith("logging.yaml line 3", level.Source.Description);
    }

    [Fact]
    public void PrecedenceIsDefaultsThenFileThenEnvironmentFileThenVariablesThenCommandLine()
    {
        _folder.Write("config/logging.yaml", "logging:\n  level: WARNING\n  database:\n    batch_size: 10\n    async_logging: false\n  rotation:\n    size: \"1 MB\"\n");
        _folder.Write("config/logging.Staging.yaml", "logging:\n  database:\n    batch_size: 20\n  rotation:\n    size: \"2 MB\"\n");
        var loaded = Load(
            env: new() { ["TRADINGLOG_ROTATION__SIZE"] = "3 MB", ["TRADINGLOG_DATABASE__ASYNC_LOGGING"] = "true" },
            environment: "Staging",
            overrides: new() { ["database.async_logging"] = "false" });

        var s = loaded.Settings;
        Assert.Equal(LogEventLevel.Warning, s.Level);
        Assert.Equal(20, s.Database.BatchSize);
        Assert.Equal(3_000_000, s.Rotation.SizeLimitBytes);
        Assert.False(s.Database.AsyncLogging);
        Assert.True(s.Structured);
        Assert.Equal(SettingSourceKind.Default, loaded.Effective.Single(e => e.Key == "logging.structured").Source.Kind);
        Assert.Equal(SettingSourceKind.BaseFile, loaded.Effective.Single(e => e.Key == "logging.level").Source.Kind);
        Assert.Equal(SettingSourceKind.EnvironmentFile, loaded.Effective.Single(e => e.Key == "logging.database.batch_size").Source.Kind);
        Assert.Equal(SettingSourceKind.EnvironmentVariable, loaded.Effective.Single(e => e.Key == "logging.rotation.size").Source.Kind);
        Assert.Equal(SettingSourceKind.CommandLine, loaded.Effective.Single(e => e.Key == "logging.database.async_logging").Source.Kind);
        Assert.Equal(["config/logging.yaml", "config/logging.Staging.yaml"], loaded.Files.Select(f => Path.GetRelativePath(_folder.Path, f).Replace('\\', '/')));
    }

    [Fact]
    public void EnvironmentNameComesFromTradingLogEnvironmentBeforeDotnetEnvironment()
    {
        _folder.Write("config/logging.yaml", DesignYaml);
        _folder.Write("config/logging.Production.yaml", "logging:\n  level: ERROR\n");
        _folder.Write("config/logging.Development.yaml", "logging:\n  level: DEBUG\n");
        var loaded = Load(env: new() { ["TRADINGLOG_ENVIRONMENT"] = "Production", ["DOTNET_ENVIRONMENT"] = "Development" });
        Assert.Equal("Production", loaded.EnvironmentName);
        Assert.Equal(LogEventLevel.Error, loaded.Settings.Level);
    }

    [Fact]
    public void EveryLoggingSettingsFieldIsASettingWithTheYamlReadingAsDefault()
    {
        var r = TradingLogConfiguration.Load(new TradingLogConfigurationOptions { EnvironmentVariables = new Dictionary<string, string>(), WorkingDirectory = _folder.Path, SearchApplicationDirectory = false }).Settings.Retention;
        Assert.Equal((30, 90, "0 2 * * *", 1000, 7, 90, 30, 30, 90),
            (r.ActiveDays, r.ArchiveDays, r.CleanupSchedule, r.CleanupBatchSize, r.FileArchiveAfterDays,
             r.TradingLogsRetention, r.PerformanceLogsRetention, r.SystemLogsRetention, r.ErrorLogsRetention));
    }

    [Fact]
    public void LoggingSettingsFieldsCanBeSetByFlatEnvironmentVariables()
    {
        _folder.Write("config/logging.yaml", DesignYaml);
        var s = Load(env: new()
        {
            ["TRADINGLOG_FILE_RETENTION_DAYS"] = "14",
            ["TRADINGLOG_FILE_ARCHIVE_AFTER_DAYS"] = "3",
            ["TRADINGLOG_DATABASE_RETENTION_DAYS"] = "120",
            ["TRADINGLOG_DATABASE_ARCHIVE_AFTER_DAYS"] = "10",
            ["TRADINGLOG_CLEANUP_SCHEDULE"] = "30 3 * * 1-5",
            ["TRADINGLOG_CLEANUP_BATCH_SIZE"] = "500",
            ["TRADINGLOG_TRADING_LOGS_RETENTION"] = "365",
            ["TRADINGLOG_PERFORMANCE_LOGS_RETENTION"] = "7",
            ["TRADINGLOG_SYSTEM_LOGS_RETENTION"] = "15",
            ["TRADINGLOG_ERROR_LOGS_RETENTION"] = "180",
        }).Settings;

        Assert.Equal(14, s.Rotation.RetentionDays);
        Assert.Equal(3, s.Retention.FileArchiveAfterDays);
        Assert.Equal(120, s.Retention.ArchiveDays);
        Assert.Equal(10, s.Retention.ActiveDays);
        Assert.Equal("30 3 * * 1-5", s.Retention.CleanupSchedule);
        Assert.Equal(500, s.Retention.CleanupBatchSize);
        Assert.Equal(365, s.Retention.TradingLogsRetention);
        Assert.Equal(7, s.Retention.PerformanceLogsRetention);
        Assert.Equal(15, s.Retention.SystemLogsRetention);
        Assert.Equal(180, s.Retention.ErrorLogsRetention);
    }

    [Fact]
    public void ServiceLevelsCanBeOverriddenAndNewServicesAdded()
    {
        _folder.Write("config/logging.yaml", DesignYaml);
        var s = Load(env: new()
        {
            ["TRADINGLOG_SERVICES__RISK_MANAGEMENT__LEVEL"] = "ERROR",
            ["TRADINGLOG_SERVICES__MARKET_MAKER__FILE"] = "logs/mm.log",
        }).Settings;
        Assert.Equal(LogEventLevel.Error, s.LevelOf("risk_management"));
        Assert.Equal(LogEventLevel.Error, s.LevelOf("Risk Management"));
        Assert.Equal("logs/mm.log", s.FileOf("market_maker"));
        Assert.Equal(LogEventLevel.Information, s.LevelOf("market_maker"));
        Assert.Equal("logs/unlisted.log", s.FileOf("unlisted"));
    }

    [Fact]
    public void ConnectionStringPasswordIsNeverShown()
    {
        _folder.Write("config/logging.yaml", "logging:\n  database:\n    connection_string: \"Host=db;Username=app;Password=s3cret;Database=logs\"\n");
        var loaded = Load(env: new() { ["TRADINGLOG_CONNECTION"] = "postgres://app:hunter2@db:5432/logs" });
        var shown = loaded.Effective.Single(e => e.Key == "logging.database.connection_string");
        Assert.DoesNotContain("hunter2", shown.Value);
        Assert.Contains(SecretMasker.Mask, shown.Value);
        Assert.Equal("postgres://app:hunter2@db:5432/logs", loaded.Settings.Database.ConnectionString);
    }

    [Fact]
    public void WithoutAnyFileTheBuiltInDefaultsEqualTheDesign()
    {
        var loaded = TradingLogConfiguration.Load(new TradingLogConfigurationOptions { EnvironmentVariables = new Dictionary<string, string>(), WorkingDirectory = _folder.Path, SearchApplicationDirectory = false });
        _folder.Write("config/logging.yaml", DesignYaml);
        var fromFile = Load();
        Assert.Equal(fromFile.Effective.Select(e => (e.Key, e.Value)), loaded.Effective.Select(e => (e.Key, e.Value)));
    }
}
