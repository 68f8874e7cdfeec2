using Npgsql;

namespace TradingLog.PostgreSql.Queries;

public sealed partial class LogQueries
{
    /// <summary>
    /// The flows between services in [<paramref name="from"/>, <paramref name="to"/>), derived from correlation IDs: within
    /// each correlation, in time order, every change from one service to the next is a hop (<c>idx_…_timestamp</c>).
    /// </summary>
    public Task<IReadOnlyList<ServiceHop>> ServiceHopsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        ReadAsync($"""
            WITH ordered AS (
                SELECT correlation_id, service, timestamp,
                       lag(service) OVER w AS previous_service, lag(timestamp) OVER w AS previous_timestamp
                FROM {_tables.Active}
                WHERE timestamp >= $1 AND timestamp < $2 AND correlation_id IS NOT NULL
                WINDOW w AS (PARTITION BY correlation_id ORDER BY timestamp, id))
            SELECT previous_service, service, count(*), count(DISTINCT correlation_id),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM timestamp - previous_timestamp) * 1000),
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM timestamp - previous_timestamp) * 1000)
            FROM ordered WHERE previous_service IS NOT NULL AND previous_service <> service
            GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2
            """,
            [Time(from), Time(to)],
            r => new ServiceHop(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), Micros(r, 4) ?? 0, Micros(r, 5) ?? 0),
            cancellationToken);

    /// <summary>
    /// Every service that ever logged to the active table, with its newest event and its counts since
    /// <paramref name="since"/> (<c>idx_…_service_time</c>: one index probe per service, not a scan).
    /// </summary>
    public Task<IReadOnlyList<ServiceActivity>> ServiceActivityAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        ReadAsync($"""
            WITH RECURSIVE services(service) AS (
                SELECT min(service) FROM {_tables.Active}
                UNION ALL
                SELECT (SELECT min(service) FROM {_tables.Active} a WHERE a.service > s.service) FROM services s WHERE s.service IS NOT NULL),
            recent AS (
                SELECT service, count(*) AS events, count(*) FILTER (WHERE level IN ('ERROR', 'CRITICAL')) AS errors,
                       count(*) FILTER (WHERE level = 'WARNING') AS warnings
                FROM {_tables.Active} WHERE timestamp >= $1 GROUP BY service)
            SELECT s.service, (SELECT max(timestamp) FROM {_tables.Active} a WHERE a.service = s.service),
                   coalesce(r.events, 0), coalesce(r.errors, 0), coalesce(r.warnings, 0)
            FROM services s LEFT JOIN recent r ON r.service = s.service
            WHERE s.service IS NOT NULL ORDER BY s.service
            """,
            [Time(since)],
            r => new ServiceActivity(r.GetString(0), r.IsDBNull(1) ? null : Utc(r, 1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)),
            cancellationToken);

    /// <summary>
    /// The newest heartbeat (<see cref="HealthEvents.Heartbeat"/>) of every service and process since <paramref name="since"/>,
    /// with its metadata (<c>idx_…_event_type_time</c>).
    /// </summary>
    public Task<IReadOnlyList<LogEntry>> LatestHeartbeatsAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        ReadAsync($"""
            SELECT DISTINCT ON (service, metadata->'properties'->>'{HealthEvents.ProcessId}', metadata->'properties'->>'{HealthEvents.Host}')
                   {LogColumns}, metadata::text, false
            FROM {_tables.Active} WHERE event_type = $1 AND timestamp >= $2
            ORDER BY service, metadata->'properties'->>'{HealthEvents.ProcessId}', metadata->'properties'->>'{HealthEvents.Host}', timestamp DESC
            """,
            [new NpgsqlParameter { Value = HealthEvents.Heartbeat }, Time(since)], ReadLog, cancellationToken);
}
