using TradingLog.Pipeline;

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

    /// <summary>Default data directory of the embedded server.</summary>
    public const string DefaultDataDirectory = ".tradelog/pgdata";

    /// <summary>Default folder of the on-disk spool that holds batches during outages.</summary>
    public const string DefaultSpoolDirectory = ".tradelog/spool";

    /// <summary>Default folder of dead-lettered rows.</summary>
    public const string DefaultDeadLetterDirectory = ".tradelog/deadletter";

    /// <summary>Default spool bound: 1 GB.</summary>
    public const long DefaultSpoolMaxBytes = 1_000_000_000;

    /// <summary>Default number of events the database queue holds.</summary>
    public const int DefaultQueueCapacity = 100_000;

    /// <summary>Default behaviour of a full queue: wait up to a second for room, then drop and count.</summary>
    public const QueueFullMode DefaultQueueFullMode = QueueFullMode.Block;

    /// <summary>Default cap on a stored message, in characters; longer ones are truncated and flagged.</summary>
    public const int DefaultMaxMessageLength = 32 * 1024;

    /// <summary>
    /// Default bound on one write to PostgreSQL: 5 s. A batch whose COPY makes no progress for that long (a hung server,
    /// an exhausted pool, a full connection limit) is given up and spooled.
    /// </summary>
    public static readonly TimeSpan DefaultWriteTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Default bound on the database part of a stop: 5 s, within Docker's 10 s and Kubernetes' 30 s grace periods. Past
    /// it, whatever PostgreSQL has not taken is spooled for the next start.
    /// </summary>
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Default: a service never starts TradingLog's embedded PostgreSQL as a side effect of logging; the CLI, the demo
    /// and the Development environment (<c>config/logging.Development.yaml</c>) turn it on.
    /// </summary>
    public const bool DefaultEmbeddedServer = false;

    /// <summary>Default number of daily partitions created ahead of today.</summary>
    public const int DefaultPartitionDaysAhead = 7;

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

    /// <summary>Connection string of the writer role (INSERT only), used by the sink when set (<c>database.writer_connection_string</c>).</summary>
    public string? WriterConnectionString { get; set; }

    /// <summary>Connection string of the reader role, used by queries and the dashboard (<c>database.reader_connection_string</c>).</summary>
    public string? ReaderConnectionString { get; set; }

    /// <summary>Connection string of the maintenance role, used by retention (<c>database.maintenance_connection_string</c>).</summary>
    public string? MaintenanceConnectionString { get; set; }

    /// <summary>Data directory of the embedded server (<c>database.data_directory</c>).</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary>Folder of the durable spool (<c>database.spool_directory</c>).</summary>
    public string SpoolDirectory { get; set; } = DefaultSpoolDirectory;

    /// <summary>Largest total size of the spool; past it the oldest batches are dropped and counted (<c>database.spool_max_size</c>).</summary>
    public long SpoolMaxBytes { get; set; } = DefaultSpoolMaxBytes;

    /// <summary>Folder of rows PostgreSQL refused, one JSON line each with the reason (<c>database.dead_letter_directory</c>).</summary>
    public string DeadLetterDirectory { get; set; } = DefaultDeadLetterDirectory;

    /// <summary>Events the queue holds before <see cref="QueueFullMode"/> applies (<c>database.queue_capacity</c>).</summary>
    public int QueueCapacity { get; set; } = DefaultQueueCapacity;

    /// <summary>
    /// What the call site does when the queue is full: <c>block</c> (bounded wait, then drop) or <c>drop</c>
    /// (<c>database.queue_full_mode</c>).
    /// </summary>
    public QueueFullMode QueueFullMode { get; set; } = DefaultQueueFullMode;

    /// <summary>Longest stored message in characters (<c>database.max_message_length</c>).</summary>
    public int MaxMessageLength { get; set; } = DefaultMaxMessageLength;

    /// <summary>
    /// Whether each stored event gets its pattern in <c>pattern_id</c> (<c>database.patterns</c>, default true): its message
    /// template, or the template mined from its text on the writer's thread. False stores null and mines nothing.
    /// </summary>
    public bool Patterns { get; set; } = true;

    /// <summary>Daily partitions created ahead of today (<c>database.partition_days_ahead</c>).</summary>
    public int PartitionDaysAhead { get; set; } = DefaultPartitionDaysAhead;

    /// <summary>Longest one write may make no progress before its batch is spooled (<c>database.write_timeout</c>, 1 s to 10 min).</summary>
    public TimeSpan WriteTimeout { get; set; } = DefaultWriteTimeout;

    /// <summary>
    /// Longest a stop (or the flush before a crash) waits for PostgreSQL, from when it begins; then the rest is spooled
    /// (<c>database.shutdown_timeout</c>, 0 s to 10 min).
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = DefaultShutdownTimeout;

    /// <summary>
    /// Whether a service's database sink may start TradingLog's embedded server when no connection string is configured
    /// (<c>database.embedded_server</c>). Off, a service that stores events in PostgreSQL must name a server, and
    /// start-up says so.
    /// </summary>
    public bool EmbeddedServer { get; set; } = DefaultEmbeddedServer;
}
