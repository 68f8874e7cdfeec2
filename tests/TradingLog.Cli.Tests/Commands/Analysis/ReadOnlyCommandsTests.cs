using TradingLog.Cli.Tests.Support;

namespace TradingLog.Cli.Tests.Commands.Analysis;

/// <summary>Commands that only read never start the embedded server: a stopped one is a clear failure that says how to start it.</summary>
public sealed class ReadOnlyCommandsTests : IClassFixture<ReadOnlyCommandsTests.StoppedServer>
{
    private readonly StoppedServer _server;

    public ReadOnlyCommandsTests(StoppedServer server) => _server = server;

    /// <summary>A folder whose embedded server was started (so it is initialised and migrated) and then stopped.</summary>
    public sealed class StoppedServer : IDisposable
    {
        public TempFolder Folder { get; } = new();

        public StoppedServer()
        {
            var migrate = Tradelog.Run(Folder.Path, null, "db", "migrate");
            Assert.True(migrate.ExitCode == 0, migrate.Error);
            Assert.Equal(0, Tradelog.Run(Folder.Path, null, "db", "stop").ExitCode);
        }

        public void Dispose()
        {
            Tradelog.Run(Folder.Path, null, "db", "stop");
            Folder.Dispose();
        }
    }

    [Theory]
    [InlineData("stats", "--json")]
    [InlineData("stats", "--since", "1h")]
    [InlineData("trace", "trade_1", "--json")]
    [InlineData("trades", "--symbol", "AAPL", "--json")]
    [InlineData("perf", "--json")]
    [InlineData("tail", "--json")]
    [InlineData("tail", "-f", "--json")]
    public async Task ReadOnlyCommandFailsWithTheWayOutAndLeavesAStoppedServerStopped(params string[] args)
    {
        var result = Tradelog.Run(_server.Folder.Path, null, args);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not running", result.Error);
        Assert.Contains("'tradelog db start'", result.Error);
        Assert.Equal("", result.Output);
        Assert.False(await EmbeddedStore.IsRunningAsync(_server.Folder.Path));
    }

    [Fact]
    public void ReadOnlyCommandInAFolderWithoutAServerCreatesNone()
    {
        using var empty = new TempFolder();

        var result = Tradelog.Run(empty.Path, null, "stats", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not initialised", result.Error);
        Assert.Contains("'tradelog db start'", result.Error);
        Assert.False(Directory.Exists(EmbeddedStore.DataDirectory(empty.Path)));
    }
}
