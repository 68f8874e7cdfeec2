using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using TradingLog.PostgreSql.Schema;

namespace TradingLog.PostgreSql.Queries;

/// <summary>
/// The read side: every question the CLI, the demo and the monitoring parts ask of the log tables, as parameterized
/// SQL returning typed rows. Table names come from the configuration (<c>database.active_table</c>,
/// <c>database.archive_table</c>); nothing here migrates or writes. Each query states the index it relies on.
/// Connections come from the reader role when one is configured (<see cref="LogDatabase.ReaderConnectionString"/>).
/// </summary>
public sealed partial class LogQueries : IAsyncDisposable
{
    /// <summary>Longest any query may run, so that a heavy question never holds the writers' server for long: 30 s.</summary>
    public static readonly TimeSpan DefaultCommandTimeout = TimeSpan.FromSeconds(30);

    private const string LogColumns = "id, timestamp, service, level, event_type, message, correlation_id";

    /// <summary>PostgreSQL's <c>work_mem</c> of an interactive reader's session (see <see cref="Open"/>): 32 MB.</summary>
    public const string InteractiveWorkMem = "32MB";

    /// <summary>The shortest operation, in milliseconds, whose CPU percentage <see cref="PerformanceAsync"/> averages.</summary>
    public const int MinimumCpuSampleMs = 1;
    private const string TradeColumns =
        "timestamp, trade_id, symbol, side, quantity, price, strategy, execution_time_ms, status, error_message, correlation_id";
    private readonly NpgsqlDataSource _dataSource;
    private readonly LogTables _tables;

    internal LogQueries(NpgsqlDataSource dataSource, LogTables tables)
    {
        _dataSource = dataSource;
        _tables = tables;
    }

