namespace TradingLog.PostgreSql.Queries;

/// <summary>
/// The SQL behind <c>tradelog trace</c>: every log of one correlation ID, active and archived, in time order, and the
/// trades it names. Shared with the query-latency benchmark so that the benchmark measures what the command runs.
/// </summary>
internal static class TraceQueries
{
    /// <summary>Logs of correlation ID <c>$1</c> from <c>system_logs</c> and <c>archived_system_logs</c>.</summary>
    public const string Logs = """
        SELECT timestamp, service, level, event_type, message, false AS archived FROM system_logs WHERE correlation_id = $1
        UNION ALL
        SELECT timestamp, service, level, event_type, message, true FROM archived_system_logs WHERE correlation_id = $1
        ORDER BY timestamp
        """;

    /// <summary>Trades whose trade ID or correlation ID is <c>$1</c>.</summary>
    public const string Trades = """
        SELECT timestamp, trade_id, symbol, side, quantity, price, strategy, execution_time_ms, status, error_message
        FROM trading_logs WHERE trade_id = $1 OR correlation_id = $1 ORDER BY timestamp
        """;
}
