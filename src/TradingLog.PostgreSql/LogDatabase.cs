using Npgsql;
using TradingLog.Configuration;
using TradingLog.PostgreSql.Schema;
using TradingLog.PostgreSql.Server;

namespace TradingLog.PostgreSql;

/// <summary>
/// The database TradingLog logs to, with a connection string per role: the configured server
/// (<c>database.connection_string</c>, <c>TRADINGLOG_CONNECTION</c>, <c>--connection</c>) or, when none is configured,
/// the embedded server, started on demand. Role-specific connection strings, when configured, are used for writing,
/// reading and maintenance; otherwise the main one is.
/// </summary>
public sealed class LogDatabase
{
    /// <summary>The application name of the sink's connections, so its own COPY commands are not timed as queries.</summary>
    public const string SinkApplicationName = "tradelog-sink";

    private LogDatabase(string admin, DatabaseSettings settings, EmbeddedServerInfo? embedded)
    {
        AdminConnectionString = admin;
        WriterConnectionString = settings.WriterConnectionString ?? admin;
        ReaderConnectionString = settings.ReaderConnectionString ?? admin;
        MaintenanceConnectionString = settings.MaintenanceConnectionString ?? admin;
        Tables = LogTables.From(settings);
        PartitionDaysAhead = settings.PartitionDaysAhead;
        Embedded = embedded;
    }

    /// <summary>The connection string with rights to migrate the schema.</summary>
    public string AdminConnectionString { get; }

    /// <summary>The connection string the sink writes with.</summary>
    public string WriterConnectionString { get; }

    /// <summary>The connection string queries read with.</summary>
    public string ReaderConnectionString { get; }

    /// <summary>The connection string retention runs with.</summary>
    public string MaintenanceConnectionString { get; }

    /// <summary>The embedded server, when it is the one in use.</summary>
    internal EmbeddedServerInfo? Embedded { get; }

    internal LogTables Tables { get; }

    internal int PartitionDaysAhead { get; }

    /// <summary>Resolves the database for <paramref name="settings"/>, starting the embedded server if none is configured.</summary>
    public static Task<LogDatabase> ConnectAsync(TradingLogSettings settings, string workingDirectory, CancellationToken cancellationToken = default) =>
        ConnectAsync(settings, workingDirectory, notice: null, cancellationToken);

    /// <summary>
    /// Resolves the database for <paramref name="settings"/>, starting the embedded server if none is configured;
    /// <paramref name="notice"/> is told when the server is started or repaired (default: Serilog's SelfLog).
    /// </summary>
    public static async Task<LogDatabase> ConnectAsync(TradingLogSettings settings, string workingDirectory, Action<string>? notice,
        CancellationToken cancellationToken = default)
    {
        if (settings.Database.ConnectionString is { } configured)
        {
            return new LogDatabase(Checked(settings), settings.Database, null);
        }

        var embedded = await new EmbeddedPostgres(Path.GetFullPath(settings.Database.DataDirectory, workingDirectory), notice).StartAsync(cancellationToken);
        return new LogDatabase(embedded.ConnectionString(), settings.Database, embedded);
    }

    /// <summary>
    /// The configured connection strings must parse; a bad one stops start-up naming its key. The value is never
    /// repeated: it may hold a password.
    /// </summary>
    /// <returns>The connection string, or an empty string when none is configured.</returns>
    /// <exception cref="TradingLogConfigurationException">One does not parse.</exception>
    private static string Checked(TradingLogSettings settings)
    {
        foreach (var (key, value) in new[]
                 {
                     ("logging.database.connection_string", settings.Database.ConnectionString),
                     ("logging.database.writer_connection_string", settings.Database.WriterConnectionString),
                     ("logging.database.maintenance_connection_string", settings.Database.MaintenanceConnectionString),
                 })
        {
            if (value is not null && ConnectionStringProblem(value) is { } problem)
            {
                throw new TradingLogConfigurationException($"{key}: {problem}");
            }
        }

        return settings.Database.ConnectionString ?? "";
    }

