using Npgsql;
using TradingLog.Configuration;
using TradingLog.PostgreSql;
using TradingLog.PostgreSql.Server;

namespace TradingLog.Cli.Tests.Support;

/// <summary>The embedded server of one test folder, seen from the test: log into it as a service would, count its rows, ask whether it runs.</summary>
public static class EmbeddedStore
{
    public static string DataDirectory(string folder) => Path.Combine(folder, ".tradelog", "pgdata");

    public static string StateFile(string folder) => Path.Combine(DataDirectory(folder), "tradelog.json");

    /// <summary>Logs through a real pipeline with the PostgreSQL sink into the folder's embedded server; returns once flushed.</summary>
    /// <param name="folder">The test's folder.</param>
    /// <param name="service">The service that logs.</param>
    /// <param name="write">What it logs.</param>
    /// <param name="audit">Also record the pipeline's start and stop (the tests that count rows leave it off).</param>
    public static void Log(string folder, string service, Action<TradingLogger> write, bool audit = false)
    {
        var settings = TradingLogConfiguration.Load(new TradingLogConfigurationOptions
        {
            WorkingDirectory = folder,
            EnvironmentVariables = new Dictionary<string, string>(),
        }).Settings;
        settings.Console.Enabled = false;
        settings.HeartbeatInterval = TimeSpan.Zero;
        using var host = TradingLogging.Configure(service, o =>
        {
            o.Settings = settings;
            o.WorkingDirectory = folder;
            o.AuditEvents = audit;
            o.UseEmbeddedPostgreSql();
        });
        write(host.Logger);
    }

    public static async Task<bool> IsRunningAsync(string folder) =>
        await new EmbeddedPostgres(DataDirectory(folder)).StatusAsync() is { Running: true };

    public static async Task<long> CountAsync(string folder, string sql)
    {
        var info = await new EmbeddedPostgres(DataDirectory(folder)).StatusAsync() ?? throw new InvalidOperationException("no embedded server in " + folder);
        var unpooled = new NpgsqlConnectionStringBuilder(info.ConnectionString()) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(string folder, string sql)
    {
        var info = await new EmbeddedPostgres(DataDirectory(folder)).StatusAsync() ?? throw new InvalidOperationException("no embedded server in " + folder);
        var unpooled = new NpgsqlConnectionStringBuilder(info.ConnectionString()) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
