using TradingLog.PostgreSql.Server;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Server;

/// <summary>
/// The embedded server's state file (<c>tradelog.json</c>: port, user, password) lost or damaged. A data directory that
/// holds a cluster is never deleted nor initialised again: the state is rebuilt from the cluster, or the start refuses
/// with a message that names the file and the way out. Each test runs its own real server in a temp folder.
/// </summary>
public sealed class EmbeddedServerStateTests : IAsyncLifetime
{
    private const int Rows = 70;
    private readonly TempFolder _folder = new();
    private readonly List<string> _notices = [];

    private string DataDirectory => _folder["pgdata"];

    private string StateFile => Path.Combine(DataDirectory, "tradelog.json");

    private EmbeddedPostgres Server() => new(DataDirectory, message =>
    {
        lock (_notices)
        {
            _notices.Add(message);
        }
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        try
        {
            if (Directory.Exists(StateFile))
            {
                Directory.Delete(StateFile);
            }

            await Server().StopAsync();
        }
        finally
        {
            _folder.Dispose();
        }
    }

    /// <summary>Starts a new embedded server and logs <see cref="Rows"/> events into it through a real pipeline.</summary>
    private async Task StartWithRowsAsync()
    {
        var info = await Server().StartAsync();
        using (var host = DatabasePipeline.Create("execution", info.ConnectionString(), _folder))
        {
            for (var i = 0; i < Rows; i++)
            {
                host.Logger.Info("order {N} placed", i);
            }
        }

        Assert.Equal(Rows, await new Db(info.ConnectionString()).CountAsync("SELECT count(*) FROM system_logs"));
    }

    private static async Task<long> CountRowsAsync(EmbeddedServerInfo info) =>
        await new Db(info.ConnectionString()).CountAsync("SELECT count(*) FROM system_logs WHERE message LIKE 'order % placed'");

    [Fact]
    public async Task MissingStateFileIsRebuiltAndKeepsEveryRow()
    {
        await StartWithRowsAsync();
        await Server().StopAsync();
        File.Delete(StateFile);
        var interruptedWrite = StateFile + ".999999.tmp";
        await File.WriteAllTextAsync(interruptedWrite, "{\"port\":");
        _notices.Clear();

        var info = await Server().StartAsync();

        Assert.Equal(Rows, await CountRowsAsync(info));
        Assert.True(File.Exists(StateFile));
        Assert.False(File.Exists(interruptedWrite));
        Assert.Contains(_notices, n => n.Contains(StateFile + " was missing", StringComparison.Ordinal) && n.Contains("set a new password", StringComparison.Ordinal));
        Assert.Contains(_notices, n => n.StartsWith("Started the embedded PostgreSQL server in " + DataDirectory + " on port " + info.Port, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StateFileRemovedWhileTheServerRunsIsRebuiltAndKeepsEveryRow()
    {
        await StartWithRowsAsync();
        File.Delete(StateFile);
        _notices.Clear();

        var info = await Server().StartAsync();

        Assert.Equal(Rows, await CountRowsAsync(info));
        Assert.Contains(_notices, n => n.Contains(StateFile + " was missing", StringComparison.Ordinal) && n.Contains("stopped the running server", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("{\"port\": 54", "is not valid JSON")]
    [InlineData("{\"port\": 5432}", "lacks the port, user or password")]
    [InlineData("null", "lacks the port, user or password")]
    public async Task DamagedStateFileIsKeptAsideRebuiltAndKeepsEveryRow(string content, string problem)
    {
        await StartWithRowsAsync();
        await Server().StopAsync();
        await File.WriteAllTextAsync(StateFile, content);
        _notices.Clear();

        var info = await Server().StartAsync();

        Assert.Equal(Rows, await CountRowsAsync(info));
        var kept = Assert.Single(Directory.GetFiles(DataDirectory, "tradelog.json.damaged-*"));
        Assert.Equal(content, await File.ReadAllTextAsync(kept));
        Assert.Contains(_notices, n => n.Contains(StateFile + " " + problem, StringComparison.Ordinal) && n.Contains("kept as " + kept, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DamagedStateFileMakesStatusNameTheFileAndTheWayOut()
    {
        await StartWithRowsAsync();
        await File.WriteAllTextAsync(StateFile, "");

        var error = await Assert.ThrowsAsync<EmbeddedServerException>(() => Server().StatusAsync());

        Assert.Contains(StateFile + " is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("'tradelog db start'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectoryInPlaceOfTheStateFileIsRefusedWithItsPathAndNothingIsLost()
    {
        await StartWithRowsAsync();
        await Server().StopAsync();
        File.Delete(StateFile);
        Directory.CreateDirectory(StateFile);

        var error = await Assert.ThrowsAsync<EmbeddedServerException>(() => Server().StartAsync());

        Assert.Contains(StateFile + " is a directory", error.Message, StringComparison.Ordinal);
        Assert.Contains("move it out of the way", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(DataDirectory, "PG_VERSION")));
        Directory.Delete(StateFile);
        Assert.Equal(Rows, await CountRowsAsync(await Server().StartAsync()));
    }

    [Fact]
    public async Task InterruptedInitdbIsMovedAsideNotDeleted()
    {
        Directory.CreateDirectory(Path.Combine(DataDirectory, "base"));
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), "# left by an interrupted initdb\n");

        var info = await Server().StartAsync();

        Assert.True(info.Running);
        var aside = Assert.Single(Directory.GetDirectories(_folder.Path, "pgdata.incomplete-*"));
        Assert.Equal("# left by an interrupted initdb\n", await File.ReadAllTextAsync(Path.Combine(aside, "postgresql.conf")));
        Assert.Contains(_notices, n => n.Contains("moved it to " + aside, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NonEmptyFolderWithoutAClusterIsRefusedAndLeftAsItIs()
    {
        var notes = Path.Combine(DataDirectory, "notes.txt");
        Directory.CreateDirectory(DataDirectory);
        await File.WriteAllTextAsync(notes, "mine\n");

        var error = await Assert.ThrowsAsync<EmbeddedServerException>(() => Server().StartAsync());

        Assert.Contains(DataDirectory + " holds no PostgreSQL cluster", error.Message, StringComparison.Ordinal);
        Assert.Equal("mine\n", await File.ReadAllTextAsync(notes));
        Assert.Single(Directory.GetFileSystemEntries(DataDirectory));
    }
    [Fact]
    public async Task ClusterWhoseSetupStoppedBeforeTheStateFileIsCompletedAndKeepsEveryRow()
    {
        await StartWithRowsAsync();
        await Server().StopAsync();
        File.Delete(StateFile);
        var config = Path.Combine(DataDirectory, "postgresql.conf");
        var text = await File.ReadAllTextAsync(config);
        await File.WriteAllTextAsync(config, text[..text.IndexOf("\n# TradingLog's embedded server", StringComparison.Ordinal)] + "\n");

        var info = await Server().StartAsync();

        Assert.Equal(Rows, await CountRowsAsync(info));
        Assert.Contains("listen_addresses = '127.0.0.1'", await File.ReadAllTextAsync(config), StringComparison.Ordinal);
        Assert.Contains(_notices, n => n.Contains("added TradingLog's server settings", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BrokenClusterWithoutAStateFileIsRefusedWithTheWayOutAndLeftAsItIs()
    {
        Directory.CreateDirectory(Path.Combine(DataDirectory, "base"));
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "PG_VERSION"), "15\n");
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), "# initdb was killed here\n");

        var error = await Assert.ThrowsAsync<EmbeddedServerException>(() => Server().StartAsync());

        Assert.Contains(StateFile + " is missing or damaged", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was deleted", error.Message, StringComparison.Ordinal);
        Assert.Contains("interrupted initdb", error.Message, StringComparison.Ordinal);
        Assert.Equal(["PG_VERSION", "base", "postgresql.conf"], Directory.GetFileSystemEntries(DataDirectory).Select(e => Path.GetFileName(e)).Order(StringComparer.Ordinal));
    }
}
