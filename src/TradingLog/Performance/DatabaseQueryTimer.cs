using System.Diagnostics;

namespace TradingLog.Performance;

/// <summary>
/// With <c>log_database_queries: true</c>, logs every Npgsql command as a Performance event (<c>db_query</c>) with its
/// duration and statement, from Npgsql's own <see cref="ActivitySource"/>. Commands of TradingLog's own sink are skipped.
/// </summary>
internal sealed class DatabaseQueryTimer : IDisposable
{
    public const string NpgsqlSource = "Npgsql";

    /// <summary>Application name of TradingLog's own connections, whose commands are not timed (that would log forever).</summary>
    public const string OwnApplicationName = "tradinglog-sink";

    private readonly ActivityListener _listener;

    public DatabaseQueryTimer(TradingLogger logger)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == NpgsqlSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (IsOwn(activity))
                {
                    return;
                }

                var statement = activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement");
                logger.WithProperty("Statement", statement?.ToString()).Performance(new PerformanceRecord
                {
                    Operation = "db_query",
                    ExecutionTimeMs = Math.Round(activity.Duration.TotalMilliseconds, 3),
                });
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    private static bool IsOwn(Activity activity) =>
        activity.GetTagItem("db.npgsql.application_name") is OwnApplicationName
        || activity.GetBaggageItem("tradinglog.internal") is not null;

    public void Dispose() => _listener.Dispose();
}
