using System.Globalization;
using Npgsql;
using TradingLog.Configuration;
using TradingLog.PostgreSql.Retention;
using TradingLog.PostgreSql.Sink;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Retention;

/// <summary>Rows that land in a default partition: a partition missing under load, a backfill, a cleanup that fails.</summary>
public sealed class DefaultPartitionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Today => DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private async Task<CleanupRunner> RunnerAsync(Db db)
    {
        var settings = new TradingLogSettings();
        settings.Console.Enabled = false;
        settings.Database.ConnectionString = db.ConnectionString;
        return new CleanupRunner(await LogDatabase.ConnectAsync(settings, _folder.Path), settings, _folder.Path);
    }

    [Fact]
    public async Task TodaysPartitionIsCreatedUnderLoadAndEveryCleanupSucceeds()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        var runner = await RunnerAsync(db);
        var reports = new List<CleanupReport>();
        var logged = 0;
        using (var host = DatabasePipeline.Create("execution", db.ConnectionString, _folder, s => s.Database.BatchSize = 200))
        {
            var metrics = host.Component<DatabaseSinkMetrics>()!;
            host.Logger.Info("load {N}", logged++);
            await Eventually.TrueAsync(() => metrics.Written > 0);

            // Today's partition goes missing while the service logs about 4,000 events a second; its rows are kept aside.
            await db.ExecuteAsync($"ALTER TABLE system_logs DETACH PARTITION system_logs_p{Today}; ALTER TABLE system_logs_p{Today} RENAME TO kept_aside");
            var load = Task.Run(async () =>
            {
                for (var slice = 0; slice < 500; slice++)
                {
                    for (var i = 0; i < 40; i++)
                    {
                        host.Logger.Info("load {N}", Interlocked.Increment(ref logged) - 1);
                    }

                    await Task.Delay(10);
                }
            });
            await Eventually.TrueAsync(async () => await db.CountAsync("SELECT count(*) FROM system_logs_default") > 0, what: "rows land in the default partition");
            while (!load.IsCompleted || reports.Count < 8)
            {
                reports.Add(await runner.RunAsync(new CleanupRequest()));
                await Task.Delay(200);
            }

            await load;
            await Eventually.TrueAsync(() => metrics.Queued == 0 && metrics.SpoolPending == 0);
        }

        Assert.All(reports, r => Assert.Equal("succeeded", r.Status));
        Assert.Equal(0, await db.CountAsync("SELECT count(*) FROM tradelog_maintenance_runs WHERE status <> 'succeeded'"));
        Assert.Equal(reports.Count, await db.CountAsync("SELECT count(*) FROM tradelog_maintenance_runs"));
        // The first run moved today's rows out of the default partition, and says so.
        var moved = Assert.Single(reports[0].Actions, a => a.Kind == "partition-default-rows");
        Assert.Equal($"system_logs_p{Today}", moved.Target);
        Assert.True(moved.Rows > 0);
        Assert.Equal(0, await db.CountAsync("SELECT count(*) FROM system_logs_default"));
        Assert.Equal(logged, await db.CountAsync(
            "SELECT (SELECT count(*) FROM system_logs WHERE message LIKE 'load %') + (SELECT count(*) FROM kept_aside WHERE message LIKE 'load %')"));
    }

    /// <summary>A service that outlives its partitions ahead, with no cleanup running, creates the missing ones itself.</summary>
    [Fact]
    public async Task ARunningSinkCreatesAMissingPartitionItselfWithoutACleanup()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        var interval = PostgreSqlSink.PartitionCheckInterval;
        PostgreSqlSink.PartitionCheckInterval = TimeSpan.FromMilliseconds(200);
        try
        {
            using var host = DatabasePipeline.Create("execution", db.ConnectionString, _folder, s => s.Database.BatchSize = 10);
            var metrics = host.Component<DatabaseSinkMetrics>()!;
            host.Logger.Info("before {N}", 0);
            await Eventually.TrueAsync(() => metrics.Written == 1);
            await db.ExecuteAsync($"ALTER TABLE system_logs DETACH PARTITION system_logs_p{Today}; ALTER TABLE system_logs_p{Today} RENAME TO kept_aside");
            var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            await db.ExecuteAsync($"DROP TABLE system_logs_p{tomorrow}");

            for (var i = 1; i <= 50; i++)
            {
                host.Logger.Info("after {N}", i);
                await Task.Delay(20);
            }

            await Eventually.TrueAsync(() => metrics.Written == 51);
            Assert.Equal(2, await db.CountAsync(
                $"SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE c.relname IN ('system_logs_p{Today}', 'system_logs_p{tomorrow}')"));
            Assert.Equal(0, await db.CountAsync("SELECT count(*) FROM system_logs_default"));
            Assert.Equal(50, await db.CountAsync("SELECT count(*) FROM system_logs WHERE message LIKE 'after %'"));
        }
        finally
        {
            PostgreSqlSink.PartitionCheckInterval = interval;
        }
    }

    [Fact]
    public async Task BackfilledDaysBecomePartitionsAndRetentionMovesThemWhole()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        var today = DateTime.UtcNow.Date;
        // 45 days old: archived; 200 days old (last spring): archived, then purged. 3,000 rows a day by plain SQL.
        foreach (var age in new[] { 45, 46, 200 })
        {
            var day = today.AddDays(-age).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await db.ExecuteAsync($"""
                INSERT INTO system_logs (timestamp, service, level, message)
                SELECT TIMESTAMPTZ '{day}T00:00:00Z' + k * INTERVAL '20 seconds', 'analytics', 'INFO', 'backfill ' || k FROM generate_series(0, 2999) k
                """);
        }

        Assert.Equal(9000, await db.CountAsync("SELECT count(*) FROM system_logs_default"));
        var report = await (await RunnerAsync(db)).RunAsync(new CleanupRequest());

        Assert.Equal("succeeded", report.Status);
        Assert.Equal(3, report.Actions.Count(a => a.Kind == "partition-default-rows" && a.Rows == 3000));
        Assert.Equal(9000, report.RowsPartitioned);
        Assert.DoesNotContain(report.Actions, a => a.Kind == "archive-rows");
        Assert.Equal(3, report.Actions.Count(a => a.Kind == "archive-partition" && a.Target.StartsWith("system_logs_p", StringComparison.Ordinal)));
        Assert.Contains(report.Actions, a => a.Kind == "drop-partition" && a.Target == "archived_system_logs_p" + today.AddDays(-200).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        Assert.Equal(0, await db.CountAsync("SELECT count(*) FROM system_logs_default"));
        Assert.Equal(6000, await db.CountAsync("SELECT count(*) FROM archived_system_logs WHERE message LIKE 'backfill %'"));
        Assert.Equal(0, await db.CountAsync("SELECT count(*) FROM system_logs WHERE message LIKE 'backfill %'"));
    }

    [Fact]
    public async Task ACleanupThatFailsIsRecordedWithItsRealCause()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        await db.ExecuteAsync($"DROP TABLE system_logs_p{Today}");
        await db.ExecuteAsync("INSERT INTO system_logs (timestamp, service, level, message) VALUES (now(), 'execution', 'INFO', 'in the default')");
        var runner = await RunnerAsync(db);

        // Another session holds the default partition: creating today's partition waits for its lock and gives up.
        await using var blocker = new NpgsqlConnection(db.ConnectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockIt = new NpgsqlCommand("LOCK TABLE system_logs_default IN ACCESS EXCLUSIVE MODE", blocker, transaction))
        {
            await lockIt.ExecuteNonQueryAsync();
        }

        var report = await runner.RunAsync(new CleanupRequest());
        await transaction.RollbackAsync();

        Assert.Equal("failed", report.Status);
        Assert.Contains("55P03", report.Error, StringComparison.Ordinal); // lock_not_available, not "cannot be reached"
        var runs = await db.QueryAsync("SELECT status, error FROM tradelog_maintenance_runs");
        var run = Assert.Single(runs);
        Assert.Equal("failed", run["status"]);
        Assert.Contains("55P03", (string)run["error"]!, StringComparison.Ordinal);
    }

}
