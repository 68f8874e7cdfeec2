using Npgsql;

namespace TradingLog.PostgreSql.Queries;

public sealed partial class LogQueries
{
    /// <summary>The statuses counted as failures besides any row with an <c>error_message</c>.</summary>
    private const string FailedTrade = "(error_message IS NOT NULL OR upper(status) IN ('REJECTED', 'FAILED', 'ERROR', 'CANCELLED'))";

    /// <summary>
    /// Trades in [<paramref name="from"/>, <paramref name="to"/>), newest first, at most <paramref name="limit"/>
    /// (<c>idx_trading_logs_timestamp</c>, or <c>idx_trading_logs_symbol</c> with a symbol).
    /// </summary>
    /// <param name="from">The range's start.</param>
    /// <param name="to">The range's end (exclusive); pass the last row's time to page on.</param>
    /// <param name="symbol">Only this symbol, ignoring case; null for all.</param>
    /// <param name="status">Only this status, ignoring case; null for all.</param>
    /// <param name="limit">1 to 10,000 rows.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public Task<IReadOnlyList<TradeEntry>> TradesAsync(DateTimeOffset from, DateTimeOffset to, string? symbol, string? status, int limit,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 10_000);
        return ReadAsync($"""
            SELECT {TradeColumns} FROM {Schema.LogTables.Trading}
            WHERE timestamp >= $1 AND timestamp < $2 AND ($3::text IS NULL OR symbol = upper($3)) AND ($4::text IS NULL OR upper(status) = upper($4))
            ORDER BY timestamp DESC LIMIT $5
            """,
            [Time(from), Time(to), OptionalText(symbol), OptionalText(status), new NpgsqlParameter { Value = limit }],
            r => ReadTrade(r, 0), cancellationToken);
    }

    /// <summary>Trades per time bucket and status in the range (<c>idx_trading_logs_timestamp</c>).</summary>
    public Task<IReadOnlyList<StatusBucket>> TradesOverTimeAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan bucket,
        CancellationToken cancellationToken = default)
    {
        CheckBucket(bucket);
        return ReadAsync($"""
            SELECT date_bin($3, timestamp, {BucketOrigin}), coalesce(status, '(none)'), count(*)
            FROM {Schema.LogTables.Trading} WHERE timestamp >= $1 AND timestamp < $2
            GROUP BY 1, 2 ORDER BY 1, 2
            """,
            [Time(from), Time(to), Interval(bucket)], r => new StatusBucket(Utc(r, 0), r.GetString(1), r.GetInt64(2)), cancellationToken);
    }

    /// <summary>Why trades were rejected or failed in the range, most frequent first, at most <paramref name="top"/> reasons.</summary>
    public Task<IReadOnlyList<ReasonCount>> RejectionReasonsAsync(DateTimeOffset from, DateTimeOffset to, int top = 10,
        CancellationToken cancellationToken = default) =>
        ReadAsync($"""
            SELECT coalesce(error_message, '(none)'), count(*) FROM {Schema.LogTables.Trading}
            WHERE timestamp >= $1 AND timestamp < $2 AND {FailedTrade}
            GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT $3
            """,
            [Time(from), Time(to), new NpgsqlParameter { Value = Math.Clamp(top, 1, 1000) }],
            r => new ReasonCount(r.GetString(0), r.GetInt64(1)), cancellationToken);

    /// <summary>
    /// The trades of the range whose events span the longest time across services (first to last event of the trade ID
    /// as correlation ID), slowest first, with that span in milliseconds.
    /// </summary>
    public Task<IReadOnlyList<SlowTrade>> SlowestTradesAsync(DateTimeOffset from, DateTimeOffset to, int top,
        CancellationToken cancellationToken = default) =>
        ReadAsync($"""
            WITH trades AS (
                SELECT DISTINCT ON (trade_id) {TradeColumns} FROM {Schema.LogTables.Trading}
                WHERE timestamp >= $1 AND timestamp < $2 AND trade_id IS NOT NULL ORDER BY trade_id, timestamp DESC),
            spans AS (
                SELECT s.correlation_id, extract(epoch FROM max(s.timestamp) - min(s.timestamp)) * 1000 AS span_ms
                FROM {_tables.Active} s JOIN trades t ON s.correlation_id = t.trade_id
                WHERE s.timestamp >= $1 - interval '1 minute' AND s.timestamp < $2 + interval '1 minute'
                GROUP BY s.correlation_id)
            SELECT t.timestamp, t.trade_id, t.symbol, t.side, t.quantity, t.price, t.strategy, t.execution_time_ms, t.status, t.error_message,
                   t.correlation_id, s.span_ms::double precision
            FROM trades t JOIN spans s ON s.correlation_id = t.trade_id
            ORDER BY s.span_ms DESC LIMIT $3
            """,
            [Time(from), Time(to), new NpgsqlParameter { Value = Math.Clamp(top, 1, 100) }],
            r => new SlowTrade(ReadTrade(r, 0), Math.Round(r.GetDouble(11), 3)), cancellationToken);
}
