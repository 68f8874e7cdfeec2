namespace TradingLog.Configuration;

/// <summary>
/// The <c>logging.retention</c> section, which also holds the design's <c>LoggingSettings</c> fields.
/// Where the design contradicts itself the YAML wins: rows are archived after 30 days, not 7 (see docs/configuration.md).
/// </summary>
public sealed class RetentionSettings
{
    /// <summary>Default age in days after which active rows are archived.</summary>
    public const int DefaultActiveDays = 30;

    /// <summary>Default age in days after which archived rows are deleted.</summary>
    public const int DefaultArchiveDays = 90;

    /// <summary>Default cleanup schedule: daily at 2 AM.</summary>
    public const string DefaultCleanupSchedule = "0 2 * * *";

    /// <summary>Default time zone of the cleanup schedule: the machine's local zone.</summary>
    public const string DefaultCleanupTimeZone = "Local";

    /// <summary>Default rows per transaction for row-level cleanup work.</summary>
    public const int DefaultCleanupBatchSize = 1000;

    /// <summary>Default age in days after which rolled log files are archived.</summary>
    public const int DefaultFileArchiveAfterDays = 7;

    /// <summary>Default retention of <c>trading_logs</c> rows in days.</summary>
    public const int DefaultTradingLogsRetention = 90;

    /// <summary>Default retention of <c>performance_logs</c> rows in days.</summary>
    public const int DefaultPerformanceLogsRetention = 30;

    /// <summary>Default retention of <c>system_logs</c> rows in days.</summary>
    public const int DefaultSystemLogsRetention = 30;

    /// <summary>Default retention of ERROR and CRITICAL rows in days.</summary>
    public const int DefaultErrorLogsRetention = 90;

    /// <summary>Active rows older than this move to the archive (<c>active_days</c>, alias <c>database_archive_after_days</c>).</summary>
    public int ActiveDays { get; set; } = DefaultActiveDays;

    /// <summary>Archived rows older than this are deleted (<c>archive_days</c>, alias <c>database_retention_days</c>).</summary>
    public int ArchiveDays { get; set; } = DefaultArchiveDays;

    /// <summary>Five-field cron expression of the cleanup (<c>cleanup_schedule</c>).</summary>
    public string CleanupSchedule { get; set; } = DefaultCleanupSchedule;

    /// <summary>IANA time zone the schedule is read in, or <c>Local</c> (<c>cleanup_time_zone</c>).</summary>
    public string CleanupTimeZone { get; set; } = DefaultCleanupTimeZone;

    /// <summary>Rows per short transaction when cleanup must work row by row (<c>cleanup_batch_size</c>).</summary>
    public int CleanupBatchSize { get; set; } = DefaultCleanupBatchSize;

    /// <summary>Rolled files older than this move to the archive folder (<c>file_archive_after_days</c>).</summary>
    public int FileArchiveAfterDays { get; set; } = DefaultFileArchiveAfterDays;

    /// <summary>Days <c>trading_logs</c> rows are kept (<c>trading_logs_retention</c>).</summary>
    public int TradingLogsRetention { get; set; } = DefaultTradingLogsRetention;

    /// <summary>Days <c>performance_logs</c> rows are kept (<c>performance_logs_retention</c>).</summary>
    public int PerformanceLogsRetention { get; set; } = DefaultPerformanceLogsRetention;

    /// <summary>Days <c>system_logs</c> rows are kept in the active table (<c>system_logs_retention</c>).</summary>
    public int SystemLogsRetention { get; set; } = DefaultSystemLogsRetention;

    /// <summary>Days ERROR and CRITICAL rows are kept, whatever other rules say (<c>error_logs_retention</c>).</summary>
    public int ErrorLogsRetention { get; set; } = DefaultErrorLogsRetention;
}
