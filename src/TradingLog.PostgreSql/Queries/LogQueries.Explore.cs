using Npgsql;
using NpgsqlTypes;

namespace TradingLog.PostgreSql.Queries;

public sealed partial class LogQueries
{
    /// <summary>The origin every time bucket is aligned to, so that buckets of one width line up across queries.</summary>
    private const string BucketOrigin = "TIMESTAMPTZ '2000-01-01 00:00:00+00'";

    /// <summary>
    /// Events per time bucket and level matching <paramref name="filter"/> (give it a <see cref="LogFilter.From"/>), over the
    /// archive too when the filter asks (<c>idx_…_timestamp</c>). Empty buckets are not returned.
    /// </summary>
    /// <param name="filter">What to count.</param>
    /// <param name="bucket">The bucket width, 1 s to 1 day.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public Task<IReadOnlyList<LevelBucket>> HistogramAsync(LogFilter filter, TimeSpan bucket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        CheckBucket(bucket);
        var parameters = new List<NpgsqlParameter>();
        var where = FilterSql.Where(filter, parameters);
        var source = $"SELECT timestamp, level FROM {_tables.Active} WHERE {where}";
        if (filter.IncludeArchive)
        {
            source += $" UNION ALL SELECT timestamp, level FROM {_tables.Archive} WHERE {where}";
        }

        parameters.Add(new NpgsqlParameter { Value = bucket, NpgsqlDbType = NpgsqlDbType.Interval });
        return ReadAsync($"SELECT date_bin(${parameters.Count}, timestamp, {BucketOrigin}), level, count(*) FROM ({source}) e GROUP BY 1, 2 ORDER BY 1, 2",
            parameters, r => new LevelBucket(Utc(r, 0), r.GetString(1), r.GetInt64(2)), cancellationToken);
    }

    /// <summary>One event with its metadata, from the active or the archive table, or null when no row has that id.</summary>
    /// <param name="id">The row's id (<see cref="LogEntry.Id"/>).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<LogEntry?> EventAsync(long id, CancellationToken cancellationToken = default)
    {
        var rows = await ReadAsync($"""
            SELECT {LogColumns}, metadata::text, false FROM {_tables.Active} WHERE id = $1
            UNION ALL
            SELECT {LogColumns}, metadata::text, true FROM {_tables.Archive} WHERE id = $1
            LIMIT 1
            """, [new NpgsqlParameter { Value = id }], ReadLog, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// What the live tail polls for: rows of the active table after <paramref name="afterId"/>, and the rows of
    /// <paramref name="awaited"/> (ids skipped over because their batch had not committed yet), with metadata, in id
    /// order, at most <paramref name="limit"/> (the primary key's index).
    /// </summary>
    public Task<IReadOnlyList<LogEntry>> TailAsync(long afterId, IReadOnlyCollection<long> awaited, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(awaited);
        return ReadAsync($"""
            SELECT {LogColumns}, metadata::text, false FROM {_tables.Active}
            WHERE id > $1 OR id = ANY($2) ORDER BY id LIMIT $3
            """,
            [new NpgsqlParameter { Value = afterId },
             new NpgsqlParameter { Value = awaited.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint },
             new NpgsqlParameter { Value = limit }],
            ReadLog, cancellationToken);
    }

    /// <summary>The highest id in the active table, or 0 when it is empty (the primary key's index, one probe per partition).</summary>
    public async Task<long> NewestIdAsync(CancellationToken cancellationToken = default) =>
        (await ReadAsync($"SELECT coalesce(max(id), 0) FROM {_tables.Active}", [], r => r.GetInt64(0), cancellationToken))[0];

    private static void CheckBucket(TimeSpan bucket)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucket, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bucket, TimeSpan.FromDays(1));
    }

    private static NpgsqlParameter Time(DateTimeOffset value) => new() { Value = value.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    private static NpgsqlParameter OptionalText(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Interval(TimeSpan value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Interval };
}