    /// <summary>Why <paramref name="connectionString"/> is not a PostgreSQL connection string, or null when it is one.</summary>
    internal static string? ConnectionStringProblem(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            return $"not a PostgreSQL connection string ({e.Message.TrimEnd('.')}); write it as " +
                "Host=db.example.com;Port=5432;Database=trading;Username=tradelog;Password=...";
        }
    }

    /// <summary>
    /// For a service: a server must be named (<c>database.connection_string</c>), unless the embedded one is allowed
    /// (<c>database.embedded_server</c>, or <paramref name="allowEmbedded"/>). A logging sink does not start database
    /// servers as a side effect.
    /// </summary>
    /// <exception cref="TradingLogConfigurationException">Neither is the case; the message names the keys that fix it.</exception>
    public static void EnsureServerNamed(TradingLogSettings settings, bool allowEmbedded = false)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Checked(settings);
        if (settings.Database.ConnectionString is null && !settings.Database.EmbeddedServer && !allowEmbedded)
        {
            throw new TradingLogConfigurationException(
                "logging.database.connection_string: no PostgreSQL server is configured for storing events. Set " +
                "database.connection_string (or TRADINGLOG_CONNECTION), or let TradingLog start its own server for development " +
                "with database.embedded_server: true (on in the Development environment) or options.UseEmbeddedPostgreSql().");
        }
    }

    /// <summary>
    /// Resolves the database for <paramref name="settings"/> without starting anything, for callers that only read:
    /// the configured server, or the embedded server if it is running.
    /// </summary>
    /// <exception cref="EmbeddedServerException">No server is configured and the embedded one is not running; the message says how to start it.</exception>
    public static async Task<LogDatabase> ConnectRunningAsync(TradingLogSettings settings, string workingDirectory,
        CancellationToken cancellationToken = default)
    {
        if (settings.Database.ConnectionString is { } configured)
        {
            return new LogDatabase(Checked(settings), settings.Database, null);
        }

        var embedded = await new EmbeddedPostgres(Path.GetFullPath(settings.Database.DataDirectory, workingDirectory)).RunningAsync(cancellationToken);
        return new LogDatabase(embedded.ConnectionString(), settings.Database, embedded);
    }

    /// <summary>Applies pending migrations and creates the partitions ahead; safe to call from several processes at once.</summary>
    public Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default) => MigrateAsync(null, cancellationToken);

    /// <summary>
    /// Applies pending migrations, giving up on a connection that is not made within <paramref name="connectTimeout"/>
    /// (a hung server): Npgsql's connection attempts observe their own timeout, not cancellation.
    /// </summary>
    internal async Task<IReadOnlyList<int>> MigrateAsync(TimeSpan? connectTimeout, CancellationToken cancellationToken, bool ensurePartitions = true)
    {
        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString);
        if (connectTimeout is { } timeout)
        {
            builder.Timeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
        }

        await using var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        return await SchemaMigrator.MigrateAsync(dataSource, Tables, PartitionDaysAhead, ensurePartitions, cancellationToken);
    }

    /// <summary>
    /// A pooled data source for <paramref name="connectionString"/>: connections are given up after 5 s, commands after
    /// <paramref name="commandTimeout"/> (default 60 s, rounded up to whole seconds); a timed-out command's connection is
    /// closed at once rather than after a cancellation request a hung server would never answer.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString, string? applicationName = null, int maxPoolSize = 10,
        TimeSpan? commandTimeout = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = maxPoolSize,
            Timeout = 5,
            CommandTimeout = (int)Math.Ceiling((commandTimeout ?? TimeSpan.FromSeconds(60)).TotalSeconds),
            CancellationTimeout = commandTimeout is null ? 2000 : -1,
            KeepAlive = 30,
        };
        if (applicationName is not null)
        {
            builder.ApplicationName = applicationName;
        }

        return NpgsqlDataSource.Create(builder.ConnectionString);
    }
}
