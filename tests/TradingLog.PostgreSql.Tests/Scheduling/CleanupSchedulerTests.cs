using TradingLog.Configuration;
using TradingLog.PostgreSql.Retention;
using TradingLog.PostgreSql.Scheduling;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Scheduling;

public sealed class CleanupSchedulerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<(Db Db, CleanupRunner Runner)> RunnerAsync()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        var settings = new TradingLogSettings();
        settings.Console.Enabled = false;
        settings.Database.ConnectionString = db.ConnectionString;
        var database = await LogDatabase.ConnectAsync(settings, _folder.Path);
        await database.MigrateAsync();
        return (db, new CleanupRunner(database, settings, _folder.Path));
    }

    private static DateTimeOffset LastTwoAm(DateTime utcNow) =>
        new(utcNow.Hour >= 2 ? utcNow.Date.AddHours(2) : utcNow.Date.AddDays(-1).AddHours(2), TimeSpan.Zero);

    private static async Task RunForAsync(CleanupScheduler scheduler, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource(duration);
        try
        {
            await scheduler.RunAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [Fact]
    public async Task ARunMissedWhileEverythingWasDownRunsAtTheNextStart()
    {
        var (db, runner) = await RunnerAsync();
        await db.ExecuteAsync("""
            INSERT INTO tradelog_maintenance_runs (status, trigger, as_of, scheduled_for, started_at)
            VALUES ('succeeded', 'schedule', now() - interval '3 days', now() - interval '3 days', now() - interval '3 days')
            """);
        var scheduler = new CleanupScheduler(new CleanupSchedule("0 2 * * *", "UTC"), (r, ct) => runner.RunAsync(r, null, ct), db.ConnectionString);

        var before = LastTwoAm(DateTime.UtcNow);
        await RunForAsync(scheduler, TimeSpan.FromSeconds(5));
        var after = LastTwoAm(DateTime.UtcNow);

        var run = (await MaintenanceRuns.RecentAsync(db.ConnectionString, 10)).First();
        Assert.Equal(("catch-up", "succeeded"), (run.Trigger, run.Status));
        Assert.Contains(run.ScheduledFor, new DateTimeOffset?[] { before, after }); // they differ only for a run across 02:00 UTC
    }

    [Fact]
    public async Task AFailingRunIsRetriedWithBackoffAndEachAttemptRecordedAsFailed()
    {
        var (db, runner) = await RunnerAsync();
        await db.ExecuteAsync("INSERT INTO system_logs (timestamp, service, level, message) VALUES (now() - interval '40 days', 'x', 'INFO', 'old')");
        await db.ExecuteAsync("SELECT tradelog_ensure_partitions((now() - interval '40 days')::date, (now() - interval '40 days')::date)");
        await db.ExecuteAsync("CREATE OR REPLACE FUNCTION tradelog_archive_day(day date) RETURNS bigint LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'archive volume unavailable'; END $$");
        var reports = new List<CleanupReport>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var scheduler = new CleanupScheduler(new CleanupSchedule("*/3 * * * * *", "UTC"), (r, ct) => runner.RunAsync(r, null, ct), db.ConnectionString)
        {
            RetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)],
        };
        scheduler.Ran += report =>
        {
            reports.Add(report);
            if (reports.Count >= 3)
            {
                stop.Cancel(); // the first occurrence and both its retries are recorded; a loaded machine may take a while
            }
        };

        try
        {
            await scheduler.RunAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        var runs = (await MaintenanceRuns.RecentAsync(db.ConnectionString, 10)).OrderBy(r => r.Id).Take(3).ToList();
        Assert.Equal([1, 2, 3], runs.Select(r => r.Attempt));
        Assert.All(runs, r => Assert.Equal("failed", r.Status));
        Assert.All(runs, r => Assert.Contains("archive volume unavailable", r.Error));
        Assert.Single(runs.Select(r => r.ScheduledFor).Distinct());
        Assert.True(runs[2].StartedAt - runs[0].StartedAt >= TimeSpan.FromMilliseconds(600), "retries should wait their back-off");
    }

    [Fact]
    public async Task TwoSchedulersStartedTogetherRunEachOccurrenceOnce()
    {
        var (db, runner) = await RunnerAsync();
        var schedule = new CleanupSchedule("*/2 * * * * *", "UTC");
        var first = new CleanupScheduler(schedule, (r, ct) => runner.RunAsync(r, null, ct), db.ConnectionString);
        var second = new CleanupScheduler(schedule, (r, ct) => runner.RunAsync(r, null, ct), db.ConnectionString);

        await Task.WhenAll(RunForAsync(first, TimeSpan.FromSeconds(9)), RunForAsync(second, TimeSpan.FromSeconds(9)));

        var runs = await MaintenanceRuns.RecentAsync(db.ConnectionString, 100);
        var succeeded = runs.Where(r => r.Status == "succeeded").ToList();
        Assert.True(succeeded.Count >= 2, $"expected several occurrences, got {succeeded.Count}");
        Assert.Equal(succeeded.Count, succeeded.Select(r => r.ScheduledFor).Distinct().Count());
    }
}
