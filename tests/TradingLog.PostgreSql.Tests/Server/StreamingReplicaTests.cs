using TradingLog.Configuration;
using TradingLog.PostgreSql.Queries;
using TradingLog.PostgreSql.Server;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Server;

/// <summary>
/// Reads moved to a real hot standby: a primary and a streaming replica started by the test on loopback, services writing
/// to the primary, and the read side (the CLI's, the dashboard's, alert evaluation's questions) answered by the standby.
/// </summary>
public sealed class StreamingReplicaTests
{
    [Fact]
    public async Task AReaderConnectionStringOnAHotStandbyAnswersTheReadSideAndSaysHowFarBehindItIs()
    {
        using var folder = new TempFolder();
        await using var primary = await FreezableServer.StartAsync(folder["primary/pgdata"]);
        await EmbeddedPostgres.EnsureDatabaseAsync(primary.Info, EmbeddedPostgres.DefaultDatabase, CancellationToken.None);
        await using var standby = await StreamingStandby.StartAsync(primary.Info, folder["standby/pgdata"]);

        // Services write to the primary (which migrates the schema on the first batch)...
        using (var host = DatabasePipeline.Create("execution", primary.Info.ConnectionString(), folder))
        {
            for (var i = 0; i < 200; i++)
            {
                host.Logger.Info("Order {OrderId} filled", i);
            }

            host.Logger.Error("Order {OrderId} rejected", 999);
        }

        // ...and the read side, configured with reader_connection_string, asks the standby.
        var settings = new TradingLogSettings();
        settings.Database.ConnectionString = primary.Info.ConnectionString();
        settings.Database.ReaderConnectionString = standby.ConnectionString;
        var database = await LogDatabase.ConnectAsync(settings, folder.Path);
        await using var reader = LogQueries.Open(database, statementTimeout: TimeSpan.FromSeconds(5));
        var filter = new LogFilter { Services = ["execution"], From = DateTimeOffset.UtcNow.AddHours(-1) };
        await Eventually.TrueAsync(async () => await reader.CountAsync(filter) == 201, 60, "the standby replays the primary's rows");
        var errors = await reader.CountAsync(filter with { MinimumLevel = Serilog.Events.LogEventLevel.Error });
        Assert.Equal(1, errors);
        var rates = await reader.ServiceActivityAsync(DateTimeOffset.UtcNow.AddHours(-1));
        Assert.Contains(rates, r => r.Service == "execution");

        var status = await reader.ReplicationAsync();
        Assert.True(status.IsStandby);
        Assert.True(status.Receiving);
        Assert.NotNull(status.ReplayLag);
        Assert.True(status.BytesBehind >= 0);

        await using var direct = LogQueries.Open(await LogDatabase.ConnectAsync(
            new TradingLogSettings { Database = { ConnectionString = primary.Info.ConnectionString() } }, folder.Path));
        var onPrimary = await direct.ReplicationAsync();
        Assert.False(onPrimary.IsStandby);
        Assert.Null(onPrimary.ReplayLag);
    }
}
