using Npgsql;
using NpgsqlTypes;

namespace TradingLog.PostgreSql.Queries;

public sealed partial class LogQueries
{
    // An event's pattern after following the replacement of a mined template by a more general one: the patterns table
    // keeps replacements one step long, so one join resolves them.
    private const string ResolvedPattern = "COALESCE(p.merged_into, l.pattern_id)";

    /// <summary>
    /// The patterns logged in [<paramref name="from"/>, <paramref name="to"/>), per service, new ones first and then by
    /// events, with their first and last seen, an example and their trend in <paramref name="buckets"/> slices
    /// (<c>idx_…_timestamp</c> or <c>idx_…_service_time</c>, then the patterns table by its key).
    /// </summary>
    /// <param name="from">Start of the window (inclusive).</param>
    /// <param name="to">End of the window (exclusive).</param>
    /// <param name="service">Only this service; null for all.</param>
    /// <param name="onlyNew">Only patterns first seen within the window.</param>
    /// <param name="buckets">Slices of the trend, 1 to 500.</param>
    /// <param name="limit">The most patterns returned, 1 to 10,000.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="ArgumentOutOfRangeException">The window is empty, or a count is out of range.</exception>
    public async Task<IReadOnlyList<PatternSummary>> PatternsAsync(DateTimeOffset from, DateTimeOffset to, string? service = null,
        bool onlyNew = false, int buckets = 24, int limit = 200, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(to, from);
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(buckets, 500);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 10_000);
        var rows = await ReadAsync($"""
            WITH counted AS (
                SELECT {ResolvedPattern} AS pattern_id, l.service,
                       least(floor(extract(epoch FROM l.timestamp - $1) / $5)::int, $6 - 1) AS bucket, count(*) AS events
                FROM {_tables.Active} l
                LEFT JOIN tradelog_patterns p ON p.pattern_id = l.pattern_id AND p.service = l.service
                WHERE l.timestamp >= $1 AND l.timestamp < $2 AND l.pattern_id IS NOT NULL AND ($3::text IS NULL OR l.service = $3)
                GROUP BY 1, 2, 3
            ), totals AS (
                SELECT pattern_id, service, sum(events)::bigint AS events, array_agg(bucket ORDER BY bucket) AS slices,
                       array_agg(events ORDER BY bucket) AS counts
                FROM counted GROUP BY 1, 2
            ), seen AS (
                SELECT COALESCE(merged_into, pattern_id) AS pattern_id, service, min(first_seen) AS first_seen, max(last_seen) AS last_seen
                FROM tradelog_patterns WHERE service IN (SELECT service FROM totals) GROUP BY 1, 2
            )
            SELECT t.pattern_id, t.service, coalesce(own.template, '(pattern not recorded)'), coalesce(own.source, 'template'), t.events,
                   coalesce(s.first_seen, $1), coalesce(s.last_seen, $1), own.example, t.slices, t.counts, coalesce(s.first_seen >= $1, false)
            FROM totals t
            LEFT JOIN seen s ON s.pattern_id = t.pattern_id AND s.service = t.service
            LEFT JOIN LATERAL (
                SELECT template, source, example FROM tradelog_patterns x WHERE x.pattern_id = t.pattern_id
                ORDER BY x.service = t.service DESC, x.first_seen LIMIT 1) own ON true
            WHERE NOT $4 OR s.first_seen >= $1
            ORDER BY 11 DESC, t.events DESC, t.pattern_id LIMIT $7
            """,
            [Time(from), Time(to), OptionalText(service), new NpgsqlParameter { Value = onlyNew, NpgsqlDbType = NpgsqlDbType.Boolean },
             new NpgsqlParameter { Value = (to - from).TotalSeconds / buckets, NpgsqlDbType = NpgsqlDbType.Double },
             new NpgsqlParameter { Value = buckets, NpgsqlDbType = NpgsqlDbType.Integer },
             new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer }],
            r =>
            {
                var slices = r.GetFieldValue<int[]>(8);
                var counts = r.GetFieldValue<long[]>(9);
                var trend = new long[buckets];
                for (var i = 0; i < slices.Length; i++)
                {
                    trend[Math.Clamp(slices[i], 0, buckets - 1)] += counts[i];
                }

                return new PatternSummary(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4), Utc(r, 5), Utc(r, 6),
                    Text(r, 7), trend, r.GetBoolean(10));
            }, cancellationToken);
        return rows;
    }

    /// <summary>
    /// Events per pattern, service and bucket of <paramref name="step"/> in each of the <paramref name="ranges"/>; buckets
    /// are aligned on <paramref name="origin"/> (<c>idx_…_timestamp</c>, one range scan per range). Only buckets with events.
    /// </summary>
    /// <param name="ranges">Time ranges [start, end), each a whole number of steps from <paramref name="origin"/> for whole buckets.</param>
    /// <param name="step">The bucket length; at least a second.</param>
    /// <param name="origin">Where buckets are aligned.</param>
    /// <param name="service">Only this service; null for all.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="ArgumentOutOfRangeException">The step is shorter than a second.</exception>
    public Task<IReadOnlyList<PatternRate>> PatternRatesAsync(IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> ranges, TimeSpan step,
        DateTimeOffset origin, string? service = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        ArgumentOutOfRangeException.ThrowIfLessThan(step, TimeSpan.FromSeconds(1));
        return ReadAsync($"""
            SELECT {ResolvedPattern}, l.service, date_bin($3, l.timestamp, $4) AS bucket, count(*)
            FROM unnest($1::timestamptz[], $2::timestamptz[]) AS r(s, e)
            JOIN {_tables.Active} l ON l.timestamp >= r.s AND l.timestamp < r.e
            LEFT JOIN tradelog_patterns p ON p.pattern_id = l.pattern_id AND p.service = l.service
            WHERE l.pattern_id IS NOT NULL AND ($5::text IS NULL OR l.service = $5)
            GROUP BY 1, 2, 3
            """,
            [new NpgsqlParameter { Value = ranges.Select(r => r.Start.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
             new NpgsqlParameter { Value = ranges.Select(r => r.End.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
             new NpgsqlParameter { Value = step, NpgsqlDbType = NpgsqlDbType.Interval }, Time(origin), OptionalText(service)],
            r => new PatternRate(r.GetInt64(0), r.GetString(1), Utc(r, 2), r.GetInt64(3)), cancellationToken);
    }

    /// <summary>
    /// Patterns first seen by a service at or after <paramref name="since"/> once the service had logged for
    /// <paramref name="warmUp"/> (before that, everything is new), and patterns back at or after <paramref name="since"/>
    /// after <paramref name="returnAfter"/> or more of quiet (the patterns table; no log rows read).
    /// </summary>
    /// <param name="since">The oldest sighting returned.</param>
    /// <param name="warmUp">How long a service logs before its new patterns count.</param>
    /// <param name="returnAfter">The quiet that makes a return count; null to leave returns out. At least an hour (the store records no shorter quiet).</param>
    /// <param name="service">Only this service; null for all.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public Task<IReadOnlyList<PatternSighting>> PatternSightingsAsync(DateTimeOffset since, TimeSpan warmUp, TimeSpan? returnAfter,
        string? service = null, CancellationToken cancellationToken = default) =>
        ReadAsync("""
            WITH resolved AS (
                SELECT COALESCE(merged_into, pattern_id) AS pattern_id, service, min(first_seen) AS first_seen, max(returned_at) AS returned_at,
                       max(quiet_before_return) AS quiet
                FROM tradelog_patterns WHERE ($4::text IS NULL OR service = $4) GROUP BY 1, 2
            ), services AS (
                SELECT service, min(first_seen) AS began FROM tradelog_patterns WHERE ($4::text IS NULL OR service = $4) GROUP BY service
            )
            SELECT r.pattern_id, r.service, t.template, t.example,
                   CASE WHEN r.first_seen >= $1 THEN r.first_seen ELSE r.returned_at END,
                   CASE WHEN r.first_seen >= $1 THEN NULL ELSE r.quiet END
            FROM resolved r JOIN services s ON s.service = r.service
            JOIN LATERAL (
                SELECT template, example FROM tradelog_patterns x WHERE x.pattern_id = r.pattern_id
                ORDER BY x.service = r.service DESC, x.first_seen LIMIT 1) t ON true
            WHERE (r.first_seen >= $1 AND r.first_seen >= s.began + $2)
               OR ($3::interval IS NOT NULL AND r.returned_at >= $1 AND r.quiet >= $3)
            ORDER BY 5, 1
            """,
            [Time(since), new NpgsqlParameter { Value = warmUp, NpgsqlDbType = NpgsqlDbType.Interval },
             new NpgsqlParameter { Value = returnAfter is { } quiet ? quiet : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Interval },
             OptionalText(service)],
            r => new PatternSighting(r.GetInt64(0), r.GetString(1), r.GetString(2), Text(r, 3), Utc(r, 4),
                r.IsDBNull(5) ? null : r.GetFieldValue<TimeSpan>(5)), cancellationToken);

    /// <summary>The templates of <paramref name="patternIds"/> (any service's row), by ID; IDs not recorded are left out.</summary>
    public async Task<IReadOnlyDictionary<long, string>> PatternTemplatesAsync(IReadOnlyCollection<long> patternIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patternIds);
        var rows = await ReadAsync("SELECT DISTINCT ON (pattern_id) pattern_id, template FROM tradelog_patterns WHERE pattern_id = ANY($1)",
            [new NpgsqlParameter { Value = patternIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint }],
            r => (r.GetInt64(0), r.GetString(1)), cancellationToken);
        return rows.ToDictionary(r => r.Item1, r => r.Item2);
    }
}
