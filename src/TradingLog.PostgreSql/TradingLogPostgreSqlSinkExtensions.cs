using Serilog.Configuration;
using Serilog.Events;
using TradingLog.Configuration;
using TradingLog.Diagnostics;
using TradingLog.PostgreSql;
using TradingLog.PostgreSql.Sink;

namespace Serilog;

/// <summary>
/// <c>WriteTo.TradingLogPostgreSql(...)</c>: TradingLog's PostgreSQL store — the design's tables, binary COPY, the
/// on-disk spool with exactly-once replay, bad rows isolated to the dead-letter file, bounded writes and stops — for an
/// application that keeps its own Serilog pipeline. Every parameter is a plain value, so it also works from
/// <c>appsettings.json</c> through Serilog.Settings.Configuration (<c>"Using": ["TradingLog.PostgreSql"]</c>).
/// </summary>
public static class TradingLogPostgreSqlSinkExtensions
{
    /// <summary>Stores every event as a row of <c>system_logs</c> (trade and performance events also in their tables).</summary>
    /// <param name="sinkConfiguration">The pipeline's <c>WriteTo</c>.</param>
    /// <param name="connectionString">The PostgreSQL server; its role migrates the schema on the first write.</param>
    /// <param name="service">The <c>service</c> column of events that carry no <c>Service</c> property (1 to 50 characters).</param>
    /// <param name="writerConnectionString">A least-privilege role to write with (<c>tradelog_writer</c>); null writes with
    /// <paramref name="connectionString"/>.</param>
    /// <param name="spoolDirectory">Where batches wait while the database is away; relative to the working directory.</param>
    /// <param name="deadLetterDirectory">Where rows PostgreSQL refuses are kept.</param>
    /// <param name="batchSize">Events per COPY (at least 1).</param>
    /// <param name="queueCapacity">Events the in-memory queue holds (at least 1).</param>
    /// <param name="writeTimeout">Longest one write may make no progress before its batch is spooled; null: 5 s.</param>
    /// <param name="shutdownTimeout">Longest the logger's disposal waits for PostgreSQL before spooling the rest; null: 5 s.</param>
    /// <param name="structured">Whether each event's properties are kept in <c>metadata</c>.</param>
    /// <param name="restrictedToMinimumLevel">The lowest level stored.</param>
    /// <returns>The logger configuration, to chain more calls.</returns>
    /// <exception cref="ArgumentException">A parameter is empty or out of range; the message names it.</exception>
    public static LoggerConfiguration TradingLogPostgreSql(this LoggerSinkConfiguration sinkConfiguration, string connectionString, string service,
        string? writerConnectionString = null, string spoolDirectory = DatabaseSettings.DefaultSpoolDirectory,
        string deadLetterDirectory = DatabaseSettings.DefaultDeadLetterDirectory, int batchSize = DatabaseSettings.DefaultBatchSize,
        int queueCapacity = DatabaseSettings.DefaultQueueCapacity, TimeSpan? writeTimeout = null, TimeSpan? shutdownTimeout = null,
        bool structured = true, LogEventLevel restrictedToMinimumLevel = LogEventLevel.Verbose)
    {
        ArgumentNullException.ThrowIfNull(sinkConfiguration);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(queueCapacity, 1);
        var settings = new TradingLogSettings();
        var database = settings.Database;
        database.ConnectionString = connectionString;
        database.WriterConnectionString = writerConnectionString;
        database.SpoolDirectory = spoolDirectory;
        database.DeadLetterDirectory = deadLetterDirectory;
        database.BatchSize = batchSize;
        database.QueueCapacity = queueCapacity;
        database.WriteTimeout = writeTimeout ?? DatabaseSettings.DefaultWriteTimeout;
        database.ShutdownTimeout = shutdownTimeout ?? DatabaseSettings.DefaultShutdownTimeout;
        var workingDirectory = Directory.GetCurrentDirectory();
        var name = TradingLogSettings.NormalizeServiceName(service);
        var health = new TradingLogHealth { Output = Console.Error };
        var (sink, _) = DatabaseSinkBuilder.Build(database, structured, name, workingDirectory,
            ct => LogDatabase.ConnectAsync(settings, workingDirectory, ct), health, CancellationToken.None, defaultService: name);
        return sinkConfiguration.Sink(sink, restrictedToMinimumLevel);
    }
}
