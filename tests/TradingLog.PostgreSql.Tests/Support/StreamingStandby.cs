using Npgsql;
using TradingLog.PostgreSql.Server;

namespace TradingLog.PostgreSql.Tests.Support;

/// <summary>
/// A real hot standby of a test's own primary: <c>pg_basebackup -R -X stream</c> of the primary into a folder of its own,
/// started with <c>pg_ctl</c> on a free loopback port, streaming from the primary; stopped when disposed.
/// </summary>
internal sealed class StreamingStandby : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);
    private readonly string _dataDirectory;
    private readonly string? _user;

    private StreamingStandby(string dataDirectory, string? user, string connectionString)
    {
        _dataDirectory = dataDirectory;
        _user = user;
        ConnectionString = connectionString;
    }

    /// <summary>The standby's connection string (the primary's user and password, database <c>tradelog</c>).</summary>
    public string ConnectionString { get; }

    public static async Task<StreamingStandby> StartAsync(EmbeddedServerInfo primary, string dataDirectory)
    {
        var binaries = PostgresBinaries.Find();
        var user = await UnixUser.ServerUserAsync(CancellationToken.None);
        var parent = Path.GetDirectoryName(dataDirectory)!;
        Directory.CreateDirectory(parent);
        if (user is not null)
        {
            await UnixUser.GiveAsync(parent, user, CancellationToken.None);
        }

        var source = new NpgsqlConnectionStringBuilder(primary.ConnectionString());
        var conninfo = $"host=127.0.0.1 port={source.Port} user={source.Username} password={source.Password}";
        // pg_basebackup sits beside the real pg_ctl (PATH may hold only links to initdb and pg_ctl).
        var bin = Path.GetDirectoryName(new FileInfo(binaries.PgCtl).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? binaries.PgCtl)!;
        var backup = await ProcessRunner.RunAsync(Path.Combine(bin, "pg_basebackup"),
            ["-d", conninfo, "-D", dataDirectory, "-R", "-X", "stream", "-c", "fast"], user, CommandTimeout, CancellationToken.None);
        Assert.True(backup.ExitCode == 0, "pg_basebackup failed: " + backup.Output);

        var port = EmbeddedPostgres.FreePort();
        var started = await ProcessRunner.RunAsync(binaries.PgCtl,
            ["start", "-D", dataDirectory, "-l", Path.Combine(dataDirectory, "standby.log"), "-w", "-t", "120", "-o", $"-p {port}"], user,
            CommandTimeout, CancellationToken.None);
        Assert.True(started.ExitCode == 0, "the standby did not start: " + started.Output);
        var connection = new NpgsqlConnectionStringBuilder(source.ConnectionString) { Port = port, Database = "tradelog" }.ConnectionString;
        return new StreamingStandby(dataDirectory, user, connection);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ProcessRunner.RunAsync(PostgresBinaries.Find().PgCtl, ["stop", "-D", _dataDirectory, "-m", "fast", "-w"], _user, CommandTimeout,
            CancellationToken.None);
    }
}
