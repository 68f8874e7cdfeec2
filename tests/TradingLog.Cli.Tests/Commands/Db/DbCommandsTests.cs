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
    public void EmbeddedServerStartsMigratesReportsAndStops()
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

        var migrate = Tradelog.Run(_folder.Path, null, "db", "migrate", "--json");
        Assert.True(migrate.ExitCode == 0, migrate.Error);
        Assert.Equal(TradingLog.PostgreSql.Schema.Migrations.All.Select(m => m.Version), JsonDocument.Parse(migrate.Output.Trim().Split('\n').Last()).RootElement.GetProperty("applied").EnumerateArray().Select(e => e.GetInt32()));
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
