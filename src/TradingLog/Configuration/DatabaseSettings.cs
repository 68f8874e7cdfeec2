namespace TradingLog.Configuration;

/// <summary>The <c>logging.database</c> section: structured rows in PostgreSQL.</summary>
public sealed class DatabaseSettings
{
    /// <summary>Default: database logging is on.</summary>
    public const bool DefaultEnabled = true;

    /// <summary>Default table of active rows.</summary>
    public const string DefaultActiveTable = "system_logs";

    /// <summary>Default table of archived rows.</summary>
    public const string DefaultArchiveTable = "archived_system_logs";

    /// <summary>Default number of events written per batch.</summary>
    public const int DefaultBatchSize = 1000;

    /// <summary>Default: the call site only enqueues; a background task writes.</summary>
    public const bool DefaultAsyncLogging = true;

    /// <summary>Write events to PostgreSQL (<c>database.enabled</c>).</summary>
    public bool Enabled { get; set; } = DefaultEnabled;

    /// <summary>The table of active rows (<c>database.active_table</c>).</summary>
    public string ActiveTable { get; set; } = DefaultActiveTable;

    /// <summary>The table archived rows move to (<c>database.archive_table</c>).</summary>
    public string ArchiveTable { get; set; } = DefaultArchiveTable;

    /// <summary>Events per database batch (<c>database.batch_size</c>).</summary>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>Whether the call site only enqueues (<c>database.async_logging</c>).</summary>
    public bool AsyncLogging { get; set; } = DefaultAsyncLogging;

    /// <summary>The PostgreSQL connection string (<c>database.connection_string</c>, <c>TRADINGLOG_CONNECTION</c>). Null starts the embedded server.</summary>
    public string? ConnectionString { get; set; }
}
