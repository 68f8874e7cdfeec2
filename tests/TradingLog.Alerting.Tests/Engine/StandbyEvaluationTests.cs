using TradingLog.Alerting.Tests.Support;
using TradingLog.Configuration;
using TradingLog.PostgreSql;
using TradingLog.PostgreSql.Queries;
using TradingLog.PostgreSql.Server;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.Alerting.Tests.Engine;

/// <summary>Alert evaluation whose reads go to a real streaming standby, while its state is kept on the primary.</summary>
public sealed class StandbyEvaluationTests
{
    [Fact]
    public async Task RulesAreEvaluatedOnAHotStandbyAndTheirStateIsKeptOnThePrimary()
    {
        using var folder = new TempFolder();
        var server = new EmbeddedPostgres(folder["primary/pgdata"]);
        var primary = await server.StartAsync();
        try
        {
            await EmbeddedPostgres.EnsureDatabaseAsync(primary, EmbeddedPostgres.DefaultDatabase, CancellationToken.None);
            await using var standby = await StreamingStandby.StartAsync(primary, folder["standby/pgdata"]);
            var settings = new TradingLogSettings();
            settings.Database.ConnectionString = primary.ConnectionString();
            settings.Database.ReaderConnectionString = standby.ConnectionString;
            var database = await LogDatabase.ConnectAsync(settings, folder.Path);
            await database.MigrateAsync();
            await using var kit = AlertingKit.Over("""
                alerts:
                  rules:
                    - name: broker_errors
                      type: count
                      service: execution
                      level: ERROR
                      window: 1m
                      threshold: 5
                """, primary.ConnectionString(), database);

            var t0 = kit.Time.GetUtcNow();
            await kit.LogAsync(t0 - TimeSpan.FromSeconds(5), "execution", "ERROR", 8, "broker unreachable");
            var filter = new LogFilter { Services = ["execution"], From = t0 - TimeSpan.FromMinutes(1) };
            await Eventually.TrueAsync(async () => await kit.Queries.CountAsync(filter) == 8, 60, "the standby replays the rows");
            Assert.True((await kit.Queries.ReplicationAsync()).IsStandby, "the evaluator's reads go to the standby");

            await kit.EvaluateAsync();
            Assert.Equal("firing", await kit.StateAsync("broker_errors"));
            Assert.Equal(8, (await kit.AlertAsync("broker_errors")).Value);
        }
        finally
        {
            await server.StopAsync();
        }
    }
}
