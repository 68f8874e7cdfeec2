using System.Diagnostics;
using Npgsql;
using TradingLog.Benchmarks.Charts;
using TradingLog.Benchmarks.Reporting;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Benchmarks.Queries;

/// <summary>
/// Latency of the design's three analysis queries, run verbatim, and of what <c>tradelog trace</c> runs, over a week of
/// N rows in <c>system_logs</c> (the design's indexes, daily partitions), N/10 trades and N/10 performance rows. Each
/// correlation ID has ten log rows; a fiftieth of the trades are AAPL.
/// </summary>
internal static class QueryBenchmark
{
    private const int Days = 7;
    private const int Warmup = 3;

    // Ten log rows per trade: trade_12345 needs row 123,450 to 123,459.
    private const int MinimumRows = 123_460;

    private static readonly (string Name, string Sql, bool TakesParameter)[] Queries =
    [
        ("design 1: logs of one trade (correlation_id)", """
            SELECT * FROM system_logs 
            WHERE correlation_id = 'trade_12345'
            ORDER BY timestamp;
            """, false),
        ("design 2: AAPL trades joined with their logs", """
            SELECT t.*, s.message, s.level
            FROM trading_logs t
            JOIN system_logs s ON t.trade_id = s.correlation_id
            WHERE t.symbol = 'AAPL';
            """, false),
        ("design 3: average execution time per service, last day", """
            SELECT service, AVG(execution_time_ms) as avg_time
            FROM performance_logs 
            WHERE timestamp > NOW() - INTERVAL '1 day'
            GROUP BY service;
            """, false),
    ];

    /// <summary>What <c>tradelog trace</c> runs: the read side's trace (logs active and archived, and the trades).</summary>
    private const string TraceName = "tradelog trace: logs (active + archived) and trades";

    public static async Task<int> RunAsync(bool quick, int? rowsOption, string? output, string? json)
    {
        var rows = rowsOption ?? (quick ? 1_000_000 : 10_000_000);
        if (rows < MinimumRows)
        {
            Console.Error.WriteLine($"queries needs --rows {MinimumRows:N0} or more, so that trade_12345, which the design's first query names, exists");
            return 2;
        }

        var runs = quick ? 20 : 50;
        var database = await BenchDatabase.StartAsync();
        var connectionString = await database.FreshAsync("bench_queries");
        Console.WriteLine($"Seeding {rows:N0} log rows, {rows / 10:N0} trades and {rows / 10:N0} performance rows over {Days} days…");
        var seeding = Stopwatch.StartNew();
        await SeedAsync(connectionString, rows);
        Console.WriteLine($"  seeded in {seeding.Elapsed.TotalSeconds:N0} s");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var queries = new LogQueries(NpgsqlDataSource.Create(connectionString), TradingLog.PostgreSql.Schema.LogTables.Default);
        var measured = Queries.Select(q => (q.Name, Run: (Func<string, Task<long>>)(id => ReadAllAsync(connection, q.Sql, q.TakesParameter ? id : null))))
            .Append((TraceName, async id =>
            {
                var (logs, trades) = await queries.TraceAsync(id);
                return logs.Count + trades.Count;
            }));
        var results = new List<(string Name, long Rows, double Median, double P95, double Max)>();
        foreach (var (name, run) in measured)
        {
            var times = new List<double>();
            long returned = 0;
            for (var attempt = 0; attempt < Warmup + runs; attempt++)
            {
                // A different trade each run for the parameterised queries, so no run is served from a warm row.
                var correlationId = $"trade_{(12345L + attempt * 7919L) % (rows / 10)}";
                var clock = Stopwatch.StartNew();
                returned = await run(correlationId);
                clock.Stop();
                if (attempt >= Warmup)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            if (returned == 0)
            {
                throw new InvalidOperationException($"{name} returned no rows; the seed does not match the query");
            }

            times.Sort();
            results.Add((name, returned, times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1], times[^1]));
            Console.WriteLine($"  {name}: median {times[times.Count / 2]:N2} ms ({returned:N0} rows)");
        }

        var report = new MarkdownReport(
            $"Query latency over {rows:N0} rows in system_logs ({(quick ? "quick" : "full")} mode, {runs} runs each after {Warmup} warm-up, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd})",
            "query", "rows returned", "median", "p95", "max");
        foreach (var r in results)
        {
            report.Row($"{r.Name}", $"{r.Rows:N0}", $"{r.Median:N2} ms", $"{r.P95:N2} ms", $"{r.Max:N2} ms");
        }

        await report.PublishAsync(output);
        if (json is not null)
        {
            await new BenchmarkFigures("queries", $"Query latency over {rows:N0} rows in system_logs (median of {runs} runs)", "milliseconds", true,
                [.. results.SelectMany(r => new[]
                {
                    new BarFigure(ShortName(r.Name), "median", Math.Round(r.Median, 2)),
                    new BarFigure(ShortName(r.Name), "p95", Math.Round(r.P95, 2)),
                })]).SaveAsync(json);
        }

        return 0;
    }

    private static string ShortName(string name) => name.Split(':')[0];

    private static async Task<long> ReadAllAsync(NpgsqlConnection connection, string sql, string? parameter)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using var reader = await command.ExecuteReaderAsync();
        long count = 0;
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            count++;
        }

        return count;
    }

    private static async Task SeedAsync(string connectionString, int rows)
    {
        var trades = rows / 10;
        var span = $"{Days} * interval '1 day'";
        await BenchDatabase.ExecuteAsync(connectionString, $"""
            SELECT tradelog_ensure_partitions((now() - {span})::date, now()::date);
            INSERT INTO system_logs (timestamp, service, level, event_type, message, correlation_id, metadata)
            SELECT now() - {span} + (i * {span} / {rows}),
                   (ARRAY['data_ingestion','strategy_engine','execution','risk_management','analytics','notification'])[1 + i % 6],
                   (ARRAY['INFO','INFO','INFO','DEBUG','WARNING','ERROR'])[1 + i % 6], NULL,
                   'Order ' || i || ' for AAPL filled at 189.25', 'trade_' || (i / 10),
                   jsonb_build_object('category', 'System', 'properties', jsonb_build_object('OrderId', i))
            FROM generate_series(0, {rows - 1}) i;
            INSERT INTO trading_logs (timestamp, trade_id, symbol, side, quantity, price, strategy, execution_time_ms, status, correlation_id)
            SELECT now() - {span} + (j * 10 * {span} / {rows}), 'trade_' || j,
                   'SYM' || (j % 50), (ARRAY['BUY','SELL'])[1 + j % 2], 100, 189.25, 'momentum', j % 40, 'FILLED', 'trade_' || j
            FROM generate_series(0, {trades - 1}) j;
            UPDATE trading_logs SET symbol = 'AAPL' WHERE symbol = 'SYM0';
            INSERT INTO performance_logs (timestamp, service, operation, execution_time_ms, memory_usage_mb, cpu_usage_percent, metadata)
            SELECT now() - {span} + (k * 10 * {span} / {rows}),
                   (ARRAY['data_ingestion','strategy_engine','execution','risk_management','analytics','notification'])[1 + k % 6],
                   'place_order', k % 100, 64, 12.5, jsonb_build_object()
            FROM generate_series(0, {trades - 1}) k;
            VACUUM ANALYZE;
            CHECKPOINT;
            """);
    }
}
