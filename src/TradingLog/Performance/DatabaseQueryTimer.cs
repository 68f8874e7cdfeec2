using System.Diagnostics;

namespace TradingLog.Performance;

/// <summary>
/// With <c>log_database_queries: true</c>, logs every Npgsql command as a Performance event (<c>db_query</c>) with its
/// duration and statement, from Npgsql's own <see cref="ActivitySource"/>. Commands of TradingLog's own sink run under
/// <see cref="Suppress"/> and are skipped: timing them would log forever.
/// </summary>
internal sealed class DatabaseQueryTimer : IDisposable
{
    public const string NpgsqlSource = "Npgsql";

    private static readonly AsyncLocal<bool> Suppressed = new();
    private readonly ActivityListener _listener;

    /// <summary>Stops timing the commands of the current flow, such as the sink's own COPY and migrations, until disposed.</summary>
    public static IDisposable Suppress()
    {
        var previous = Suppressed.Value;
        Suppressed.Value = true;
        return new Restore(previous);
    }

    public DatabaseQueryTimer(TradingLogger logger)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == NpgsqlSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Suppressed.Value)
                {
                    return;
                }

                var statement = activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement");
                logger.WithProperty("Statement", statement?.ToString()).Performance(new PerformanceRecord
                {
                    Operation = "db_query",
                    ExecutionTimeMs = Math.Round(activity.Duration.TotalMilliseconds, 3),
                }, member: "");
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => Suppressed.Value = previous;
    }
}
