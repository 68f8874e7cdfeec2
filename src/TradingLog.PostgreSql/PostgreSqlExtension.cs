using Serilog.Core;
using TradingLog.PostgreSql.Sink;

namespace TradingLog.PostgreSql;

/// <summary>
/// Adds the PostgreSQL sink to a service's pipeline, configured by the <c>database:</c> keys. It never blocks start-up:
/// the database (configured or embedded) is reached, and the schema migrated, by the background writer on its first batch.
/// </summary>
public sealed class PostgreSqlExtension : ITradingLogExtension
{
    /// <summary>How long the sink's batching waits for a batch to fill.</summary>
    public static readonly TimeSpan BufferingTime = TimeSpan.FromMilliseconds(200);

    /// <summary>Resolves the database; replaceable for an already started server.</summary>
    public Func<TradingLogPipelineContext, CancellationToken, Task<LogDatabase>>? Connect { get; init; }

    /// <inheritdoc />
    public void Configure(TradingLogPipelineContext context)
    {
        var database = context.Settings.Database;
        if (!database.Enabled)
        {
            return;
        }

        var metrics = new DatabaseSinkMetrics();
        var directory = context.WorkingDirectory;
        var spool = new BatchSpool(Path.Combine(Path.GetFullPath(database.SpoolDirectory, directory), context.Service), database.SpoolMaxBytes, metrics);
        var deadLetters = new DeadLetterWriter(Path.GetFullPath(database.DeadLetterDirectory, directory), context.Service);
        var connect = Connect ?? ((ctx, ct) => LogDatabase.ConnectAsync(ctx.Settings, ctx.WorkingDirectory, ct));
        LogDatabase? resolved = null;
        var sink = new PostgreSqlSink(
            async ct => resolved ??= await connect(context, ct),
            new LogEventEncoder(database.MaxMessageLength, context.Settings.Structured),
            spool, deadLetters, metrics, context.Health, SinkTimeouts.From(database), context.Stopping);
        metrics.SpoolBytesNow = () => spool.Bytes;
        metrics.SpooledEventsNow = () => spool.Events;

        ILogEventSink entry;
        if (database.AsyncLogging)
        {
            var (batched, gauge) = Pipeline.PipelineBuilder.Batched(sink, database.QueueCapacity, database.QueueFullMode, context.Health,
                database.BatchSize, BufferingTime, () => metrics.AddDropped(1));
            metrics.QueueDepth = () => gauge.Depth;
            entry = batched;
        }
        else
        {
            entry = new SynchronousDatabaseSink(sink);
        }

        context.LoggerConfiguration.WriteTo.Sink(entry);
        context.Publish(metrics);
    }
}
