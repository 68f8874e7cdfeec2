using Microsoft.Extensions.Time.Testing;
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

    /// <summary>A clock stopped at <paramref name="timeOfDay"/> UTC today: the tests do not depend on when they run.</summary>
    private static FakeTimeProvider ClockAt(TimeSpan timeOfDay) => new(new DateTimeOffset(DateTime.UtcNow.Date + timeOfDay, TimeSpan.Zero));

    private static DateTimeOffset Today(TimeSpan timeOfDay) => new(DateTime.UtcNow.Date + timeOfDay, TimeSpan.Zero);

    /// <summary>Runs the scheduler in the background, recording each report; dispose to stop it.</summary>
    private sealed class Running : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public Running(CleanupScheduler scheduler)
        {
            scheduler.Ran += report =>
            {
                lock (Reports)
                {
                    Reports.Add(report);
                }
            };
            _loop = Task.Run(() => scheduler.RunAsync(_stop.Token));
        }

        public List<CleanupReport> Reports { get; } = [];

        public int Count
        {
            get
            {
                lock (Reports)
                {
                    return Reports.Count;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    [Fact]
    public async Task ARunMissedWhileEverythingWasDownRunsAtTheNextStartForTheLatestMissedOccurrence()
    {
        var (db, runner) = await RunnerAsync();
        await db.ExecuteAsync("""
            INSERT INTO tradelog_maintenance_runs (status, trigger, as_of, scheduled_for, started_at)
            VALUES ('succeeded', 'schedule', now() - interval '3 days', now() - interval '3 days', now() - interval '3 days')
            """);
        var clock = ClockAt(TimeSpan.FromHours(10));
        var scheduler = new CleanupScheduler(new CleanupSchedule("0 2 * * *", "UTC"), (r, ct) => runner.RunAsync(r, null, ct), db.ConnectionString, clock);

        await using (var running = new Running(scheduler))
        {
            await Eventually.TrueAsync(() => running.Count == 1, what: "the catch-up run");
        }

        var runs = await MaintenanceRuns.RecentAsync(db.ConnectionString, 10);
        Assert.Equal(2, runs.Count); // the one from three days ago, and the catch-up
        var run = Assert.Single(runs, r => r.Trigger == "catch-up");
        Assert.Equal("succeeded", run.Status);
        Assert.Equal(Today(TimeSpan.FromHours(2)), run.ScheduledFor);
    }

    [Fact]
    public async Task TheNextOccurrenceRunsWhenItsTimeComesAndNotBefore()
    {
        var (db, runner) = await RunnerAsync();
        var clock = ClockAt(new TimeSpan(1, 59, 0));
        var scheduler = new CleanupScheduler(new CleanupSchedule("0 2 * * *", "UTC"), (r, ct) => runner.RunAsync(r, null, ct), db.ConnectionString, clock);

        await using var running = new Running(scheduler);
        await Eventually.TrueAsync(() => scheduler.NextRun == Today(TimeSpan.FromHours(2)), what: "the scheduler waits for 02:00");
        clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(500); // the scheduler has had time to run early, if it would
        Assert.Equal(0, running.Count);

        clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => running.Count == 1, what: "the 02:00 run");
        var run = Assert.Single(await MaintenanceRuns.RecentAsync(db.ConnectionString, 10));
        Assert.Equal(("schedule", "succeeded", Today(TimeSpan.FromHours(2))), (run.Trigger, run.Status, run.ScheduledFor));
    }

    [Fact]
    public async Task AFailingRunIsRetriedAfterEachBackOffAndEachAttemptRecordedAsFailed()
    {
        var (db, runner) = await RunnerAsync();
        await db.ExecuteAsync("INSERT INTO system_logs (timestamp, service, level, message) VALUES (now() - interval '40 days', 'x', 'INFO', 'old')");
        await db.ExecuteAsync("SELECT tradelog_ensure_partitions((now() - interval '40 days')::date, (now() - interval '40 days')::date)");
        await db.ExecuteAsync("CREATE OR REPLACE FUNCTION tradelog_archive_day(day date) RETURNS bigint LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'archive volume unavailable'; END $$");
        var clock = ClockAt(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        var scheduler = new CleanupScheduler(new CleanupSchedule("0 2 * * *", "UTC"), (r, ct) => runner.RunAsync(r, null, ct), db.ConnectionString, clock);
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)], scheduler.RetryDelays);

        await using (var running = new Running(scheduler))
        {
            await Eventually.TrueAsync(() => scheduler.NextRun == Today(TimeSpan.FromHours(2)), what: "the scheduler waits for 02:00");
            clock.Advance(TimeSpan.FromSeconds(1));
            await Eventually.TrueAsync(() => running.Count == 1, what: "the first attempt");
            foreach (var delay in scheduler.RetryDelays)
            {
                var attempts = running.Count;
                await Eventually.TrueAsync(() => scheduler.NextRun == clock.GetUtcNow() + delay, what: $"the scheduler waits {delay} to retry");
                clock.Advance(delay - TimeSpan.FromSeconds(1));
                await Task.Delay(500); // a retry before its back-off would show here
                Assert.Equal(attempts, running.Count);
                clock.Advance(TimeSpan.FromSeconds(1));
                await Eventually.TrueAsync(() => running.Count == attempts + 1, what: $"the retry after {delay}");
            }
        }

        var runs = (await MaintenanceRuns.RecentAsync(db.ConnectionString, 10)).OrderBy(r => r.Id).ToList();
        Assert.Equal([1, 2, 3, 4], runs.Select(r => r.Attempt));
        Assert.All(runs, r => Assert.Equal("failed", r.Status));
        Assert.All(runs, r => Assert.Contains("archive volume unavailable", r.Error));
        Assert.Equal([Today(TimeSpan.FromHours(2))], runs.Select(r => r.ScheduledFor).Distinct());
    }

    [Fact]
    public async Task TwoSchedulersStartedTogetherRunEachOccurrenceOnce()
    {
        var (db, runner) = await RunnerAsync();
        var clock = ClockAt(TimeSpan.FromHours(12));
        var schedule = new CleanupSchedule("*/2 * * * * *", "UTC");
        var first = new CleanupScheduler(schedule, (r, ct) => runner.RunAsync(r, null, ct), db.ConnectionString, clock);
        var second = new CleanupScheduler(schedule, (r, ct) => runner.RunAsync(r, null, ct), db.ConnectionString, clock);

        await using (var a = new Running(first))
        await using (var b = new Running(second))
        {
            for (var occurrence = 1; occurrence <= 3; occurrence++)
            {
                var due = clock.GetUtcNow() + TimeSpan.FromSeconds(2);
                await Eventually.TrueAsync(() => first.NextRun == due && second.NextRun == due, what: $"both schedulers wait for occurrence {occurrence}");
                clock.Advance(TimeSpan.FromSeconds(2));
                await Eventually.TrueAsync(() => a.Count == occurrence && b.Count == occurrence, what: $"both schedulers saw occurrence {occurrence}");
            }
        }

        var runs = await MaintenanceRuns.RecentAsync(db.ConnectionString, 100);
        var succeeded = runs.Where(r => r.Status == "succeeded").ToList();
        Assert.Equal(3, succeeded.Count);
        Assert.Equal(3, succeeded.Select(r => r.ScheduledFor).Distinct().Count());
    }
}
