using System.Globalization;
using TradingLog.Configuration;
using TradingLog.PostgreSql.Retention;
using TradingLog.PostgreSql.Sink;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Retention;

public sealed class CleanupRunnerTests : IDisposable
{
    private const int Days = 120;
    private readonly TempFolder _folder = new();
    private readonly DateTimeOffset _asOf = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddHours(2);

    public void Dispose() => _folder.Dispose();

    /// <summary>For each of the last 120 days (k days ago, at noon UTC): system_logs 3 INFO + 1 ERROR, trading_logs one
    /// trade and one failed trade, performance_logs 2 rows. Plus stray rows 130 days ago and in 2100, in the default partitions.</summary>
    private async Task<Db> SeedAsync()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        var today = _asOf.UtcDateTime.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await db.ExecuteAsync($"SELECT tradelog_ensure_partitions(DATE '{today}' - {Days}, DATE '{today}')");
        await db.ExecuteAsync($"""
            INSERT INTO system_logs (timestamp, service, level, message, correlation_id)
            SELECT (DATE '{today}' - k) + TIME '12:00' AT TIME ZONE 'UTC', 'execution', lvl, 'day ' || k, 'trade_' || k
            FROM generate_series(1, {Days}) k, unnest(ARRAY['INFO', 'INFO', 'INFO', 'ERROR']) lvl;
            INSERT INTO trading_logs (timestamp, trade_id, symbol, side, quantity, price, status, error_message)
            SELECT (DATE '{today}' - k) + TIME '12:00' AT TIME ZONE 'UTC', 'trade_' || k, 'AAPL', 'BUY', 1, 100, st, err
            FROM generate_series(1, {Days}) k, (VALUES ('FILLED', NULL), ('REJECTED', 'insufficient margin')) v(st, err);
            INSERT INTO performance_logs (timestamp, service, operation, execution_time_ms)
            SELECT (DATE '{today}' - k) + TIME '12:00' AT TIME ZONE 'UTC', 'execution', 'place_order', 10
            FROM generate_series(1, {Days}) k, generate_series(1, 2);
            INSERT INTO system_logs (timestamp, service, level, message) VALUES
                (DATE '{today}' - 130 + TIME '12:00' AT TIME ZONE 'UTC', 'backfill', 'INFO', 'stray'),
                (DATE '{today}' - 130 + TIME '12:00' AT TIME ZONE 'UTC', 'backfill', 'ERROR', 'stray'),
                ('2100-01-01T00:00:00Z', 'backfill', 'INFO', 'future');
            """);
        return db;
    }

    private static TradingLogSettings Settings(int active, int archive, int system, int error, int trading, int performance, int batch = 1000)
    {
        var settings = new TradingLogSettings();
        settings.Console.Enabled = false;
        var r = settings.Retention;
        (r.ActiveDays, r.ArchiveDays, r.SystemLogsRetention, r.ErrorLogsRetention, r.TradingLogsRetention, r.PerformanceLogsRetention, r.CleanupBatchSize) =
            (active, archive, system, error, trading, performance, batch);
        return settings;
    }

    private async Task<CleanupReport> CleanAsync(Db db, TradingLogSettings settings, bool dryRun = false)
    {
        settings.Database.ConnectionString = db.ConnectionString;
        var database = await LogDatabase.ConnectAsync(settings, _folder.Path);
        return await new CleanupRunner(database, settings, _folder.Path).RunAsync(new CleanupRequest { AsOf = _asOf, DryRun = dryRun });
    }

    private static int Upto(int limit) => Math.Min(limit, Days);

    [Theory]
    [InlineData(30, 90, 30, 90, 90, 30)]   // the design's defaults
    [InlineData(20, 60, 75, 100, 50, 15)]  // system_logs_retention beyond archive_days; errors kept longest
    [InlineData(45, 80, 10, 50, 100, 40)]  // error retention shorter than the archive's: no effect
    public async Task RowsOver120DaysAreKeptArchivedOrPurgedExactlyByEveryRule(int active, int archive, int system, int error, int trading, int performance)
    {
        var db = await SeedAsync();
        var report = await CleanAsync(db, Settings(active, archive, system, error, trading, performance));
        Assert.True(report.Status == "succeeded", report.Error);

        var archiveInfo = Math.Max(archive, system);
        var archiveErrors = Math.Max(archiveInfo, error);
        var tradeErrors = Math.Max(trading, error);
        Assert.Equal(4 * Upto(active) + 1, await db.CountAsync("SELECT count(*) FROM system_logs"));
        Assert.Equal(active, await db.CountAsync("SELECT max(substr(message, 5)::int) FROM system_logs WHERE message LIKE 'day %'"));
        Assert.Equal(1, await db.CountAsync("SELECT count(*) FROM system_logs WHERE message = 'future'"));
        Assert.Equal(3 * (Upto(archiveInfo) - active), await db.CountAsync("SELECT count(*) FROM archived_system_logs WHERE level = 'INFO'"));
        Assert.Equal(Upto(archiveErrors) - active, await db.CountAsync("SELECT count(*) FROM archived_system_logs WHERE level = 'ERROR'"));
        Assert.Equal(0, await db.CountAsync("SELECT count(*) FROM archived_system_logs WHERE message = 'stray'"));
        Assert.Equal(0, await db.CountAsync("SELECT count(*) FROM archived_system_logs WHERE archived_at IS NULL"));
        Assert.Equal(Upto(trading), await db.CountAsync("SELECT count(*) FROM trading_logs WHERE error_message IS NULL"));
        Assert.Equal(Upto(tradeErrors), await db.CountAsync("SELECT count(*) FROM trading_logs WHERE error_message IS NOT NULL"));
        Assert.Equal(2 * Upto(performance), await db.CountAsync("SELECT count(*) FROM performance_logs"));

        // Whole days moved as partitions: no day of the archive window was copied row by row. The stray day 130 days ago
        // was first moved out of the default partition into a day partition of its own, and then moved whole too.
        Assert.Equal(Days - active + 1, report.Actions.Count(a => a.Kind == "archive-partition"));
        Assert.Contains(report.Actions, a => a is { Kind: "partition-default-rows", Table: "system_logs", Rows: 2 });
        Assert.DoesNotContain(report.Actions, a => a.Kind == "archive-rows" && a.Target != "system_logs_default");
    }

    [Fact]
    public async Task DryRunReportsWhatWouldHappenAndChangesNothing()
    {
        var db = await SeedAsync();
        var before = await db.CountAsync("SELECT count(*) FROM system_logs");
        var report = await CleanAsync(db, Settings(30, 90, 30, 90, 90, 30), dryRun: true);

        Assert.Equal("dry-run", report.Status);
        Assert.Equal(before, await db.CountAsync("SELECT count(*) FROM system_logs"));
        Assert.Equal(0, await db.CountAsync("SELECT count(*) FROM archived_system_logs"));
        Assert.Equal(0, await db.CountAsync("SELECT count(*) FROM tradelog_maintenance_runs"));
        Assert.Equal(4 * (Days - 30), report.Actions.Where(a => a.Kind == "archive-partition").Sum(a => a.Rows));
        Assert.Contains(report.Actions, a => a is { Kind: "archive-rows", Target: "system_logs_default", Rows: 2 });
    }

    [Fact]
    public async Task TheDesignsQueriesStillRunAfterCleanup()
    {
        var db = await SeedAsync();
        // The seeded days end at yesterday noon, which the last-day window leaves out after noon: add a recent one.
        await db.ExecuteAsync("INSERT INTO performance_logs (timestamp, service, operation, execution_time_ms) VALUES (now() - interval '1 hour', 'execution', 'place_order', 12)");
        await CleanAsync(db, Settings(30, 90, 30, 90, 90, 30));
        Assert.Equal(4, (await db.QueryAsync("SELECT * FROM system_logs WHERE correlation_id = 'trade_12' ORDER BY timestamp;")).Count);
        Assert.Equal(8, (await db.QueryAsync("SELECT t.*, s.message, s.level FROM trading_logs t JOIN system_logs s ON t.trade_id = s.correlation_id WHERE t.symbol = 'AAPL' AND t.trade_id = 'trade_12';")).Count);
        Assert.NotEmpty(await db.QueryAsync("SELECT service, AVG(execution_time_ms) as avg_time FROM performance_logs WHERE timestamp > NOW() - INTERVAL '1 day' GROUP BY service;"));
    }

    [Fact]
    public async Task EachRunIsRecordedAndSmallBatchesHandleStrayRows()
    {
        var db = await SeedAsync();
        await db.ExecuteAsync("INSERT INTO performance_logs (timestamp, service, operation) SELECT '2001-01-01T00:00:00Z', 'backfill', 'x' FROM generate_series(1, 50)");
        var report = await CleanAsync(db, Settings(30, 90, 30, 90, 90, 30, batch: 7));

        var stray = Assert.Single(report.Actions, a => a.Target == "performance_logs_default");
        Assert.Equal(50, stray.Rows);
        Assert.Equal(8, stray.Batches);
        var run = Assert.Single(await MaintenanceRuns.RecentAsync(db.ConnectionString, 10));
        Assert.Equal(("succeeded", "manual", report.RunId), (run.Status, run.Trigger, run.Id));
        Assert.Equal(report.RowsArchived, run.RowsArchived);
        Assert.True(run.RowsPurged > 0);
        Assert.NotNull(run.FinishedAt);
    }

    [Fact]
    public async Task TwoCleanupsStartedTogetherRunOnce()
    {
        var db = await SeedAsync();
        var settings = Settings(30, 90, 30, 90, 90, 30);
        settings.Database.ConnectionString = db.ConnectionString;
        var database = await LogDatabase.ConnectAsync(settings, _folder.Path);
        var occurrence = _asOf;
        var reports = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            new CleanupRunner(database, settings, _folder.Path).RunAsync(new CleanupRequest { AsOf = _asOf, ScheduledFor = occurrence, Trigger = "schedule" })));

        Assert.Single(reports, r => r.Status == "succeeded");
        Assert.Single(reports, r => r.Status == "skipped");
        Assert.Single(await MaintenanceRuns.RecentAsync(db.ConnectionString, 10));
        var again = await new CleanupRunner(database, settings, _folder.Path).RunAsync(new CleanupRequest { AsOf = _asOf, ScheduledFor = occurrence, Trigger = "schedule" });
        Assert.Equal("skipped", again.Status);
    }

    [Fact]
    public async Task LoggingGoesOnAtFullSpeedWhileCleanupRuns()
    {
        var db = await SeedAsync();
        using var host = DatabasePipeline.Create("execution", db.ConnectionString, _folder, s => s.Database.BatchSize = 200);
        var metrics = host.Component<DatabaseSinkMetrics>()!;
        using var stop = new CancellationTokenSource();
        var logged = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                // A steady few thousand events a second, like a busy service; a flat-out loop would only measure the queue bound.
                host.Logger.Info("during cleanup {N}", logged++);
                if (logged % 20 == 0)
                {
                    await Task.Delay(2);
                }
            }
        });

        await Eventually.TrueAsync(() => Volatile.Read(ref logged) > 500, what: "the service is logging");
        var report = await CleanAsync(db, Settings(30, 90, 30, 90, 90, 30));
        var atEnd = Volatile.Read(ref logged);
        await Eventually.TrueAsync(() => Volatile.Read(ref logged) > atEnd + 500, what: "the service goes on logging after the cleanup");
        await stop.CancelAsync();
        await writer;
        host.Dispose();

        Assert.True(report.Status == "succeeded", report.Error);
        Assert.Equal(logged, await db.CountAsync("SELECT count(*) FROM system_logs WHERE message LIKE 'during cleanup%'"));
        Assert.Equal((0, 0), (metrics.Spooled, metrics.Dropped));
        Assert.Equal(logged, metrics.Written);
    }
}
