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

        var connect = Connect ?? ((ctx, ct) => LogDatabase.ConnectAsync(ctx.Settings, ctx.WorkingDirectory, ct));
        var (entry, metrics) = DatabaseSinkBuilder.Build(database, context.Settings.Structured, context.Service, context.WorkingDirectory,
            ct => connect(context, ct), context.Health, context.Stopping);
        context.LoggerConfiguration.WriteTo.Sink(entry);
        context.Publish(metrics);
    }
}
