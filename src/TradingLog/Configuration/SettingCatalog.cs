using System.Globalization;
using Serilog.Events;

namespace TradingLog.Configuration;

/// <summary>Every setting TradingLog knows, with its keys, aliases and environment variables.</summary>
internal static class SettingCatalog
{
    /// <summary>Sections whose keys are all listed here; a misspelt key under them is an error.</summary>
    public static readonly string[] Sections =
    [
        "logging", "logging.rotation", "logging.files", "logging.database", "logging.retention", "logging.services",
        "logging.performance", "logging.console", "logging.otlp",
    ];

    public static readonly string[] ServiceFields = ["level", "file"];

    public static List<SettingDefinition> Create(IEnumerable<string> services)
    {
        var list = new List<SettingDefinition>
        {
            Def("logging.level", SettingParsers.Level, (s, v) => s.Level = (LogEventLevel)v!, s => SettingParsers.LevelText(s.Level)),
            Def("logging.root_level", SettingParsers.Level, (s, v) => s.RootLevel = (LogEventLevel)v!, s => SettingParsers.LevelText(s.RootLevel)),
            Def("logging.rotation.size", SettingParsers.Size, (s, v) => s.Rotation.SizeLimitBytes = (long)v!,
                s => SettingParsers.SizeText(s.Rotation.SizeLimitBytes)),
            Def("logging.rotation.time", SettingParsers.Interval, (s, v) => s.Rotation.Interval = (RotationInterval)v!,
                s => s.Rotation.Interval.ToString().ToLowerInvariant()),
            Def(["logging.rotation.retention", "logging.retention.file_retention_days"], SettingParsers.Days, (s, v) => s.Rotation.RetentionDays = (int)v!,
                s => SettingParsers.DaysText(s.Rotation.RetentionDays), flat: "FILE_RETENTION_DAYS"),
            Def("logging.rotation.compression", SettingParsers.Bool, (s, v) => s.Rotation.Compression = (bool)v!, s => Text(s.Rotation.Compression)),
            Def("logging.format", SettingParsers.Format, (s, v) => s.Format = (string)v!, s => s.Format),
            Def("logging.files.main", SettingParsers.FilePath, (s, v) => s.Files.Main = (string)v!, s => s.Files.Main),
            Def("logging.files.errors", SettingParsers.FilePath, (s, v) => s.Files.Errors = (string)v!, s => s.Files.Errors),
            Def("logging.files.system", SettingParsers.FilePath, (s, v) => s.Files.System = (string)v!, s => s.Files.System),
            Def("logging.files.trades", SettingParsers.FilePath, (s, v) => s.Files.Trades = (string)v!, s => s.Files.Trades),
            Def("logging.files.performance", SettingParsers.FilePath, (s, v) => s.Files.Performance = (string)v!, s => s.Files.Performance),
            Def("logging.database.enabled", SettingParsers.Bool, (s, v) => s.Database.Enabled = (bool)v!, s => Text(s.Database.Enabled)),
            Def("logging.database.active_table", SettingParsers.TableName, (s, v) => s.Database.ActiveTable = (string)v!, s => s.Database.ActiveTable),
            Def("logging.database.archive_table", SettingParsers.TableName, (s, v) => s.Database.ArchiveTable = (string)v!, s => s.Database.ArchiveTable),
            Def("logging.database.batch_size", SettingParsers.Int(1), (s, v) => s.Database.BatchSize = (int)v!, s => Text(s.Database.BatchSize)),
            Def("logging.database.async_logging", SettingParsers.Bool, (s, v) => s.Database.AsyncLogging = (bool)v!, s => Text(s.Database.AsyncLogging)),
            new(["logging.database.connection_string"], [SettingDefinition.VariableOf("logging.database.connection_string"), "TRADINGLOG_CONNECTION"],
                SettingParsers.OptionalText, (s, v) => s.Database.ConnectionString = (string?)v,
                s => s.Database.ConnectionString is { } c ? SecretMasker.MaskConnectionString(c) : "(embedded server)", secret: true),
            Secret("logging.database.writer_connection_string", (s, v) => s.Database.WriterConnectionString = (string?)v,
                s => s.Database.WriterConnectionString),
            Secret("logging.database.reader_connection_string", (s, v) => s.Database.ReaderConnectionString = (string?)v,
                s => s.Database.ReaderConnectionString),
            Secret("logging.database.maintenance_connection_string", (s, v) => s.Database.MaintenanceConnectionString = (string?)v,
                s => s.Database.MaintenanceConnectionString),
            Def("logging.database.data_directory", SettingParsers.FilePath, (s, v) => s.Database.DataDirectory = (string)v!, s => s.Database.DataDirectory),
            Def("logging.database.spool_directory", SettingParsers.FilePath, (s, v) => s.Database.SpoolDirectory = (string)v!, s => s.Database.SpoolDirectory),
            Def("logging.database.spool_max_size", SettingParsers.Size, (s, v) => s.Database.SpoolMaxBytes = (long)v!,
                s => SettingParsers.SizeText(s.Database.SpoolMaxBytes)),
            Def("logging.database.dead_letter_directory", SettingParsers.FilePath, (s, v) => s.Database.DeadLetterDirectory = (string)v!,
                s => s.Database.DeadLetterDirectory),
            Def("logging.database.queue_capacity", SettingParsers.Int(1), (s, v) => s.Database.QueueCapacity = (int)v!, s => Text(s.Database.QueueCapacity)),
            Def("logging.database.queue_full_mode", SettingParsers.QueueMode, (s, v) => s.Database.QueueFullMode = (TradingLog.Pipeline.QueueFullMode)v!,
                s => s.Database.QueueFullMode.ToString().ToLowerInvariant()),
            Def("logging.database.max_message_length", SettingParsers.Int(256), (s, v) => s.Database.MaxMessageLength = (int)v!,
                s => Text(s.Database.MaxMessageLength)),
            Def("logging.database.patterns", SettingParsers.Bool, (s, v) => s.Database.Patterns = (bool)v!, s => Text(s.Database.Patterns)),
            Def("logging.database.partition_days_ahead", SettingParsers.Int(1), (s, v) => s.Database.PartitionDaysAhead = (int)v!,
                s => Text(s.Database.PartitionDaysAhead)),
            Def("logging.database.embedded_server", SettingParsers.Bool, (s, v) => s.Database.EmbeddedServer = (bool)v!, s => Text(s.Database.EmbeddedServer)),
            Def("logging.database.write_timeout", SettingParsers.Duration(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)),
                (s, v) => s.Database.WriteTimeout = (TimeSpan)v!, s => SettingParsers.DurationText(s.Database.WriteTimeout)),
            Def("logging.database.shutdown_timeout", SettingParsers.Duration(TimeSpan.Zero, TimeSpan.FromMinutes(10)),
                (s, v) => s.Database.ShutdownTimeout = (TimeSpan)v!, s => SettingParsers.DurationText(s.Database.ShutdownTimeout)),
            Def(["logging.retention.active_days", "logging.retention.database_archive_after_days"], SettingParsers.Days,
                (s, v) => s.Retention.ActiveDays = (int)v!, s => Text(s.Retention.ActiveDays), flat: "DATABASE_ARCHIVE_AFTER_DAYS"),
            Def(["logging.retention.archive_days", "logging.retention.database_retention_days"], SettingParsers.Days,
                (s, v) => s.Retention.ArchiveDays = (int)v!, s => Text(s.Retention.ArchiveDays), flat: "DATABASE_RETENTION_DAYS"),
            Def("logging.retention.cleanup_schedule", SettingParsers.Cron, (s, v) => s.Retention.CleanupSchedule = (string)v!,
                s => s.Retention.CleanupSchedule, flat: "CLEANUP_SCHEDULE"),
            Def("logging.retention.cleanup_time_zone", SettingParsers.TimeZone, (s, v) => s.Retention.CleanupTimeZone = (string)v!,
                s => s.Retention.CleanupTimeZone),
            Def("logging.retention.cleanup_batch_size", SettingParsers.Int(1), (s, v) => s.Retention.CleanupBatchSize = (int)v!,
                s => Text(s.Retention.CleanupBatchSize), flat: "CLEANUP_BATCH_SIZE"),
            Def("logging.retention.file_archive_after_days", SettingParsers.Days, (s, v) => s.Retention.FileArchiveAfterDays = (int)v!,
                s => Text(s.Retention.FileArchiveAfterDays), flat: "FILE_ARCHIVE_AFTER_DAYS"),
            Def("logging.retention.trading_logs_retention", SettingParsers.Days, (s, v) => s.Retention.TradingLogsRetention = (int)v!,
                s => Text(s.Retention.TradingLogsRetention), flat: "TRADING_LOGS_RETENTION"),
            Def("logging.retention.performance_logs_retention", SettingParsers.Days, (s, v) => s.Retention.PerformanceLogsRetention = (int)v!,
                s => Text(s.Retention.PerformanceLogsRetention), flat: "PERFORMANCE_LOGS_RETENTION"),
            Def("logging.retention.system_logs_retention", SettingParsers.Days, (s, v) => s.Retention.SystemLogsRetention = (int)v!,
                s => Text(s.Retention.SystemLogsRetention), flat: "SYSTEM_LOGS_RETENTION"),
            Def("logging.retention.error_logs_retention", SettingParsers.Days, (s, v) => s.Retention.ErrorLogsRetention = (int)v!,
                s => Text(s.Retention.ErrorLogsRetention), flat: "ERROR_LOGS_RETENTION"),
            Def("logging.structured", SettingParsers.Bool, (s, v) => s.Structured = (bool)v!, s => Text(s.Structured)),
            Def("logging.json_format", SettingParsers.Bool, (s, v) => s.JsonFormat = (bool)v!, s => Text(s.JsonFormat)),
            Def("logging.heartbeat_interval", SettingParsers.Duration(TimeSpan.Zero, TimeSpan.FromHours(1)), (s, v) => s.HeartbeatInterval = (TimeSpan)v!,
                s => SettingParsers.DurationText(s.HeartbeatInterval)),
            Def("logging.performance.enabled", SettingParsers.Bool, (s, v) => s.Performance.Enabled = (bool)v!, s => Text(s.Performance.Enabled)),
            Def("logging.performance.log_execution_time", SettingParsers.Bool, (s, v) => s.Performance.LogExecutionTime = (bool)v!,
                s => Text(s.Performance.LogExecutionTime)),
            Def("logging.performance.log_memory_usage", SettingParsers.Bool, (s, v) => s.Performance.LogMemoryUsage = (bool)v!,
                s => Text(s.Performance.LogMemoryUsage)),
            Def("logging.performance.log_cpu_usage", SettingParsers.Bool, (s, v) => s.Performance.LogCpuUsage = (bool)v!, s => Text(s.Performance.LogCpuUsage)),
            Def("logging.performance.log_database_queries", SettingParsers.Bool, (s, v) => s.Performance.LogDatabaseQueries = (bool)v!,
                s => Text(s.Performance.LogDatabaseQueries)),
            Def("logging.performance.slow_operation_ms", SettingParsers.Int(0), (s, v) => s.Performance.SlowOperationMs = (int)v!,
                s => Text(s.Performance.SlowOperationMs)),
            Def("logging.console.enabled", SettingParsers.Bool, (s, v) => s.Console.Enabled = (bool)v!, s => Text(s.Console.Enabled)),
            Def("logging.console.colored", SettingParsers.Bool, (s, v) => s.Console.Colored = (bool)v!, s => Text(s.Console.Colored)),
            Def("logging.console.level", SettingParsers.Level, (s, v) => s.Console.Level = (LogEventLevel)v!,
                s => s.Console.Level is { } l ? SettingParsers.LevelText(l) : "(service level)"),
            Def("logging.otlp.endpoint", SettingParsers.OptionalUrl, (s, v) => s.Otlp.Endpoint = (Uri?)v,
                s => s.Otlp.Endpoint?.ToString() ?? "(off)"),
            Def("logging.otlp.protocol", SettingParsers.OtlpProtocol, (s, v) => s.Otlp.Protocol = (OtlpProtocolName)v!,
                s => SettingParsers.OtlpProtocolText(s.Otlp.Protocol)),
            Def("logging.otlp.headers", SettingParsers.Pairs, (s, v) => Replace(s.Otlp.Headers, v),
                s => SettingParsers.PairsText(s.Otlp.Headers, secret: true)),
            Def("logging.otlp.resource_attributes", SettingParsers.Pairs, (s, v) => Replace(s.Otlp.ResourceAttributes, v),
                s => SettingParsers.PairsText(s.Otlp.ResourceAttributes, secret: false)),
            Def("logging.otlp.queue_limit", SettingParsers.Int(1), (s, v) => s.Otlp.QueueLimit = (int)v!, s => Text(s.Otlp.QueueLimit)),
            Def("logging.otlp.level", SettingParsers.Level, (s, v) => s.Otlp.Level = (LogEventLevel)v!,
                s => s.Otlp.Level is { } l ? SettingParsers.LevelText(l) : "(service level)"),
            Def("logging.otlp.metrics", SettingParsers.Bool, (s, v) => s.Otlp.Metrics = (bool)v!, s => Text(s.Otlp.Metrics)),
            Def("logging.otlp.metrics_interval", SettingParsers.Duration(TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)),
                (s, v) => s.Otlp.MetricsInterval = (TimeSpan)v!, s => SettingParsers.DurationText(s.Otlp.MetricsInterval)),
        };

        foreach (var service in services.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var name = service;
            list.Add(Def($"logging.services.{name}.level", SettingParsers.Level,
                (s, v) => ServiceOf(s, name).Level = (LogEventLevel)v!,
                s => SettingParsers.LevelText(s.LevelOf(name))));
            list.Add(Def($"logging.services.{name}.file", SettingParsers.FilePath,
                (s, v) => ServiceOf(s, name).File = (string)v!,
                s => s.FileOf(name)));
        }

        return list;
    }

    private static SettingDefinition Secret(string key, Action<TradingLogSettings, object?> apply, Func<TradingLogSettings, string?> read) =>
        new([key], [SettingDefinition.VariableOf(key)], SettingParsers.OptionalText, apply,
            s => read(s) is { } c ? SecretMasker.MaskConnectionString(c) : "(not set)", secret: true);

    private static void Replace(IDictionary<string, string> target, object? pairs)
    {
        target.Clear();
        foreach (var (name, value) in (Dictionary<string, string>)pairs!)
        {
            target[name] = value;
        }
    }

    private static ServiceSettings ServiceOf(TradingLogSettings settings, string name)
    {
        if (!settings.Services.TryGetValue(name, out var service))
        {
            service = new ServiceSettings();
            settings.Services[name] = service;
        }

        return service;
    }

    private static string Text(bool value) => value ? "true" : "false";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static SettingDefinition Def(string key, Func<string?, object?> parse, Action<TradingLogSettings, object?> apply,
        Func<TradingLogSettings, string> show, string? flat = null) => Def([key], parse, apply, show, flat);

    private static SettingDefinition Def(string[] keys, Func<string?, object?> parse, Action<TradingLogSettings, object?> apply,
        Func<TradingLogSettings, string> show, string? flat = null)
    {
        var variables = keys.Select(SettingDefinition.VariableOf).ToList();
        if (flat is not null)
        {
            variables.Add("TRADINGLOG_" + flat);
        }

        return new SettingDefinition(keys, [.. variables], parse, apply, show);
    }
}
