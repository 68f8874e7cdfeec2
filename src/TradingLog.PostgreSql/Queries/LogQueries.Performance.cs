namespace TradingLog.PostgreSql.Queries;

public sealed partial class LogQueries
{
    /// <summary>Durations in milliseconds, precise where stored so (<c>execution_time_us</c>), whole milliseconds otherwise.</summary>
    private const string PreciseMs = "coalesce(execution_time_us / 1000.0, execution_time_ms)::double precision";

    private const string PerformanceRange = "timestamp >= $1 AND timestamp < $2 AND ($3::text IS NULL OR service = $3)";

    /// <summary>
    /// p50, p95 and p99 of the precise duration per time bucket, service and operation in [<paramref name="from"/>,
    /// <paramref name="to"/>) (<c>idx_performance_logs_timestamp</c>, or <c>idx_performance_logs_service</c> with a service).
    /// </summary>
    /// <param name="from">The range's start.</param>
    /// <param name="to">The range's end (exclusive).</param>
    /// <param name="bucket">The bucket width, 1 s to 1 day.</param>
    /// <param name="service">Only this service; null for all.</param>
    /// <param name="operation">Only this operation; null for all.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public Task<IReadOnlyList<LatencyPoint>> LatencyOverTimeAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan bucket, string? service = null,
        string? operation = null, CancellationToken cancellationToken = default)
    {
        CheckBucket(bucket);
        return ReadAsync($"""
            WITH timed AS (
                SELECT date_bin($4, timestamp, {BucketOrigin}) AS bucket, service, operation, {PreciseMs} AS ms
                FROM {Schema.LogTables.Performance} WHERE {PerformanceRange} AND ($5::text IS NULL OR operation = $5))
            SELECT bucket, service, operation, count(*),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), percentile_cont(0.95) WITHIN GROUP (ORDER BY ms),
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)
            FROM timed GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """,
            [Time(from), Time(to), OptionalText(service), Interval(bucket), OptionalText(operation)],
            r => new LatencyPoint(Utc(r, 0), r.GetString(1), Text(r, 2), r.GetInt64(3), Micros(r, 4) ?? 0, Micros(r, 5) ?? 0, Micros(r, 6) ?? 0),
            cancellationToken);
    }

    /// <summary>
    /// A latency heatmap: operations per time bucket and duration bucket, the duration buckets doubling from 1 µs
    /// (a 0.3 ms operation counts in the 0.256 ms bucket). In double precision: numeric logarithms cost 70 ms per 10,000
    /// rows; the small addend keeps exact powers of two in their own bucket.
    /// </summary>
    public Task<IReadOnlyList<LatencyCell>> LatencyHeatmapAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan bucket, string? service = null,
        CancellationToken cancellationToken = default)
    {
        CheckBucket(bucket);
        return ReadAsync($"""
            SELECT date_bin($4, timestamp, {BucketOrigin}), floor(ln(greatest({PreciseMs} * 1000, 1)) / ln(2) + 1e-9)::int, count(*)
            FROM {Schema.LogTables.Performance} WHERE {PerformanceRange}
            GROUP BY 1, 2 ORDER BY 1, 2
            """,
            [Time(from), Time(to), OptionalText(service), Interval(bucket)],
            r => new LatencyCell(Utc(r, 0), Math.Pow(2, r.GetInt32(1)) / 1000.0, r.GetInt64(2)), cancellationToken);
    }

    /// <summary>The <paramref name="top"/> slowest operations in the range, slowest first.</summary>
    public Task<IReadOnlyList<SlowOperation>> SlowestOperationsAsync(DateTimeOffset from, DateTimeOffset to, int top, string? service = null,
        CancellationToken cancellationToken = default) =>
        ReadAsync($"""
            SELECT timestamp, service, operation, {PreciseMs}, memory_usage_mb, cpu_usage_percent
            FROM {Schema.LogTables.Performance} WHERE {PerformanceRange}
            ORDER BY 4 DESC NULLS LAST LIMIT $4
            """,
            [Time(from), Time(to), OptionalText(service), new Npgsql.NpgsqlParameter { Value = Math.Clamp(top, 1, 1000) }],
            r => new SlowOperation(Utc(r, 0), r.GetString(1), Text(r, 2), Micros(r, 3) ?? 0, Nullable<int>(r, 4), Nullable<decimal>(r, 5)),
            cancellationToken);

    /// <summary>Mean memory and CPU per time bucket and service, from the performance rows.</summary>
    public Task<IReadOnlyList<ResourcePoint>> ResourcesOverTimeAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan bucket, string? service = null,
        CancellationToken cancellationToken = default)
    {
        CheckBucket(bucket);
        return ReadAsync($"""
            SELECT date_bin($4, timestamp, {BucketOrigin}), service, round(avg(memory_usage_mb), 1),
                   round(avg(cpu_usage_percent) FILTER (WHERE {PreciseMs} >= {MinimumCpuSampleMs}), 2)
            FROM {Schema.LogTables.Performance} WHERE {PerformanceRange}
            GROUP BY 1, 2 ORDER BY 1, 2
            """,
            [Time(from), Time(to), OptionalText(service), Interval(bucket)],
            r => new ResourcePoint(Utc(r, 0), r.GetString(1), Nullable<decimal>(r, 2), Nullable<decimal>(r, 3)), cancellationToken);
    }
}
