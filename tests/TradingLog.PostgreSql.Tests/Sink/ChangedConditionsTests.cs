using Npgsql;
using TradingLog.PostgreSql.Sink;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Sink;

/// <summary>Conditions that change under a running sink: new credentials, a partition attached while a row waited to route.</summary>
public sealed class ChangedConditionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task NewCredentialsAreResolvedAgainWithoutRestartingTheService()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        var role = "w_" + Guid.NewGuid().ToString("N")[..12];
        await db.ExecuteAsync($"CREATE ROLE {role} LOGIN PASSWORD 'first' IN ROLE tradelog_writer");
        string Writer(string password) => new NpgsqlConnectionStringBuilder(db.ConnectionString) { Username = role, Password = password }.ConnectionString;
        using (var host = DatabasePipeline.Create("execution", db.ConnectionString, _folder, s => s.Database.WriterConnectionString = Writer("first")))
        {
            var metrics = host.Component<DatabaseSinkMetrics>()!;
            for (var i = 0; i < 100; i++)
            {
                host.Logger.Info("credentials {N}", i);
            }

            await Eventually.TrueAsync(() => metrics.Written == 100);

            // The password changes (as when the embedded server's state file is rebuilt) and open sessions end.
            await db.ExecuteAsync($"ALTER ROLE {role} PASSWORD 'second'");
            await db.ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'");
            host.Settings.Database.WriterConnectionString = Writer("second");
            for (var i = 100; i < 200; i++)
            {
                host.Logger.Info("credentials {N}", i);
            }

            await Eventually.TrueAsync(() => metrics.Queued == 0 && metrics.SpoolPending == 0 && metrics.Written + metrics.Replayed >= 200);
        }

        Assert.Equal(200, await db.CountAsync("SELECT count(DISTINCT metadata->'properties'->>'N') FROM system_logs WHERE message LIKE 'credentials %'"));
    }

    [Fact]
    public async Task ARowRefusedByTheDefaultPartitionsNewConstraintIsWrittenAgainNotDeadLettered()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO system_logs_default (id, timestamp, service, level, message) VALUES (1, now(), 'execution', 'INFO', 'routed before the attach')", connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.CheckViolation, refused.SqlState);
        Assert.Equal(FailureKind.PartitionMoved, FailureClassifier.Classify(refused));
        Assert.Equal(FailureKind.BadData, FailureClassifier.Classify(new PostgresException("value too long", "ERROR", "ERROR", PostgresErrorCodes.StringDataRightTruncation)));
    }

}
