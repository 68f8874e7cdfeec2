namespace TradingLog.PostgreSql;

/// <summary>Entry points: <c>TradingLogging.Configure("execution", o =&gt; o.UsePostgreSql())</c> or the same in <c>AddTradingLogging</c>.</summary>
public static class PostgreSqlLoggingExtensions
{
    /// <summary>
    /// Stores every event in PostgreSQL as the <c>database:</c> keys say: the configured server
    /// (<c>database.connection_string</c>), or TradingLog's embedded one where <c>database.embedded_server</c> allows it
    /// (the Development environment does).
    /// </summary>
    /// <exception cref="Configuration.TradingLogConfigurationException">Thrown by <c>Configure</c> when neither is the case.</exception>
    public static TradingLogOptions UsePostgreSql(this TradingLogOptions options)
    {
        options.Extensions.Add(new PostgreSqlExtension());
        return options;
    }

    /// <summary>
    /// Stores every event in PostgreSQL, starting TradingLog's own server from the installed PostgreSQL programs when no
    /// <c>database.connection_string</c> is configured: for development, demos and tests.
    /// </summary>
    public static TradingLogOptions UseEmbeddedPostgreSql(this TradingLogOptions options)
    {
        options.Extensions.Add(new PostgreSqlExtension { AllowEmbeddedServer = true });
        return options;
    }

    /// <summary>Stores every event in the database at <paramref name="connectionString"/> (overrides the configured server).</summary>
    public static TradingLogOptions UsePostgreSql(this TradingLogOptions options, string connectionString)
    {
        options.Extensions.Add(new PostgreSqlExtension
        {
            Connect = (context, cancellationToken) =>
            {
                context.Settings.Database.ConnectionString = connectionString;
                return LogDatabase.ConnectAsync(context.Settings, context.WorkingDirectory, cancellationToken);
            },
        });
        return options;
    }
}
