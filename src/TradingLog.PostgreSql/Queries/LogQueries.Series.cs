using Npgsql;
using NpgsqlTypes;

namespace TradingLog.PostgreSql.Queries;

public sealed partial class LogQueries
{
    /// <summary>
    /// The share of ERROR and CRITICAL events per bucket of <paramref name="step"/> in [<paramref name="from"/>,
    /// <paramref name="to"/>), buckets aligned on <paramref name="from"/>; buckets without events are left out
    /// (<c>idx_…_timestamp</c>, or <c>idx_…_service_time</c> with a service).
    /// </summary>
    /// <param name="from">The range's start; also where buckets are aligned.</param>
    /// <param name="to">The range's end (exclusive).</param>
    /// <param name="step">The bucket width, 1 s to 1 day.</param>
    /// <param name="service">Only this service; null for all.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public Task<IReadOnlyList<MetricPoint>> ErrorRateSeriesAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan step, string? service = null,
        CancellationToken cancellationToken = default)
    {
        CheckBucket(step);
        return ReadAsync($"""
            SELECT date_bin($4, timestamp, $1) AS bucket, count(*) FILTER (WHERE level IN ('ERROR', 'CRITICAL'))::double precision / count(*), count(*)
            FROM {_tables.Active} WHERE timestamp >= $1 AND timestamp < $2 AND ($3::text IS NULL OR service = $3)
            GROUP BY 1 ORDER BY 1
            """,
            [Time(from), Time(to), OptionalText(service), Interval(step)],
            r => new MetricPoint(Utc(r, 0), r.GetDouble(1), r.GetInt64(2)), cancellationToken);
    }

    /// <summary>
    /// The <paramref name="percentile"/> (0 to 1) of the precise duration in milliseconds per bucket of <paramref name="step"/>
    /// in [<paramref name="from"/>, <paramref name="to"/>), buckets aligned on <paramref name="from"/>
    /// (<c>idx_performance_logs_timestamp</c>, or <c>idx_performance_logs_service</c> with a service).
    /// </summary>
    /// <param name="from">The range's start; also where buckets are aligned.</param>
    /// <param name="to">The range's end (exclusive).</param>
    /// <param name="step">The bucket width, 1 s to 1 day.</param>
    /// <param name="percentile">The percentile, 0 to 1.</param>
    /// <param name="service">Only this service; null for all.</param>
    /// <param name="operation">Only this operation; null for all.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public Task<IReadOnlyList<MetricPoint>> LatencySeriesAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan step, double percentile,
        string? service = null, string? operation = null, CancellationToken cancellationToken = default)
    {
        CheckBucket(step);
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 1);
        return ReadAsync($"""
            SELECT date_bin($4, timestamp, $1) AS bucket, percentile_cont($5) WITHIN GROUP (ORDER BY {PreciseMs}), count(*)
            FROM {Schema.LogTables.Performance} WHERE {PerformanceRange} AND ($6::text IS NULL OR operation = $6)
            GROUP BY 1 ORDER BY 1
            """,
            [Time(from), Time(to), OptionalText(service), Interval(step), new NpgsqlParameter { Value = percentile, NpgsqlDbType = NpgsqlDbType.Double },
             OptionalText(operation)],
            r => new MetricPoint(Utc(r, 0), r.GetDouble(1), r.GetInt64(2)), cancellationToken);
    }

    /// <summary>
    /// The bytes the log tables take on disk now, indexes and TOAST included: every partition of the active, archive,
    /// trading and performance tables (the catalog; no table is read).
    /// </summary>
    public async Task<long> LogTablesBytesAsync(CancellationToken cancellationToken = default)
    {
        var rows = await ReadAsync("""
            SELECT coalesce(sum(pg_total_relation_size(i.inhrelid)), 0)::bigint
            FROM pg_inherits i WHERE i.inhparent = ANY (ARRAY[to_regclass($1), to_regclass($2), to_regclass($3), to_regclass($4)])
            """,
            [new NpgsqlParameter { Value = _tables.Active }, new NpgsqlParameter { Value = _tables.Archive },
             new NpgsqlParameter { Value = Schema.LogTables.Trading }, new NpgsqlParameter { Value = Schema.LogTables.Performance }],
            r => r.GetInt64(0), cancellationToken);
        return rows[0];
    }

    /// <summary>
    /// The values an alert rule recorded in [<paramref name="from"/>, <paramref name="to"/>), oldest first, null values left
    /// out (<c>idx_tradelog_alert_values_rule</c>): the history of a measure that the log tables do not keep, such as
    /// their own size.
    /// </summary>
    /// <param name="rule">The rule's name.</param>
    /// <param name="from">The range's start.</param>
    /// <param name="to">The range's end (exclusive).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public Task<IReadOnlyList<MetricPoint>> RuleValuesAsync(string rule, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken = default) =>
        ReadAsync("""
            SELECT at, value, 1::bigint FROM tradelog_alert_values
            WHERE rule = $1 AND at >= $2 AND at < $3 AND value IS NOT NULL ORDER BY at
            """,
            [new NpgsqlParameter { Value = rule, NpgsqlDbType = NpgsqlDbType.Text }, Time(from), Time(to)],
            r => new MetricPoint(Utc(r, 0), r.GetDouble(1), r.GetInt64(2)), cancellationToken);
}
