using Npgsql;
using TradingLog.PostgreSql.Schema;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Schema;

public sealed class SchemaMigratorTests
{
    private static async Task<string> EmptyDatabaseAsync()
    {
        var info = await TestServer.InfoAsync();
        var name = "m_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(info.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return info.ConnectionString(name);
    }

    [Fact]
    public async Task ConcurrentStartsApplyEachMigrationOnceAndLaterRunsApplyNothing()
    {
        var connectionString = await EmptyDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SchemaMigrator.MigrateAsync(dataSource, LogTables.Default, 7)));

        Assert.Equal(Migrations.All.Select(m => m.Version), runs.SelectMany(r => r).Order());
        Assert.Empty(await SchemaMigrator.MigrateAsync(dataSource, LogTables.Default, 7));
        var db = new Db(connectionString);
        Assert.Equal(Migrations.All.Count, await db.CountAsync("SELECT count(*) FROM tradelog_schema_migrations"));
    }

    [Fact]
    public async Task TablesArePartitionedByDayWithTheDesignsIndexesOnEveryPartition()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        foreach (var table in new[] { "system_logs", "archived_system_logs", "trading_logs", "performance_logs" })
        {
            Assert.Equal(1, await db.CountAsync($"SELECT count(*) FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid WHERE c.relname = '{table}' AND p.partstrat = 'r'"));
            // The archive gets day partitions by moves only; the others have yesterday to seven days ahead, and a default.
            var expected = table == "archived_system_logs" ? 1 : 10;
            Assert.True(await db.CountAsync($"SELECT count(*) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = '{table}'") >= expected, table);
        }

        var today = DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var indexes = await db.QueryAsync($"SELECT indexdef FROM pg_indexes WHERE tablename = 'system_logs_p{today}'");
        foreach (var column in new[] { "(\"timestamp\")", "(service)", "(level)", "(correlation_id)" })
        {
            Assert.Contains(indexes, i => ((string)i["indexdef"]!).EndsWith(column, StringComparison.Ordinal));
        }

        var today2 = today;
        Assert.Equal(1, await db.CountAsync($"SELECT count(*) FROM pg_constraint WHERE conname = 'system_logs_p{today2}_range'"));
        Assert.Equal("bigint", (await db.QueryAsync("SELECT data_type FROM information_schema.columns WHERE table_name = 'system_logs' AND column_name = 'id'"))[0]["data_type"]);
    }

    [Fact]
    public async Task RowsOutsideEveryDailyPartitionAreStillStoredAndMoveWhenTheirDayIsCreated()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        await db.ExecuteAsync("INSERT INTO system_logs (timestamp, service, level, message) VALUES ('2001-01-01T10:00:00Z', 'backfill', 'INFO', 'old'), ('2099-06-01T10:00:00Z', 'backfill', 'INFO', 'future')");
        Assert.Equal(2, await db.CountAsync("SELECT count(*) FROM system_logs_default"));

        await db.ExecuteAsync("SELECT tradelog_ensure_partitions('2001-01-01', '2001-01-01')");

        Assert.Equal(1, await db.CountAsync("SELECT count(*) FROM system_logs_p20010101"));
        Assert.Equal(1, await db.CountAsync("SELECT count(*) FROM system_logs_default"));
        Assert.Equal(2, await db.CountAsync("SELECT count(*) FROM system_logs WHERE service = 'backfill'"));
    }

    [Fact]
    public async Task WriterRoleCanInsertButNotReadOrDelete()
    {
        var admin = new Db(await TestServer.CreateDatabaseAsync());
        var user = "w_" + Guid.NewGuid().ToString("N")[..12];
        await admin.ExecuteAsync($"CREATE ROLE {user} LOGIN PASSWORD 'writer-pw' IN ROLE tradelog_writer");
        var writer = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Username = user, Password = "writer-pw" }.ConnectionString;

        using (var folder = new TempFolder())
        using (var host = DatabasePipeline.Create("execution", admin.ConnectionString, folder, s => s.Database.WriterConnectionString = writer))
        {
            host.Logger.Info("written by the writer role");
            host.Logger.Trade(new TradeRecord { TradeId = "trade_1", Symbol = "AAPL", Side = "BUY", Status = "FILLED" });
        }

        Assert.Equal(2, await admin.CountAsync("SELECT count(*) FROM system_logs"));
        Assert.Equal(1, await admin.CountAsync("SELECT count(*) FROM trading_logs"));
        Assert.Equal(2, await admin.CountAsync("SELECT count(*) FROM tradelog_patterns"));
        var asWriter = new Db(writer);
        var patterns = await Assert.ThrowsAsync<PostgresException>(() => asWriter.CountAsync("SELECT count(*) FROM tradelog_patterns"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, patterns.SqlState);
        var forget = await Assert.ThrowsAsync<PostgresException>(() => asWriter.ExecuteAsync("DELETE FROM tradelog_patterns"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, forget.SqlState);
        var select = await Assert.ThrowsAsync<PostgresException>(() => asWriter.CountAsync("SELECT count(*) FROM system_logs"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, select.SqlState);
        var delete = await Assert.ThrowsAsync<PostgresException>(() => asWriter.ExecuteAsync("DELETE FROM system_logs"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, delete.SqlState);
        var update = await Assert.ThrowsAsync<PostgresException>(() => asWriter.ExecuteAsync("UPDATE trading_logs SET status = 'X'"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, update.SqlState);
    }

    [Fact]
    public async Task ReaderRoleCanReadButNotWrite()
    {
        var admin = new Db(await TestServer.CreateDatabaseAsync());
        var user = "r_" + Guid.NewGuid().ToString("N")[..12];
        await admin.ExecuteAsync($"CREATE ROLE {user} LOGIN PASSWORD 'reader-pw' IN ROLE tradelog_reader");
        var reader = new Db(new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Username = user, Password = "reader-pw" }.ConnectionString);
        Assert.Equal(0, await reader.CountAsync("SELECT count(*) FROM system_logs"));
        var insert = await Assert.ThrowsAsync<PostgresException>(() => reader.ExecuteAsync("INSERT INTO system_logs (timestamp, service, level) VALUES (now(), 's', 'INFO')"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, insert.SqlState);
    }
}
