namespace TradingLog.Benchmarks.Dashboard;

/// <summary>
/// A week of a trading system's logs, generated in the server: N rows in <c>system_logs</c> with the six services, levels
/// and event types in realistic proportions, trade flows of five events across four services (one correlation ID each),
/// a heartbeat per service every 30 s, N/10 trades (a twentieth rejected, a fiftieth failed) and N/10 performance rows with
/// microsecond durations.
/// </summary>
internal static class DashboardSeed
{
    public const int Days = 7;

    public static Task SeedAsync(string connectionString, int rows)
    {
        var trades = rows / 10;
        var span = $"{Days} * interval '1 day'";
        var heartbeats = Days * 24 * 3600 / 30;
        return BenchDatabase.ExecuteAsync(connectionString, $"""
            SELECT tradelog_ensure_partitions((now() - {span})::date, now()::date);
            INSERT INTO system_logs (timestamp, service, level, event_type, message, correlation_id, metadata)
            SELECT now() - {span} + (i * {span} / {rows}),
                   CASE WHEN i % 10 < 5 THEN (ARRAY['strategy_engine','execution','risk_management','execution','analytics'])[1 + i % 5]
                        ELSE (ARRAY['data_ingestion','strategy_engine','notification','data_ingestion','analytics'])[1 + i % 5] END,
                   (ARRAY['INFO','INFO','DEBUG','INFO','INFO','DEBUG','INFO','WARNING','INFO','INFO','INFO','INFO','DEBUG','INFO','INFO','INFO',
                          'INFO','INFO','INFO','ERROR'])[1 + i % 20],
                   CASE WHEN i % 10 = 1 THEN 'trade' WHEN i % 10 = 3 THEN 'performance' ELSE NULL END,
                   'Order ' || i || ' for ' || (ARRAY['AAPL','MSFT','GOOG','NVDA','AMZN'])[1 + (i / 10) % 5] || ' at 189.25 (step ' || (i % 10) || ')',
                   CASE WHEN i % 10 < 5 THEN 'trade_' || (i / 10) ELSE 'tick_' || (i / 10) END,
                   jsonb_build_object('category', CASE WHEN i % 10 = 1 THEN 'Trading' ELSE 'System' END,
                       'caller', jsonb_build_object('type', 'TradingSystem.TradingService', 'member', 'PlaceOrderAsync', 'line', 140),
                       'properties', jsonb_build_object('Symbol', (ARRAY['AAPL','MSFT','GOOG','NVDA','AMZN'])[1 + (i / 10) % 5], 'OrderId', i))
            FROM generate_series(0, {rows - 1}) i;
            INSERT INTO system_logs (timestamp, service, level, event_type, message, metadata)
            SELECT now() - {span} + h * interval '30 seconds', s, 'INFO', 'health.heartbeat', 'Heartbeat of ' || s,
                   jsonb_build_object('category', 'System', 'properties', jsonb_build_object('ProcessId', 1000 + n, 'Host', 'bench', 'Queued', h % 7,
                       'Spooled', 0, 'Dropped', 0, 'DeadLettered', 0, 'Written', h * 100, 'WorkingSetMb', 120.5, 'CpuPercent', 12.5))
            FROM generate_series(0, {heartbeats}) h,
                 unnest(ARRAY['data_ingestion','strategy_engine','execution','risk_management','analytics','notification']) WITH ORDINALITY AS x(s, n);
            INSERT INTO trading_logs (timestamp, trade_id, symbol, side, quantity, price, strategy, execution_time_ms, status, error_message, correlation_id)
            SELECT now() - {span} + (j * 10 * {span} / {rows}) + interval '1 millisecond', 'trade_' || j,
                   (ARRAY['AAPL','MSFT','GOOG','NVDA','AMZN'])[1 + j % 5], (ARRAY['BUY','SELL'])[1 + j % 2], 100, 189.25, 'momentum', j % 40,
                   CASE WHEN j % 20 = 0 THEN 'REJECTED' WHEN j % 50 = 7 THEN 'FAILED' ELSE 'FILLED' END,
                   CASE WHEN j % 20 = 0 THEN 'risk limit breached' WHEN j % 50 = 7 THEN 'broker gateway returned 503' END, 'trade_' || j
            FROM generate_series(0, {trades - 1}) j;
            INSERT INTO performance_logs (timestamp, service, operation, execution_time_ms, execution_time_us, memory_usage_mb, cpu_usage_percent, metadata)
            SELECT now() - {span} + (k * 10 * {span} / {rows}),
                   (ARRAY['data_ingestion','strategy_engine','execution','risk_management','analytics','notification'])[1 + k % 6],
                   (ARRAY['fetch_market_data','compute_signal','place_order','check_limits','update_pnl','send_notice'])[1 + k % 6],
                   (k * 37 % 50000) / 1000, 50 + (k * 37 % 50000), 100 + k % 40, 12.5, jsonb_build_object()
            FROM generate_series(0, {trades - 1}) k;
            VACUUM ANALYZE;
            CHECKPOINT;
            """);
    }
}
