using Npgsql;
using TradingLog.PostgreSql;
using TradingLog.PostgreSql.Server;

namespace TradingLog.Benchmarks;

/// <summary>The embedded server of the benchmarks, and a fresh migrated database (design's indexes, partitions) per contender.</summary>
internal sealed class BenchDatabase(EmbeddedServerInfo server)
{
    /// <summary>Where the benchmarks work: <c>$TMPDIR/tradelog-bench</c>.</summary>
    public static readonly string WorkFolder = Path.Combine(Path.GetTempPath(), "tradelog-bench");

    /// <summary>The data directory of the benchmarks' embedded server, reused by every run.</summary>
    public static readonly string DataDirectory = Path.Combine(WorkFolder, "pgdata");

    public static async Task<BenchDatabase> StartAsync() =>
        new(await new EmbeddedPostgres(DataDirectory).StartAsync());

    /// <summary>Stops the benchmarks' embedded server (<c>--stop-server</c>), so that a CI run leaves nothing behind.</summary>
    public static Task<bool> StopServerAsync() => new EmbeddedPostgres(DataDirectory).StopAsync();

    public async Task<string> FreshAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(server.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            // Earlier databases go first, so that disk and checkpoints weigh the same on every round.
            await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'bench_%'", connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                var names = new List<string>();
                while (await reader.ReadAsync())
                {
                    names.Add(reader.GetString(0));
                }

                await reader.CloseAsync();
                foreach (var old in names)
                {
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {old} WITH (FORCE)", connection);
                    await drop.ExecuteNonQueryAsync();
                }
            }

            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = server.ConnectionString(name);
        var settings = new TradingLog.Configuration.TradingLogSettings();
        settings.Database.ConnectionString = connectionString;
        await (await LogDatabase.ConnectAsync(settings, Directory.GetCurrentDirectory())).MigrateAsync();
        return connectionString;
    }

    /// <summary>
    /// The database <paramref name="name"/> of an earlier run, migrated, if it holds <paramref name="rows"/> rows in
    /// <c>system_logs</c> or more; null otherwise (<c>--reuse</c>: iterate on a query without seeding again).
    /// </summary>
    public async Task<string?> ExistingAsync(string name, long rows)
    {
        var connectionString = server.ConnectionString(name);
        try
        {
            if (await CountAsync(connectionString) < rows)
            {
                return null;
            }
        }
        catch (PostgresException e) when (e.SqlState is "3D000" or "42P01")
        {
            return null;
        }

        var settings = new TradingLog.Configuration.TradingLogSettings();
        settings.Database.ConnectionString = connectionString;
        await (await LogDatabase.ConnectAsync(settings, Directory.GetCurrentDirectory())).MigrateAsync();
        return connectionString;
    }

    /// <summary>Counts the rows; call before the next <see cref="FreshAsync"/>, which drops every earlier benchmark database.</summary>
    public static async Task<long> CountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM system_logs", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs <paramref name="sql"/> statement by statement (one per line ending in <c>;</c>), without a time limit.</summary>
    /// <remarks>One at a time because some (VACUUM) cannot run inside the implicit transaction of a multi-statement command.</remarks>
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var statement in sql.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await using var command = new NpgsqlCommand(statement, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
        }
    }
}
