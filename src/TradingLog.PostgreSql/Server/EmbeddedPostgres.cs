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
internal sealed class EmbeddedPostgres
{
    /// <summary>The default data directory, relative to the working directory.</summary>
    public const string DefaultDataDirectory = ".tradelog/pgdata";

    /// <summary>The database TradingLog creates and uses on its embedded server.</summary>
    public const string DefaultDatabase = "tradelog";

    private const string SuperUser = "tradelog";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);
    private readonly Action<string> _notice;

    /// <summary>Creates a handle on the server whose data lives in <paramref name="dataDirectory"/>; nothing is started yet.</summary>
    /// <param name="dataDirectory">The data directory.</param>
    /// <param name="notice">
    /// Told, in a sentence, whenever this handle starts the server or repairs something on its own (a state file rebuilt
    /// from the cluster, an incomplete data directory moved aside). Default: Serilog's SelfLog.
    /// </param>
    public EmbeddedPostgres(string dataDirectory, Action<string>? notice = null)
    {
        RequestedDirectory = Path.GetFullPath(dataDirectory);
        _notice = notice ?? (message => Serilog.Debugging.SelfLog.WriteLine("{0}", message));
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
            ServerState.RemoveInterruptedWrites(dataDirectory);
            ServerState state;
            if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
            {
                MoveIncompleteDirectoryAside(dataDirectory);
                state = await InitialiseAsync(binaries, dataDirectory, user, cancellationToken);
            }
            else
            {
                // A data directory that holds a cluster is never deleted nor initialised again: its rows are the point.
                state = await ReadOrRebuildStateAsync(binaries, dataDirectory, user, cancellationToken);
            }

            var startedNow = false;
            if (!await IsRunningAsync(binaries, dataDirectory, user, cancellationToken))
            {
                state = await EnsurePortIsFreeAsync(dataDirectory, state, user, cancellationToken);
                var log = Path.Combine(dataDirectory, "server.log");
                var started = await ProcessRunner.RunAsync(binaries.PgCtl,
                    ["start", "-D", dataDirectory, "-l", log, "-w", "-t", "120", "-o", $"-p {state.Port}"], user, CommandTimeout, cancellationToken);
                if (started.ExitCode != 0)
                {
                    var tail = File.Exists(log) ? string.Join('\n', (await File.ReadAllLinesAsync(log, cancellationToken)).TakeLast(15)) : "";
                    throw new EmbeddedServerException($"pg_ctl could not start the embedded server in {dataDirectory}: {started.Output}\n{tail}");
                }

                startedNow = true;
            }

            var info = new EmbeddedServerInfo(dataDirectory, state.Port, state.User, state.Password, running: true) { StartedNow = startedNow };
            await EnsureDatabaseAsync(info, DefaultDatabase, cancellationToken);
            if (startedNow)
            {
                _notice($"Started the embedded PostgreSQL server in {dataDirectory} on port {state.Port}.");
            }

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

        var stopped = await ProcessRunner.RunAsync(binaries.PgCtl,
            ["stop", "-D", dataDirectory, "-m", "fast", "-w", "-t", "120"], user, CommandTimeout, cancellationToken);
        return stopped.ExitCode == 0 ? true : throw new EmbeddedServerException("pg_ctl could not stop the embedded server: " + stopped.Output);
    }

    /// <summary>The server's state without starting it, or null if it was never initialised.</summary>
    /// <exception cref="EmbeddedServerException">The state file is missing beside a cluster, or damaged; the message names it and the way out.</exception>
    public async Task<EmbeddedServerInfo?> StatusAsync(CancellationToken cancellationToken = default)
    {
        var binaries = PostgresBinaries.Find();
        var user = await UnixUser.ServerUserAsync(cancellationToken);
        var dataDirectory = await ResolveDirectoryAsync(user, cancellationToken, create: false);
        ServerState? state;
        try
        {
            state = ServerState.Read(dataDirectory);
        }
        catch (DamagedServerStateException e)
        {
            throw new EmbeddedServerException(e.Message + "; " + WayOut(e, dataDirectory), e);
        }

        if (state is null && File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            throw new EmbeddedServerException(
                $"the embedded server's state file {ServerState.PathIn(dataDirectory)} is missing; 'tradelog db start' rebuilds it from the cluster " +
                $"in {dataDirectory} (a new password; no data is lost)");
        }

        return state is null
            ? null
            : new EmbeddedServerInfo(dataDirectory, state.Port, state.User, state.Password,
                await IsRunningAsync(binaries, dataDirectory, user, cancellationToken));
    }

    /// <summary>The running server, never starting it.</summary>
    /// <exception cref="EmbeddedServerException">The server was never initialised or is not running; the message says how to start it.</exception>
    public async Task<EmbeddedServerInfo> RunningAsync(CancellationToken cancellationToken = default)
    {
        var info = await StatusAsync(cancellationToken);
        return info is { Running: true }
            ? info
            : throw new EmbeddedServerException(
                $"the embedded server in {info?.DataDirectory ?? RequestedDirectory} is {(info is null ? "not initialised" : "not running")}, " +
                "and this command does not start it; start it with 'tradelog db start'");
    }

    /// <summary>Creates <paramref name="database"/> on the server if it does not exist.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "the database name is quoted as an identifier, its quotes doubled")]
    internal static async Task EnsureDatabaseAsync(EmbeddedServerInfo info, string database, CancellationToken cancellationToken)
    {
        // Unpooled: a pooled connection may belong to a server instance that has since been restarted.
        var unpooled = new NpgsqlConnectionStringBuilder(info.ConnectionString("postgres")) { Pooling = false, Timeout = 5 }.ConnectionString;
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
        await AppendServerSettingsAsync(dataDirectory, cancellationToken);
        state.Write(dataDirectory);
        if (user is not null)
        {
            await UnixUser.GiveAsync(dataDirectory, user, cancellationToken);
        }

        return state;
    }

    /// <summary>
    /// A data directory without <c>PG_VERSION</c> holds no cluster initdb finished, but it is never deleted. When
    /// everything in it is something initdb, PostgreSQL or TradingLog writes (an interrupted initdb), it is moved aside to
    /// <c>DIR.incomplete-UTC</c>, said so, and a new cluster is initialised in its place: nothing is lost and the start
    /// goes on. Anything else in it (a folder of the user's, a mistyped <c>--data-dir</c>) makes the start refuse with
    /// a message naming the folder: moving a folder TradingLog did not make is not its call.
    /// </summary>
    private void MoveIncompleteDirectoryAside(string dataDirectory)
    {
        if (!Directory.Exists(dataDirectory) || !Directory.EnumerateFileSystemEntries(dataDirectory).Any())
        {
            return;
        }

        var strangers = Directory.EnumerateFileSystemEntries(dataDirectory).Select(e => Path.GetFileName(e)).Where(n => !IsClusterEntry(n))
            .Order(StringComparer.Ordinal).ToList();
        if (strangers.Count > 0)
        {
            throw new EmbeddedServerException(
                $"the data directory {dataDirectory} holds no PostgreSQL cluster (no PG_VERSION) but is not empty ({string.Join(", ", strangers.Take(5))}" +
                $"{(strangers.Count > 5 ? ", ..." : "")}); TradingLog neither deletes nor initialises it. Choose another data directory " +
                "(--data-dir, database.data_directory), or empty this one yourself, then run 'tradelog db start' again");
        }

        var aside = dataDirectory + ".incomplete-" + Stamp();
        Directory.Move(dataDirectory, aside);
        _notice($"The data directory {dataDirectory} held an incomplete cluster (no PG_VERSION: an interrupted initdb); " +
            $"moved it to {aside} and initialised a new one there.");
    }

    private static bool IsClusterEntry(string name) =>
        name.StartsWith("pg_", StringComparison.Ordinal) || name.StartsWith(ServerState.FileName, StringComparison.Ordinal)
        || name is "base" or "global" or "postgresql.conf" or "postgresql.auto.conf" or "postmaster.opts" or "postmaster.pid" or "server.log"
            or "current_logfiles" or "log";

    /// <summary>The state file's port and password, or, when the file is missing or damaged, new ones set in the cluster itself.</summary>
    private async Task<ServerState> ReadOrRebuildStateAsync(PostgresBinaries binaries, string dataDirectory, string? user, CancellationToken cancellationToken)
    {
        var path = ServerState.PathIn(dataDirectory);
        string what;
        try
        {
            if (ServerState.Read(dataDirectory) is { } state)
            {
                return state;
            }

            what = "was missing";
        }
        catch (DamagedServerStateException e) when (e.CanRebuild)
        {
            // Kept, not deleted: whoever investigates may want to see what was in it.
            var aside = path + ".damaged-" + Stamp();
            try
            {
                File.Move(path, aside);
            }
            catch (Exception move) when (move is IOException or UnauthorizedAccessException)
            {
                throw new EmbeddedServerException(
                    $"{e.Message}, and it could not be put aside ({move.Message}); move it away yourself, then run 'tradelog db start' again", e);
            }

            what = $"{e.Problem}; it is kept as {aside}";
        }
        catch (DamagedServerStateException e)
        {
            throw new EmbeddedServerException(e.Message + "; " + WayOut(e, dataDirectory), e);
        }

        var (rebuilt, done) = await RebuildStateAsync(binaries, dataDirectory, user, cancellationToken);
        _notice($"The embedded server's state file {path} {what}. Rebuilt it from the cluster in {dataDirectory}: {done}; the data is untouched.");
        return rebuilt;
    }

    /// <summary>
    /// New credentials for an existing cluster, from the cluster itself: the server is stopped if it runs (a fast
    /// shutdown needs no password), the bootstrap superuser gets a new password in single-user mode (which needs none
    /// either, and runs as the server user like pg_ctl), a port is chosen and a fresh state file is written.
    /// </summary>
    private static async Task<(ServerState State, string Done)> RebuildStateAsync(PostgresBinaries binaries, string dataDirectory, string? user,
        CancellationToken cancellationToken)
    {
        var path = ServerState.PathIn(dataDirectory);
        var done = new List<string>();
        if (await IsRunningAsync(binaries, dataDirectory, user, cancellationToken))
        {
            var stopped = await ProcessRunner.RunAsync(binaries.PgCtl,
                ["stop", "-D", dataDirectory, "-m", "fast", "-w", "-t", "120"], user, CommandTimeout, cancellationToken);
            if (stopped.ExitCode != 0)
            {
                throw new EmbeddedServerException(
                    $"the embedded server's state file {path} is missing or damaged, " +
                    $"and the running server could not be stopped to rebuild it: {stopped.Output}. " +
                    $"Stop it yourself (pg_ctl stop -D {dataDirectory}), then run 'tradelog db start' again");
            }

            done.Add("stopped the running server");
        }

        var previousPort = PreviousPort(dataDirectory);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(18)).ToLowerInvariant();
        // In single-user mode the session user is the bootstrap superuser (the one initdb -U created), whatever its name.
        var single = await ProcessRunner.RunAsync(binaries.Postgres, ["--single", "-D", dataDirectory, "postgres"], user, CommandTimeout, cancellationToken,
            standardInput: $"SELECT rolname FROM pg_authid WHERE oid = 10;\nALTER ROLE CURRENT_USER PASSWORD '{password}';\n");
        var output = single.Output.Replace(password, "*****", StringComparison.Ordinal);
        var role = System.Text.RegularExpressions.Regex.Match(single.Output, "rolname = \"([^\"]+)\"");
        if (single.ExitCode != 0 || !role.Success || output.Contains("ERROR:", StringComparison.Ordinal) || output.Contains("FATAL:", StringComparison.Ordinal))
        {
            var wayOut = HasServerSettings(dataDirectory)
                ? "Repair the cluster with PostgreSQL's tools, or move the directory aside, then run 'tradelog db start' again"
                : "TradingLog's initialisation of it never finished (postgresql.conf lacks its settings), so it is likely an interrupted initdb: " +
                  "if it holds nothing you need, move the directory aside and run 'tradelog db start' again to initialise a new one";
            throw new EmbeddedServerException(
                $"the embedded server's state file {path} is missing or damaged, and no new password could be set in the cluster in {dataDirectory} " +
                $"(postgres --single): {output.Trim()}. The cluster is left as it is; nothing was deleted. {wayOut}");
        }

        if (!HasServerSettings(dataDirectory))
        {
            // initdb finished but TradingLog's initialisation stopped before its settings (loopback only, no Unix socket).
            await AppendServerSettingsAsync(dataDirectory, cancellationToken);
            done.Add("added TradingLog's server settings to postgresql.conf");
        }

        done.Add($"set a new password for '{role.Groups[1].Value}'");
        var port = previousPort is { } p && IsFree(p) ? p : FreePort();
        done.Add(port == previousPort ? $"kept port {port}" : $"chose port {port}");
        var state = new ServerState(port, role.Groups[1].Value, password);
        state.Write(dataDirectory);
        if (user is not null)
        {
            await UnixUser.GiveAsync(path, user, cancellationToken);
        }

        done.Add("wrote a new state file");
        return (state, string.Join(", ", done));
    }

    /// <summary>The port the server last started with, from <c>postmaster.opts</c>, or null.</summary>
    private static int? PreviousPort(string dataDirectory)
    {
        try
        {
            var options = File.ReadAllText(Path.Combine(dataDirectory, "postmaster.opts"));
            var match = System.Text.RegularExpressions.Regex.Match(options, "\"-p\" \"(\\d+)\"");
            return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                && port is > 0 and < 65536 ? port : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string WayOut(DamagedServerStateException e, string dataDirectory) =>
        e.CanRebuild
            ? $"'tradelog db start' puts it aside and rebuilds it from the cluster in {dataDirectory} (a new password; no data is lost)"
            : Directory.Exists(e.StatePath)
                ? "TradingLog does not remove what it did not write: move it out of the way, then run 'tradelog db start' again " +
                  "(the port and password are rebuilt from the cluster; no data is lost)"
                : $"run tradelog as the user that owns {dataDirectory}, or make the file readable by this user, then try again";

    private static string Stamp() => DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private const string SettingsMarker = "# TradingLog's embedded server: loopback only, no Unix socket, room for many partitions.";

    private static Task AppendServerSettingsAsync(string dataDirectory, CancellationToken cancellationToken) =>
        File.AppendAllTextAsync(Path.Combine(dataDirectory, "postgresql.conf"), string.Join('\n',
            "",
            SettingsMarker,
            "listen_addresses = '127.0.0.1'",
            "unix_socket_directories = ''",
            "max_connections = 200",
            "max_locks_per_transaction = 512",
            "shared_buffers = '256MB'",
            "max_wal_size = '2GB'",
            "timezone = 'UTC'",
            ""), cancellationToken);

    /// <summary>
    /// Whether TradingLog's settings were added to the cluster's <c>postgresql.conf</c> (the last step of its
    /// initialisation before the state file).
    /// </summary>
    private static bool HasServerSettings(string dataDirectory)
    {
        try
        {
            return File.ReadLines(Path.Combine(dataDirectory, "postgresql.conf")).Any(l => l == SettingsMarker);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static async Task<ServerState> EnsurePortIsFreeAsync(string dataDirectory, ServerState state, string? user, CancellationToken cancellationToken)
    {
        if (IsFree(state.Port))
        {
            return state;
        }

        var moved = state with { Port = FreePort() };
        moved.Write(dataDirectory);
        if (user is not null)
        {
            // The new file replaced the old one by a rename: it belongs to this process's user until given back.
            await UnixUser.GiveAsync(ServerState.PathIn(dataDirectory), user, cancellationToken);
        }

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
