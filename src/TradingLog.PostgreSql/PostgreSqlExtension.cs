using TradingLog.PostgreSql.Sink;

namespace TradingLog.PostgreSql;

/// <summary>
/// Adds the PostgreSQL sink to a service's pipeline, configured by the <c>database:</c> keys. It never blocks start-up:
/// the database is reached, and the schema migrated, by the background writer on its first batch. It starts the
/// embedded server only when asked (<c>database.embedded_server</c>, the Development environment, or
/// <see cref="AllowEmbeddedServer"/>); otherwise a missing connection string stops start-up with a message that says so.
/// </summary>
public sealed class PostgreSqlExtension : ITradingLogExtension
{
    /// <summary>How long the sink's batching waits for a batch to fill.</summary>
    public static readonly TimeSpan BufferingTime = TimeSpan.FromMilliseconds(200);

    /// <summary>Resolves the database; replaceable for an already started server.</summary>
    public Func<TradingLogPipelineContext, CancellationToken, Task<LogDatabase>>? Connect { get; init; }

    /// <summary>
    /// Whether the embedded server may be started when no connection string is configured, whatever
    /// <c>database.embedded_server</c> says (<see cref="PostgreSqlLoggingExtensions.UseEmbeddedPostgreSql"/>).
    /// </summary>
    public bool AllowEmbeddedServer { get; init; }

    /// <inheritdoc />
    public void Configure(TradingLogPipelineContext context)
    {
        var database = context.Settings.Database;
        if (!database.Enabled)
        {
            return;
        }

        if (Connect is null)
        {
            LogDatabase.EnsureServerNamed(context.Settings, AllowEmbeddedServer);
        }

        var connect = Connect ?? ((ctx, ct) => LogDatabase.ConnectAsync(ctx.Settings, ctx.WorkingDirectory, ct));
        var (entry, metrics) = DatabaseSinkBuilder.Build(database, context.Settings.Structured, context.Service, context.WorkingDirectory,
            ct => connect(context, ct), context.Health, context.Stopping);
        context.LoggerConfiguration.WriteTo.Sink(entry);
        DatabaseInstruments.Register(context, metrics);
        context.Publish(metrics);
    }
}