    /// <summary>The read side of <paramref name="database"/>, through its reader connection; dispose it to close its pool.</summary>
    /// <param name="database">The resolved database (see <see cref="LogDatabase.ConnectRunningAsync"/>).</param>
    /// <param name="applicationName">Shown in <c>pg_stat_activity</c>.</param>
    /// <param name="statementTimeout">
    /// For an interactive reader such as the dashboard: a server-side bound on each statement (PostgreSQL's
    /// <c>statement_timeout</c>, whole milliseconds), so that a heavy question is cancelled by the server and never slows the
    /// writers for long; a query that passes it fails with SQL state <c>57014</c>. Such a session also turns PostgreSQL's
    /// JIT off (its compile time, measured at 50-400 ms, costs more than it saves on these queries) and sorts in up to
    /// <see cref="InteractiveWorkMem"/> of memory instead of spilling to disk. Null (the default) for none of this.
    /// </param>
    public static LogQueries Open(LogDatabase database, string applicationName = "tradelog-reader", TimeSpan? statementTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var connectionString = database.ReaderConnectionString;
        if (statementTimeout is { } bound)
        {
            connectionString = new NpgsqlConnectionStringBuilder(connectionString)
            {
                Options = "-c statement_timeout=" + ((long)Math.Ceiling(bound.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) +
                    " -c jit=off -c work_mem=" + InteractiveWorkMem,
            }.ConnectionString;
        }

        return new LogQueries(LogDatabase.CreateDataSource(connectionString, applicationName, commandTimeout: DefaultCommandTimeout), database.Tables);
    }

    /// <summary>
    /// The audit trail (<see cref="AuditEvents"/>: event types starting with <c>audit.</c>, and cleanup runs) since
    /// <paramref name="from"/>, newest first, at most <paramref name="limit"/> rows, with their metadata
    /// (<c>idx_…_timestamp</c>).
    /// </summary>
    /// <param name="from">The oldest event time.</param>
    /// <param name="service">Only this service; null for all.</param>
    /// <param name="limit">The most rows returned.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public Task<IReadOnlyList<LogEntry>> AuditAsync(DateTimeOffset from, string? service, int limit, CancellationToken cancellationToken = default) =>
        ReadAsync($"""
            SELECT {LogColumns}, metadata::text, false FROM {_tables.Active}
            WHERE timestamp >= $1 AND (starts_with(event_type, $2) OR event_type = $3) AND ($4::text IS NULL OR service = $4)
            ORDER BY timestamp DESC, id DESC LIMIT $5
            """,
            [new NpgsqlParameter { Value = from.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz },
             new NpgsqlParameter { Value = AuditEvents.Prefix, NpgsqlDbType = NpgsqlDbType.Text },
             new NpgsqlParameter { Value = AuditEvents.CleanupRun, NpgsqlDbType = NpgsqlDbType.Text },
             new NpgsqlParameter { Value = (object?)service ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
             new NpgsqlParameter { Value = limit }],
            ReadLog, cancellationToken);

    /// <summary>
    /// A page of logs matching <paramref name="filter"/>, newest first (by time, then id), at most <paramref name="limit"/>
    /// rows, older than <paramref name="before"/> when given (pass the last row of the previous page). Uses
    /// <c>idx_…_timestamp</c>; the other conditions filter within the time range.
    /// </summary>
    /// <param name="filter">What to return.</param>
    /// <param name="limit">1 to 10,000 rows.</param>
    /// <param name="before">The last row of the previous page, or null for the newest.</param>
    /// <param name="withMetadata">Also return each row's <c>metadata</c> JSON.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<LogEntry>> LogsAsync(LogFilter filter, int limit, LogEntry? before = null, bool withMetadata = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 10_000);
        var parameters = new List<NpgsqlParameter>();
        var where = FilterSql.Where(filter, parameters);
        if (before is not null)
        {
            parameters.Add(new NpgsqlParameter { Value = before.Timestamp.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            parameters.Add(new NpgsqlParameter { Value = before.Id });
            // The row comparison pages exactly; the plain bound lets the timestamp index start at the page.
            where += $" AND (timestamp, id) < (${parameters.Count - 1}, ${parameters.Count}) AND timestamp <= ${parameters.Count - 1}";
        }

        var metadata = withMetadata ? "metadata::text" : "NULL::text";
        parameters.Add(new NpgsqlParameter { Value = limit });
        // Each table is ordered and cut on its own: there PostgreSQL walks the timestamp index backwards across the
        // partitions and stops after the page (1 ms at 10M rows). Over the union it would sort every row of the range.
        var order = $"ORDER BY timestamp DESC, id DESC LIMIT ${parameters.Count}";
        var sql = $"SELECT {LogColumns}, {metadata}, false AS archived FROM {_tables.Active} WHERE {where} {order}";
        if (filter.IncludeArchive)
        {
            sql = $"({sql}) UNION ALL (SELECT {LogColumns}, {metadata}, true FROM {_tables.Archive} WHERE {where} {order}) {order}";
        }

        return await ReadAsync(sql, parameters, ReadLog, cancellationToken);
    }

    /// <summary>
    /// Logs matching <paramref name="filter"/> stored after row <paramref name="afterId"/>, in the order they were stored,
    /// at most <paramref name="limit"/>: what a follower polls for.
    /// </summary>
    public Task<IReadOnlyList<LogEntry>> LogsAfterAsync(LogFilter filter, long afterId, int limit = 1000, bool withMetadata = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var parameters = new List<NpgsqlParameter>();
        var where = FilterSql.Where(filter, parameters);
        parameters.Add(new NpgsqlParameter { Value = afterId });
        parameters.Add(new NpgsqlParameter { Value = limit });
        var metadata = withMetadata ? "metadata::text" : "NULL::text";
        return ReadAsync($"SELECT {LogColumns}, {metadata}, false FROM {_tables.Active} WHERE {where} AND id > ${parameters.Count - 1} " +
            $"ORDER BY id LIMIT ${parameters.Count}",
            parameters, ReadLog, cancellationToken);
    }

    /// <summary>How many logs match <paramref name="filter"/>.</summary>
    public async Task<long> CountAsync(LogFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var parameters = new List<NpgsqlParameter>();
        var where = FilterSql.Where(filter, parameters);
        var sql = filter.IncludeArchive
            ? $"SELECT (SELECT count(*) FROM {_tables.Active} WHERE {where}) + (SELECT count(*) FROM {_tables.Archive} WHERE {where})"
            : $"SELECT count(*) FROM {_tables.Active} WHERE {where}";
        return (await ReadAsync(sql, parameters, r => r.GetInt64(0), cancellationToken))[0];
    }

    /// <summary>
    /// Every log of one correlation ID, active and archived, in time order (<c>idx_…_correlation</c>), and the trades whose
    /// trade ID or correlation ID it is (<c>idx_trading_logs_trade_id</c>, <c>idx_trading_logs_correlation</c>).
    /// </summary>
    public async Task<(IReadOnlyList<LogEntry> Logs, IReadOnlyList<TradeEntry> Trades)> TraceAsync(string correlationId,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(correlationId);
        var logs = await ReadAsync($"""
            SELECT {LogColumns}, NULL::text, false FROM {_tables.Active} WHERE correlation_id = $1
            UNION ALL
            SELECT {LogColumns}, NULL::text, true FROM {_tables.Archive} WHERE correlation_id = $1
            ORDER BY timestamp, id
            """, [new NpgsqlParameter { Value = correlationId }], ReadLog, cancellationToken);
        var trades = await ReadAsync($"SELECT {TradeColumns} FROM {LogTables.Trading} WHERE trade_id = $1 OR correlation_id = $1 ORDER BY timestamp",
            [new NpgsqlParameter { Value = correlationId }], r => ReadTrade(r, 0), cancellationToken);
        return (logs, trades);
    }

    /// <summary>Events per service and level in the filter's range (<c>idx_…_timestamp</c>).</summary>
    public Task<IReadOnlyList<ServiceLevelCount>> CountsByServiceAndLevelAsync(LogFilter filter, CancellationToken cancellationToken = default) =>
        Grouped(filter, "service, level, count(*)", "GROUP BY service, level ORDER BY service, level",
            r => new ServiceLevelCount(r.GetString(0), r.GetString(1), r.GetInt64(2)), cancellationToken);

    /// <summary>Per service: events, ERROR and CRITICAL events, and their share in percent, in the filter's range.</summary>
    public Task<IReadOnlyList<ServiceErrorRate>> ErrorRatesAsync(LogFilter filter, CancellationToken cancellationToken = default) =>
        Grouped(filter, """
            service, count(*), count(*) FILTER (WHERE level IN ('ERROR', 'CRITICAL')),
            round(100.0 * count(*) FILTER (WHERE level IN ('ERROR', 'CRITICAL')) / count(*), 2)
            """, "GROUP BY service ORDER BY service",
            r => new ServiceErrorRate(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetDecimal(3)), cancellationToken);

    /// <summary>The <paramref name="top"/> most frequent event types in the filter's range.</summary>
    public Task<IReadOnlyList<EventTypeCount>> BusiestEventTypesAsync(LogFilter filter, int top = 10, CancellationToken cancellationToken = default) =>
        Grouped(filter, "coalesce(event_type, '(none)'), count(*)",
            $"GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {Math.Clamp(top, 1, 1000).ToString(CultureInfo.InvariantCulture)}",
            r => new EventTypeCount(r.GetString(0), r.GetInt64(1)), cancellationToken);

    /// <summary>
    /// Per service and operation since <paramref name="from"/>: calls, mean and percentiles of execution time, memory and
    /// CPU (<c>idx_performance_logs_service</c> when a service is given, else <c>idx_performance_logs_timestamp</c>).
    /// Times come from <c>execution_time_us</c> where it is stored (to the microsecond), else <c>execution_time_ms</c>.
    /// CPU is averaged over samples of at least <see cref="MinimumCpuSampleMs"/>: a shorter operation's CPU percentage is noise.
    /// </summary>
    public Task<IReadOnlyList<OperationPerformance>> PerformanceAsync(DateTimeOffset from, string? service = null,
        CancellationToken cancellationToken = default) =>
        ReadAsync($"""
            WITH timed AS (
                SELECT service, operation, memory_usage_mb, cpu_usage_percent,
                       coalesce(execution_time_us / 1000.0, execution_time_ms)::double precision AS ms
                FROM {LogTables.Performance}
                WHERE timestamp >= $1 AND ($2::text IS NULL OR service = $2))
            SELECT service, operation, count(*),
                   round(avg(ms)::numeric, 3),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY ms),
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY ms),
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY ms),
                   max(ms), round(avg(memory_usage_mb), 1),
                   round(avg(cpu_usage_percent) FILTER (WHERE ms >= {MinimumCpuSampleMs}), 2)
            FROM timed
            GROUP BY service, operation ORDER BY service, operation
            """,
            [new NpgsqlParameter { Value = from.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new NpgsqlParameter { Value = (object?)service ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text }],
            r => new OperationPerformance(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt64(2), Nullable<decimal>(r, 3),
                Micros(r, 4), Micros(r, 5), Micros(r, 6), Micros(r, 7), Nullable<decimal>(r, 8), Nullable<decimal>(r, 9)),
            cancellationToken);

    /// <summary>
    /// Trades since <paramref name="from"/>, newest first, each joined with the logs of its trade ID (the design's second
    /// query), at most <paramref name="limit"/> rows (<c>idx_trading_logs_symbol</c>, <c>idx_…_correlation</c>).
    /// </summary>
    /// <param name="from">The oldest trade time.</param>
    /// <param name="symbol">Only this symbol; null for all.</param>
    /// <param name="service">Only the logs this service wrote about each trade; null for every service.</param>
    /// <param name="limit">The most rows returned (a trade with three logs is three rows).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public Task<IReadOnlyList<TradeWithLog>> TradesWithLogsAsync(DateTimeOffset from, string? symbol, string? service, int limit,
        CancellationToken cancellationToken = default) =>
        ReadAsync($"""
            SELECT t.timestamp, t.trade_id, t.symbol, t.side, t.quantity, t.price, t.strategy, t.execution_time_ms, t.status, t.error_message,
                   t.correlation_id, s.timestamp, s.service, s.level, s.message
            FROM {LogTables.Trading} t
            JOIN {_tables.Active} s ON t.trade_id = s.correlation_id
            WHERE ($1::text IS NULL OR t.symbol = $1) AND t.timestamp >= $2 AND ($4::text IS NULL OR s.service = $4)
            ORDER BY t.timestamp DESC, t.trade_id, s.timestamp
            LIMIT $3
            """,
            [new NpgsqlParameter { Value = (object?)symbol ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
             new NpgsqlParameter { Value = from.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz }, new NpgsqlParameter { Value = limit },
             new NpgsqlParameter { Value = (object?)service ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text }],
            r => new TradeWithLog(ReadTrade(r, 0), Utc(r, 11), r.GetString(12), r.GetString(13), r.IsDBNull(14) ? null : r.GetString(14)),
            cancellationToken);

    /// <summary>Trades whose trade ID starts with <paramref name="tradeIdPrefix"/> (<c>idx_trading_logs_trade_id</c>), oldest first.</summary>
    public Task<IReadOnlyList<TradeEntry>> TradesByIdPrefixAsync(string tradeIdPrefix, int limit, CancellationToken cancellationToken = default) =>
        ReadAsync($"SELECT {TradeColumns} FROM {LogTables.Trading} WHERE starts_with(trade_id, $1) ORDER BY timestamp LIMIT $2",
            [new NpgsqlParameter { Value = tradeIdPrefix, NpgsqlDbType = NpgsqlDbType.Text }, new NpgsqlParameter { Value = limit }],
            r => ReadTrade(r, 0), cancellationToken);

    /// <summary>How many trades have a trade ID starting with <paramref name="tradeIdPrefix"/>.</summary>
    public async Task<long> CountTradesAsync(string tradeIdPrefix, CancellationToken cancellationToken = default) =>
        (await ReadAsync($"SELECT count(*) FROM {LogTables.Trading} WHERE starts_with(trade_id, $1)",
            [new NpgsqlParameter { Value = tradeIdPrefix, NpgsqlDbType = NpgsqlDbType.Text }], r => r.GetInt64(0), cancellationToken))[0];

    /// <summary>How many performance rows carry the structured property <paramref name="name"/> = <paramref name="value"/>.</summary>
    public async Task<long> CountPerformanceAsync(string name, string value, CancellationToken cancellationToken = default) =>
        (await ReadAsync($"SELECT count(*) FROM {LogTables.Performance} WHERE metadata->'properties'->>$1 = $2",
            [new NpgsqlParameter { Value = name, NpgsqlDbType = NpgsqlDbType.Text }, new NpgsqlParameter { Value = value, NpgsqlDbType = NpgsqlDbType.Text }],
            r => r.GetInt64(0), cancellationToken))[0];

    /// <summary>
    /// Runs <paramref name="select"/> over the rows matching <paramref name="filter"/> (columns service, level, event_type),
    /// from the active table and, when the filter asks, the archive too.
    /// </summary>
    private Task<IReadOnlyList<T>> Grouped<T>(LogFilter filter, string select, string tail, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var parameters = new List<NpgsqlParameter>();
        var where = FilterSql.Where(filter, parameters);
        var source = filter.IncludeArchive
            ? $"(SELECT service, level, event_type FROM {_tables.Active} WHERE {where} " +
              $"UNION ALL SELECT service, level, event_type FROM {_tables.Archive} WHERE {where}) e"
            : $"{_tables.Active} WHERE {where}";
        return ReadAsync($"SELECT {select} FROM {source} {tail}", parameters, read, cancellationToken);
    }

    private async Task<IReadOnlyList<T>> ReadAsync<T>(string sql, List<NpgsqlParameter> parameters, Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static LogEntry ReadLog(NpgsqlDataReader r) => new(r.GetInt64(0), Utc(r, 1), r.GetString(2), r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7), r.GetBoolean(8));

    private static TradeEntry ReadTrade(NpgsqlDataReader r, int o) => new(Utc(r, o), Text(r, o + 1), Text(r, o + 2), Text(r, o + 3),
        Nullable<decimal>(r, o + 4), Nullable<decimal>(r, o + 5), Text(r, o + 6), Nullable<int>(r, o + 7), Text(r, o + 8), Text(r, o + 9), Text(r, o + 10));

    private static DateTimeOffset Utc(NpgsqlDataReader r, int i) => new(DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc));

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>A duration in milliseconds to the microsecond it was measured in (percentiles interpolate past it).</summary>
    private static double? Micros(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : Math.Round(r.GetDouble(i), 3);

    private static T? Nullable<T>(NpgsqlDataReader r, int i)
        where T : struct => r.IsDBNull(i) ? null : r.GetFieldValue<T>(i);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
