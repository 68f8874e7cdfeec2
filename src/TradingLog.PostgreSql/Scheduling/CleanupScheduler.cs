using Npgsql;
using TradingLog.PostgreSql.Retention;

namespace TradingLog.PostgreSql.Scheduling;

/// <summary>
/// Runs cleanups on <see cref="CleanupSchedule"/>. At start it catches up an occurrence missed while everything was down
/// (one due since the last scheduled run). A failed run is retried after each of <see cref="RetryDelays"/>, every attempt
/// recorded. Several schedulers may run at once — in <c>tradelog scheduler</c> and inside services — and each occurrence
/// still runs once: the runner's advisory lock and its record of the occurrence see to that.
/// </summary>
public sealed class CleanupScheduler(CleanupSchedule schedule, Func<CleanupRequest, CancellationToken, Task<CleanupReport>> run,
    string connectionString, TimeProvider? time = null)
{
    /// <summary>Default waits before the second, third and fourth attempts of a failed run.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)];

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Waits before each retry of a failed run.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; init; } = DefaultRetryDelays;

    /// <summary>Told of every run's report.</summary>
    public event Action<CleanupReport>? Ran;

    private long _nextRunTicks;

    /// <summary>
    /// When the scheduler will next start a run (an occurrence or a retry), in UTC; null before it has computed one and
    /// while a run is in progress. For health pages and dashboards.
    /// </summary>
    public DateTimeOffset? NextRun => Interlocked.Read(ref _nextRunTicks) is var ticks and not 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    private async Task WaitUntilAsync(DateTimeOffset due, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _nextRunTicks, due.UtcTicks);
        var wait = due - _time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken);
        }

        Interlocked.Exchange(ref _nextRunTicks, 0);
    }

    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await LastScheduledAsync(cancellationToken) is { } last && schedule.LatestBetween(last, _time.GetUtcNow()) is { } missed)
        {
            await RunOccurrenceAsync(missed, "catch-up", cancellationToken);
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            var now = _time.GetUtcNow();
            if (schedule.NextAfter(now) is not { } next)
            {
                return;
            }

            await WaitUntilAsync(next, cancellationToken);
            await RunOccurrenceAsync(next, "schedule", cancellationToken);
        }
    }

    private async Task RunOccurrenceAsync(DateTimeOffset occurrence, string trigger, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            CleanupReport report;
            try
            {
                report = await run(new CleanupRequest { ScheduledFor = occurrence, Trigger = trigger, Attempt = attempt }, cancellationToken);
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or Server.EmbeddedServerException)
            {
                report = new CleanupReport { AsOf = occurrence, StartedAt = _time.GetUtcNow(), Status = "failed", Error = e.Message };
            }

            Ran?.Invoke(report);
            if (report.Status != "failed" || attempt > RetryDelays.Count)
            {
                return;
            }

            await WaitUntilAsync(_time.GetUtcNow() + RetryDelays[attempt - 1], cancellationToken);
        }
    }

    private async Task<DateTimeOffset?> LastScheduledAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                "SELECT max(coalesce(scheduled_for, started_at)) FROM tradelog_maintenance_runs WHERE status = 'succeeded'", connection);
            return await command.ExecuteScalarAsync(cancellationToken) is DateTime last ? new DateTimeOffset(last, TimeSpan.Zero) : null;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }
}
