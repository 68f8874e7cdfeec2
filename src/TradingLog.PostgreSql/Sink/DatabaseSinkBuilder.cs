using Serilog.Core;
using TradingLog.Configuration;
using TradingLog.Diagnostics;

namespace TradingLog.PostgreSql.Sink;

/// <summary>
/// Builds the database sink from the <c>database:</c> settings: encoder, spool, dead letters, metrics and, unless
/// <c>async_logging</c> is off, the bounded queue with its writer thread. Both entry points use it: the pipeline
/// extension (<see cref="PostgreSqlExtension"/>) and <c>WriteTo.TradingLogPostgreSql</c> for an application's own
/// Serilog pipeline.
/// </summary>
internal static class DatabaseSinkBuilder
{
    public static (ILogEventSink Sink, DatabaseSinkMetrics Metrics) Build(DatabaseSettings database, bool structured, string service,
        string workingDirectory, Func<CancellationToken, Task<LogDatabase>> connect, TradingLogHealth health, CancellationToken stopping,
        string? defaultService = null)
    {
        var metrics = new DatabaseSinkMetrics();
        var spool = new BatchSpool(Path.Combine(Path.GetFullPath(database.SpoolDirectory, workingDirectory), service), database.SpoolMaxBytes, metrics);
        var deadLetters = new DeadLetterWriter(Path.GetFullPath(database.DeadLetterDirectory, workingDirectory), service);
        // Resolved again only when the sink has no writer: at the first write, and after the credentials changed.
        // The queue (or the synchronous wrapper) owns the sink and disposes it when the logger is disposed.
#pragma warning disable CA2000
        var sink = new PostgreSqlSink(
            connect,
            new LogEventEncoder(database.MaxMessageLength, structured, defaultService, database.Patterns),
            spool, deadLetters, metrics, health, SinkTimeouts.From(database), stopping);
#pragma warning restore CA2000
        metrics.SpoolBytesNow = () => spool.Bytes;
        metrics.SpooledEventsNow = () => spool.Events;
        if (!database.AsyncLogging)
        {
            return (new SynchronousDatabaseSink(sink), metrics);
        }

        var batched = new Pipeline.BatchingQueue(sink, new Pipeline.BatchingQueueOptions
        {
            Capacity = database.QueueCapacity, FullMode = database.QueueFullMode, BatchSize = database.BatchSize,
            BufferingTime = PostgreSqlExtension.BufferingTime, OnDropped = () => metrics.AddDropped(1),
        }, health);
        metrics.QueueDepth = () => batched.Depth;
        return (batched, metrics);
    }
}
