using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace TradingLog.PostgreSql.Server;

/// <summary>
/// TradingLog's own PostgreSQL server, used when no connection string is configured. It is initialised with
/// <c>initdb</c> in a private data directory (default <c>.tradelog/pgdata</c>), listens on a free loopback port only,
/// authenticates with a generated password, is started on demand with <c>pg_ctl</c> and is reused by later runs.
/// As root it runs as the <c>postgres</c> (or a created <c>tradelog</c>) user. Concurrent starts are serialised by a file lock.
/// </summary>
public sealed class EmbeddedPostgres
{
    /// <summary>The default data directory, relative to the working directory.</summary>
    public const string DefaultDataDirectory = ".tradelog/pgdata";

    /// <summary>The database TradingLog creates and uses on its embedded server.</summary>
    public const string DefaultDatabase = "tradelog";

    private const string SuperUser = "tradelog";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Creates a handle on the server whose data lives in <paramref name="dataDirectory"/>; nothing is started yet.</summary>
    public EmbeddedPostgres(string dataDirectory)
    {
        RequestedDirectory = Path.GetFullPath(dataDirectory);
    }

    /// <summary>The data directory asked for.</summary>
    public string RequestedDirectory { get; }

    /// <summary>Initialises the server if needed, starts it if it is not running, and creates the <c>tradelog</c> database.</summary>
    /// <exception cref="EmbeddedServerException">The binaries are missing, or initdb or pg_ctl failed; the message says why.</exception>
    public async Task<EmbeddedServerInfo> StartAsync(CancellationToken cancellationToken = default)
    {
        var binaries = PostgresBinaries.Find();
        var user = await UnixUser.ServerUserAsync(cancellationToken);
        var dataDirectory = await ResolveDirectoryAsync(user, cancellationToken);
        using (await FileLock.AcquireAsync(dataDirectory + ".lock", TimeSpan.FromMinutes(3), cancellationToken))
        {
            var state = ServerState.Read(dataDirectory);
            if (state is null || !File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
            {
                state = await InitialiseAsync(binaries, dataDirectory, user, cancellationToken);
            }

            if (!await IsRunningAsync(binaries, dataDirectory, user, cancellationToken))
            {
                state = EnsurePortIsFree(dataDirectory, state);
                var log = Path.Combine(dataDirectory, "server.log");
                var started = await ProcessRunner.RunAsync(binaries.PgCtl,
                    ["start", "-D", dataDirectory, "-l", log, "-w", "-t", "120", "-o", $"-p {state.Port}"], user, CommandTimeout, cancellationToken);
                if (started.ExitCode != 0)
                {
                    var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(15)) : "";
                    throw new EmbeddedServerException($"pg_ctl could not start the embedded server in {dataDirectory}: {started.Output}\n{tail}");
                }
            }

            var info = new EmbeddedServerInfo(dataDirectory, state.Port, state.User, state.Password, running: true);
            await EnsureDatabaseAsync(info, DefaultDatabase, cancellationToken);
            return info;
        }
    }

    /// <summary>Stops the server (fast shutdown: sessions end, data is safe). Does nothing if it is not running.</summary>
    public async Task<bool> StopAsync(CancellationToken cancellationToken = default)
    {
        var binaries = PostgresBinaries.Find();
        var user = await UnixUser.ServerUserAsync(cancellationToken);
        var dataDirectory = await ResolveDirectoryAsync(user, cancellationToken, create: false);
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")) || !await IsRunningAsync(binaries, dataDirectory, user, cancellationToken))
        {
            return false;
        }

        var stopped = await ProcessRunner.RunAsync(binaries.PgCtl, ["stop", "-D", dataDirectory, "-m", "fast", "-w", "-t", "120"], user, CommandTimeout, cancellationToken);
        return stopped.ExitCode == 0 ? true : throw new EmbeddedServerException("pg_ctl could not stop the embedded server: " + stopped.Output);
    }

    /// <summary>The server's state without starting it, or null if it was never initialised.</summary>
    public async Task<EmbeddedServerInfo?> StatusAsync(CancellationToken cancellationToken = default)
    {
        var binaries = PostgresBinaries.Find();
        var user = await UnixUser.ServerUserAsync(cancellationToken);
        var dataDirectory = await ResolveDirectoryAsync(user, cancellationToken, create: false);
        var state = ServerState.Read(dataDirectory);
        return state is null
            ? null
            : new EmbeddedServerInfo(dataDirectory, state.Port, state.User, state.Password, await IsRunningAsync(binaries, dataDirectory, user, cancellationToken));
    }

