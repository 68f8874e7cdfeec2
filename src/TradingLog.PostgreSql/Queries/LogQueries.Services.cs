using Npgsql;

namespace TradingLog.PostgreSql.Queries;

public sealed partial class LogQueries
{
    /// <summary>
    /// The flows between services in [<paramref name="from"/>, <paramref name="to"/>), derived from correlation IDs: within
    /// each correlation, in time order, its first arrival at a service is a hop from the service of the event before
    /// (returns to a service already visited are replies, not hops). The rows are read in the
    /// timestamp index's order and the hops found in one pass here (<see cref="ServiceHopCounter"/>): sorting them by
    /// correlation in the server cost twice as much (240 ms against 100 ms for an hour of 10M rows, docs/benchmarks.md).
    /// </summary>
    public async Task<IReadOnlyList<ServiceHop>> ServiceHopsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"""
            SELECT correlation_id, service, timestamp FROM {_tables.Active}
            WHERE timestamp >= $1 AND timestamp < $2 AND correlation_id IS NOT NULL
            ORDER BY timestamp, id
            """);
        command.Parameters.Add(Time(from));
        command.Parameters.Add(Time(to));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counter = new ServiceHopCounter();
        while (await reader.ReadAsync(cancellationToken))
        {
            counter.Add(reader.GetString(0), reader.GetString(1), reader.GetDateTime(2).Ticks);
        }

        return counter.Hops();
    }

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
