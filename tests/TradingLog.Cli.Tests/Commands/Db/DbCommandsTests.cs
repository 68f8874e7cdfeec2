using System.Text.Json;
using TradingLog.Cli.Tests.Support;

namespace TradingLog.Cli.Tests.Commands.Db;

public sealed class DbCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        Tradelog.Run(_folder.Path, null, "db", "stop");
        _folder.Dispose();
    }

    [Fact]
    public async Task EmbeddedServerStartsMigratesReportsAndStops()
    {
        var start = Tradelog.Run(_folder.Path, null, "db", "start", "--json");
        Assert.True(start.ExitCode == 0, start.Error + start.Output);
        var started = JsonDocument.Parse(start.Output.Trim().Split('\n').Last()).RootElement;
        Assert.True(started.GetProperty("running").GetBoolean());
        Assert.EndsWith(".tradelog/pgdata", started.GetProperty("data_directory").GetString());
        Assert.Contains("Password=*****", started.GetProperty("connection_string").GetString());

        var again = Tradelog.Run(_folder.Path, null, "db", "start", "--json");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(started.GetProperty("connection_string").GetString(), JsonDocument.Parse(again.Output.Trim().Split('\n').Last()).RootElement.GetProperty("connection_string").GetString());

        // db start prepared the store: the schema is in place, so a migration finds nothing to do.
        Assert.Equal(TradingLog.PostgreSql.Schema.Migrations.All.Count,
            await EmbeddedStore.CountAsync(_folder.Path, "SELECT count(*) FROM tradelog_schema_migrations"));
        var migrate = Tradelog.Run(_folder.Path, null, "db", "migrate", "--json");
        Assert.True(migrate.ExitCode == 0, migrate.Error);
        Assert.Empty(JsonDocument.Parse(migrate.Output).RootElement.GetProperty("applied").EnumerateArray());
        var migrateAgain = Tradelog.Run(_folder.Path, null, "db", "migrate");
        Assert.Equal(0, migrateAgain.ExitCode);
        Assert.Contains("up to date", migrateAgain.Output);

        var status = Tradelog.Run(_folder.Path, null, "db", "status");
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("running", status.Output);
        Assert.DoesNotMatch("Password=[^*]", status.Output);

        var stop = Tradelog.Run(_folder.Path, null, "db", "stop");
        Assert.Equal(0, stop.ExitCode);
        var stopped = Tradelog.Run(_folder.Path, null, "db", "status", "--json");
        Assert.Equal(1, stopped.ExitCode);
        Assert.False(JsonDocument.Parse(stopped.Output).RootElement.GetProperty("running").GetBoolean());
    }

    private const int Rows = 70;

    /// <summary>Starts the folder's embedded server with <c>db start</c>, logs <see cref="Rows"/> events into it and stops it with <c>db stop</c>.</summary>
    private async Task StoppedServerWithRowsAsync()
    {
        var start = Tradelog.Run(_folder.Path, null, "db", "start");
        Assert.True(start.ExitCode == 0, start.Error + start.Output);
        EmbeddedStore.Log(_folder.Path, "execution", log =>
        {
            for (var i = 0; i < Rows; i++)
            {
                log.Info("order {N} placed", i);
            }
        });
        Assert.Equal(Rows, await EmbeddedStore.CountAsync(_folder.Path, "SELECT count(*) FROM system_logs WHERE service = 'execution'"));
        Assert.Equal(0, Tradelog.Run(_folder.Path, null, "db", "stop").ExitCode);
    }

    [Theory]
    [InlineData("missing", "was missing")]
    [InlineData("empty", "is empty")]
    [InlineData("truncated", "is not valid JSON")]
    public async Task DbStartRebuildsALostStateFileAndKeepsEveryRow(string damage, string said)
    {
        await StoppedServerWithRowsAsync();
        var state = EmbeddedStore.StateFile(_folder.Path);
        switch (damage)
        {
            case "missing":
                File.Move(state, Path.Combine(_folder.Path, "tradelog.json.moved-away"));
                break;
            case "empty":
                File.WriteAllBytes(state, []);
                break;
            default:
                File.WriteAllText(state, File.ReadAllText(state)[..10]);
                break;
        }

        var start = Tradelog.Run(_folder.Path, null, "db", "start", "--json");

        Assert.True(start.ExitCode == 0, start.Error + start.Output);
        Assert.Contains($"state file {state} {said}", start.Error);
        Assert.Contains("Rebuilt it from the cluster", start.Error);
        Assert.Equal(Rows, await EmbeddedStore.CountAsync(_folder.Path, "SELECT count(*) FROM system_logs WHERE message LIKE 'order % placed'"));
    }

    [Fact]
    public async Task ADirectoryInPlaceOfTheStateFileIsAFailureThatNamesItAndKeepsTheCluster()
    {
        await StoppedServerWithRowsAsync();
        var state = EmbeddedStore.StateFile(_folder.Path);
        File.Delete(state);
        Directory.CreateDirectory(state);

        var start = Tradelog.Run(_folder.Path, null, "db", "start");
        var status = Tradelog.Run(_folder.Path, null, "db", "status");

        Assert.Equal(1, start.ExitCode);
        Assert.Contains($"state file {state} is a directory", start.Error);
        Assert.Contains("move it out of the way", start.Error);
        Assert.Equal(1, status.ExitCode);
        Assert.Contains($"state file {state} is a directory", status.Error);
        Assert.True(File.Exists(Path.Combine(EmbeddedStore.DataDirectory(_folder.Path), "PG_VERSION")));
        Directory.Delete(state);
    }

    [Fact]
    public async Task DbMigrateStartsAStoppedServerAndSaysSo()
    {
        await StoppedServerWithRowsAsync();

        var migrate = Tradelog.Run(_folder.Path, null, "db", "migrate");

        Assert.True(migrate.ExitCode == 0, migrate.Error);
        Assert.Contains($"Started the embedded PostgreSQL server in {EmbeddedStore.DataDirectory(_folder.Path)} on port ", migrate.Error);
        Assert.True(await EmbeddedStore.IsRunningAsync(_folder.Path));
    }

    [Fact]
    public void UnreachableConfiguredServerIsAClearFailure()
    {
        var status = Tradelog.Run(_folder.Path, null, "db", "migrate", "--connection", "Host=127.0.0.1;Port=1;Username=u;Password=secret;Database=d;Timeout=2");
        Assert.Equal(1, status.ExitCode);
        Assert.Contains("the database cannot be reached", status.Error);
        Assert.DoesNotContain("secret", status.Error + status.Output);
    }

    [Fact]
    public void StatusOfAConfiguredServerMasksThePassword()
    {
        var status = Tradelog.Run(_folder.Path, new Dictionary<string, string> { ["TRADINGLOG_CONNECTION"] = "Host=127.0.0.1;Port=1;Username=u;Password=secret;Database=d" }, "db", "status");
        Assert.Equal(1, status.ExitCode);
        Assert.Contains("Password=*****", status.Output);
        Assert.DoesNotContain("secret", status.Output + status.Error);
    }
}