    /// <summary>Creates <paramref name="database"/> on the server if it does not exist.</summary>
    internal static async Task EnsureDatabaseAsync(EmbeddedServerInfo info, string database, CancellationToken cancellationToken)
    {
        // Unpooled: a pooled connection may belong to a server instance that has since been restarted.
        var unpooled = new NpgsqlConnectionStringBuilder(info.ConnectionString("postgres")) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            try
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Another process created it first.
            }
        }
    }

    private async Task<string> ResolveDirectoryAsync(string? user, CancellationToken cancellationToken, bool create = true)
    {
        if (user is null)
        {
            return RequestedDirectory;
        }

        // As root, the server user must be able to reach the folder; under /root it cannot, so the data moves to /var/lib.
        var parent = Path.GetDirectoryName(RequestedDirectory)!;
        if (create)
        {
            Directory.CreateDirectory(parent);
        }

        if (!Directory.Exists(parent) || await UnixUser.CanEnterAsync(parent, user, cancellationToken))
        {
            return RequestedDirectory;
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(RequestedDirectory)))[..16].ToLowerInvariant();
        return Path.Combine("/var/lib/tradelog", "pgdata-" + hash);
    }

    private static async Task<ServerState> InitialiseAsync(PostgresBinaries binaries, string dataDirectory, string? user, CancellationToken cancellationToken)
    {
        if (Directory.Exists(dataDirectory) && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
        {
            // A half-finished initdb leaves files behind; start again from an empty folder.
            Directory.Delete(dataDirectory, recursive: true);
        }

        Directory.CreateDirectory(dataDirectory);
        File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(18)).ToLowerInvariant();
        var passwordFile = Path.Combine(Path.GetTempPath(), "tradelog-pw-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            if (user is not null)
            {
                await UnixUser.GiveAsync(dataDirectory, user, cancellationToken);
                await UnixUser.GiveAsync(passwordFile, user, cancellationToken);
            }

            var init = await ProcessRunner.RunAsync(binaries.InitDb,
                ["-D", dataDirectory, "-U", SuperUser, "--pwfile", passwordFile, "--auth", "scram-sha-256", "--encoding", "UTF8", "--no-locale"],
                user, CommandTimeout, cancellationToken);
            if (init.ExitCode != 0)
            {
                throw new EmbeddedServerException($"initdb failed in {dataDirectory}: {init.Output}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }

        var state = new ServerState(FreePort(), SuperUser, password);
        await File.AppendAllTextAsync(Path.Combine(dataDirectory, "postgresql.conf"), string.Join('\n',
            "",
            "# TradingLog's embedded server: loopback only, no Unix socket, room for many partitions.",
            "listen_addresses = '127.0.0.1'",
            "unix_socket_directories = ''",
            "max_connections = 200",
            "max_locks_per_transaction = 512",
            "shared_buffers = '256MB'",
            "max_wal_size = '2GB'",
            "timezone = 'UTC'",
            ""), cancellationToken);
        state.Write(dataDirectory);
        if (user is not null)
        {
            await UnixUser.GiveAsync(dataDirectory, user, cancellationToken);
        }

        return state;
    }

    private static ServerState EnsurePortIsFree(string dataDirectory, ServerState state)
    {
        if (IsFree(state.Port))
        {
            return state;
        }

        var moved = state with { Port = FreePort() };
        moved.Write(dataDirectory);
        return moved;
    }

    private static async Task<bool> IsRunningAsync(PostgresBinaries binaries, string dataDirectory, string? user, CancellationToken cancellationToken) =>
        Directory.Exists(dataDirectory)
        && (await ProcessRunner.RunAsync(binaries.PgCtl, ["status", "-D", dataDirectory], user, CommandTimeout, cancellationToken)).ExitCode == 0;

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A loopback TCP port free at the moment of asking.</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <inheritdoc />
    public override string ToString() => RequestedDirectory.ToString(CultureInfo.InvariantCulture);
}
