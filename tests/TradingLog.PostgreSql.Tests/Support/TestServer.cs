using Npgsql;
using TradingLog.PostgreSql.Schema;
using TradingLog.PostgreSql.Server;

namespace TradingLog.PostgreSql.Tests.Support;

/// <summary>
/// The PostgreSQL server of this test run: TradingLog's own embedded server, started by the first test that needs it
/// in a private folder and stopped when the run ends. A migrated template database makes each test's own database cheap.
/// </summary>
internal static class TestServer
{
    private const string Template = "tl_template";
    private static readonly Lazy<Task<EmbeddedServerInfo>> Server = new(StartAsync);

    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "tradelog-pg-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static Task<EmbeddedServerInfo> InfoAsync() => Server.Value;

    /// <summary>A new, migrated database of its own for one test; returns its superuser connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var info = await InfoAsync();
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(info.ConnectionString("postgres"));
        await connection.OpenAsync();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {Template}", connection);
                await create.ExecuteNonQueryAsync();
                return info.ConnectionString(name);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>
    /// Stops the servers of earlier runs whose test process is gone: the test host can be ended before its exit
    /// handlers run, and a server left behind holds memory.
    /// </summary>
    private static async Task StopAbandonedAsync()
    {
        var parent = Path.GetDirectoryName(Root)!;
        if (!Directory.Exists(parent))
        {
            return;
        }

        foreach (var folder in Directory.GetDirectories(parent))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid) || IsAlive(pid))
            {
                continue;
            }

            try
            {
                await new EmbeddedPostgres(Path.Combine(folder, "pgdata")).StopAsync();
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or EmbeddedServerException)
            {
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// Stops the server once this test process is gone. The test platform may end its test host without running exit
    /// handlers, which left a server running after every <c>dotnet test</c>; a small shell loop outlives the host and
    /// sends the postmaster SIGINT (a fast shutdown), which the server's owner or root may do.
    /// </summary>
    private static void StartWatchdog(string dataDirectory)
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/sh"))
        {
            return;
        }

        var script = $$"""
            while kill -0 {{Environment.ProcessId}} 2>/dev/null; do sleep 1; done
            pm=$(head -n 1 '{{dataDirectory}}/postmaster.pid' 2>/dev/null) || exit 0
            kill -INT "$pm" 2>/dev/null || exit 0
            for _ in $(seq 1 100); do kill -0 "$pm" 2>/dev/null || break; sleep 0.2; done
            rm -rf '{{Root}}'
            """;
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var watchdog = System.Diagnostics.Process.Start(start);
    }

    private static async Task<EmbeddedServerInfo> StartAsync()
    {
        await StopAbandonedAsync();
        var server = new EmbeddedPostgres(Path.Combine(Root, "pgdata"));
        var info = await server.StartAsync();
        StartWatchdog(info.DataDirectory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            server.StopAsync().GetAwaiter().GetResult();
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        await EmbeddedPostgres.EnsureDatabaseAsync(info, Template, CancellationToken.None);
        await using (var dataSource = NpgsqlDataSource.Create(info.ConnectionString(Template)))
        {
            await SchemaMigrator.MigrateAsync(dataSource, LogTables.Default, daysAhead: 7);
        }

        NpgsqlConnection.ClearAllPools();
        return info;
    }
}
