using Npgsql;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Schema;

/// <summary>The maintenance role calls SECURITY DEFINER functions: they must do their job and nothing else.</summary>
public sealed class MaintenanceRoleTests
{
    private static async Task<(Db Admin, string Maintenance)> MaintenanceLoginAsync()
    {
        var admin = new Db(await TestServer.CreateDatabaseAsync());
        var login = "m_" + Guid.NewGuid().ToString("N")[..12];
        await admin.ExecuteAsync($"CREATE ROLE {login} LOGIN PASSWORD 'pw' IN ROLE tradelog_maintenance");
        return (admin, new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Username = login, Password = "pw" }.ConnectionString);
    }

    private static async Task<PostgresException> RefusedAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task SqlPassedToDropDayIsNeverExecuted()
    {
        var (admin, maintenance) = await MaintenanceLoginAsync();
        var pwned = "pwned_" + Guid.NewGuid().ToString("N")[..12];

        var refused = await RefusedAsync(maintenance,
            $"SELECT tradelog_drop_day('archived_system_logs', current_date - 200, 'true; CREATE ROLE {pwned} SUPERUSER LOGIN; --')");

        Assert.Equal(PostgresErrorCodes.InvalidDatetimeFormat, refused.SqlState);
        Assert.Equal(0, await admin.CountAsync($"SELECT count(*) FROM pg_roles WHERE rolname = '{pwned}'"));
        Assert.Equal(0, await admin.CountAsync("SELECT count(*) FROM pg_proc WHERE proname = 'tradelog_drop_day' AND pg_get_function_arguments(oid) LIKE '%text, day date, keep_condition text%'"));
    }

    [Theory]
    [InlineData("SELECT tradelog_drop_day('tradelog_maintenance_runs', current_date, NULL)")]
    [InlineData("SELECT tradelog_drop_day('system_logs', current_date, NULL)")]
    [InlineData("SELECT tradelog_ensure_partition('tradelog_schema_migrations', current_date)")]
    [InlineData("SELECT tradelog_ensure_partition('archived_system_logs', current_date)")]
    [InlineData("SELECT * FROM tradelog_default_days('pg_authid', current_date)")]
    public async Task FunctionsRefuseTablesOutsideTheirPurpose(string sql)
    {
        var (admin, maintenance) = await MaintenanceLoginAsync();
        var before = await admin.CountAsync("SELECT count(*) FROM pg_class WHERE relkind IN ('r', 'p')");

        var refused = await RefusedAsync(maintenance, sql);

        Assert.Equal(PostgresErrorCodes.InvalidParameterValue, refused.SqlState);
        Assert.Equal(before, await admin.CountAsync("SELECT count(*) FROM pg_class WHERE relkind IN ('r', 'p')"));
    }

    [Theory]
    [InlineData("CREATE ROLE nobody_else")]
    [InlineData("SELECT tradelog_add_range_check('system_logs_default', current_date)")]
    [InlineData("DROP TABLE tradelog_maintenance_runs")]
    [InlineData("UPDATE system_logs SET message = 'rewritten'")]
    public async Task TheMaintenanceRoleHasNoRightBeyondRetention(string sql)
    {
        var (_, maintenance) = await MaintenanceLoginAsync();
        var refused = await RefusedAsync(maintenance, sql);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }
}
