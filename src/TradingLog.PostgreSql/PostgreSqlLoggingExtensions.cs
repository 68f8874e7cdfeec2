namespace TradingLog.PostgreSql;

/// <summary>Entry points: <c>TradingLogging.Configure("execution", o =&gt; o.UsePostgreSql())</c> or the same in <c>AddTradingLogging</c>.</summary>
public static class PostgreSqlLoggingExtensions
{
    /// <summary>Stores every event in PostgreSQL as the <c>database:</c> keys say: the configured server, or the embedded one.</summary>
    public static TradingLogOptions UsePostgreSql(this TradingLogOptions options)
    {
        options.Extensions.Add(new PostgreSqlExtension());
        return options;
    }

    /// <summary>Stores every event in the database at <paramref name="connectionString"/> (overrides the configured server).</summary>
    public static TradingLogOptions UsePostgreSql(this TradingLogOptions options, string connectionString)
    {
        options.Extensions.Add(new PostgreSqlExtension
        {
            Connect = (context, _) =>
            {
                context.Settings.Database.ConnectionString = connectionString;
                return LogDatabase.ConnectAsync(context.Settings, context.WorkingDirectory);
            },
        });
        return options;
    }
}
