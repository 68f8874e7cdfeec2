using TradingLog.PostgreSql.Queries;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Queries;

/// <summary>The dashboard's questions of the read side, against rows whose answers are known.</summary>
public sealed class DashboardQueriesTests
{
    private static readonly DateTimeOffset T0 = new(DateTime.UtcNow.Date.AddHours(-3), TimeSpan.Zero);

    private static async Task<(Db Db, LogQueries Queries)> OpenAsync()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        var settings = new TradingLog.Configuration.TradingLogSettings();
        settings.Database.ConnectionString = db.ConnectionString;
        return (db, LogQueries.Open(await LogDatabase.ConnectAsync(settings, Path.GetTempPath()), statementTimeout: TimeSpan.FromSeconds(5)));
    }

    private static string At(double ms) => $"TIMESTAMPTZ '{T0:yyyy-MM-ddTHH:mm:ss}Z' + INTERVAL '{ms.ToString(System.Globalization.CultureInfo.InvariantCulture)} milliseconds'";

    [Fact]
    public async Task ServiceHopsFollowEachCorrelationsFirstArrivalsInTimeOrder()
    {
        var (db, queries) = await OpenAsync();
        await using var _ = queries;
        await db.ExecuteAsync($"""
            INSERT INTO system_logs (timestamp, service, level, message, correlation_id) VALUES
              ({At(0)}, 'strategy_engine', 'INFO', 'signal', 'c1'), ({At(10)}, 'execution', 'INFO', 'order', 'c1'),
              ({At(15)}, 'risk_management', 'INFO', 'check', 'c1'), ({At(20)}, 'execution', 'INFO', 'placed', 'c1'),
              ({At(21)}, 'execution', 'INFO', 'filled', 'c1'), ({At(30)}, 'notification', 'INFO', 'notice', 'c1'),
              ({At(100)}, 'strategy_engine', 'INFO', 'signal', 'c2'), ({At(105)}, 'execution', 'INFO', 'order', 'c2'),
              ({At(200)}, 'analytics', 'INFO', 'no correlation', NULL)
            """);

        var hops = await queries.ServiceHopsAsync(T0.AddMinutes(-1), T0.AddMinutes(1));

        var strategyToExecution = Assert.Single(hops, h => h is { From: "strategy_engine", To: "execution" });
        Assert.Equal(2, strategyToExecution.Count);
        Assert.Equal(2, strategyToExecution.Correlations);
        Assert.Equal(7.5, strategyToExecution.MedianMs, 3);
        Assert.Single(hops, h => h is { From: "execution", To: "risk_management", Count: 1, MedianMs: 5 });
        Assert.Single(hops, h => h is { From: "execution", To: "notification", Count: 1, MedianMs: 9 });
        // Risk management answering execution is a reply, not a flow.
        Assert.DoesNotContain(hops, h => h is { From: "risk_management", To: "execution" });
        Assert.Equal(3, hops.Count);
    }

    [Fact]
    public async Task HistogramCountsEveryEventOnceInItsBucketAndLevel()
    {
        var (db, queries) = await OpenAsync();
        await using var _ = queries;
        await db.ExecuteAsync($"""
            INSERT INTO system_logs (timestamp, service, level, message)
            SELECT {At(0)} + k * INTERVAL '10 seconds', 'execution', CASE WHEN k % 4 = 0 THEN 'ERROR' ELSE 'INFO' END, 'm' FROM generate_series(0, 35) k
            """);

        var buckets = await queries.HistogramAsync(new LogFilter { From = T0, To = T0.AddHours(1) }, TimeSpan.FromMinutes(1));

        Assert.Equal(36, buckets.Sum(b => b.Count));
        Assert.Equal(9, buckets.Where(b => b.Level == "ERROR").Sum(b => b.Count));
        Assert.Equal(6, buckets.Select(b => b.Start).Distinct().Count());
        Assert.All(buckets, b => Assert.Equal(0, b.Start.Second));
        Assert.Equal(6, buckets.Where(b => b.Start == T0).Sum(b => b.Count));
    }

    [Fact]
    public async Task LatencyPercentilesAndHeatmapUseTheMicrosecondDurations()
    {
        var (db, queries) = await OpenAsync();
        await using var _ = queries;
        // 100 operations of 10, 20 … 1000 µs; whole milliseconds alone would call most of them 0.
        await db.ExecuteAsync($"""
            INSERT INTO performance_logs (timestamp, service, operation, execution_time_ms, execution_time_us, memory_usage_mb, cpu_usage_percent)
            SELECT {At(0)} + k * INTERVAL '1 second', 'execution', 'place_order', (k * 10) / 1000, k * 10, 100 + k % 2, 10
            FROM generate_series(1, 100) k
            """);

        var points = await queries.LatencyOverTimeAsync(T0, T0.AddHours(1), TimeSpan.FromHours(1));
        var cells = await queries.LatencyHeatmapAsync(T0, T0.AddHours(1), TimeSpan.FromHours(1));
        var slowest = await queries.SlowestOperationsAsync(T0, T0.AddHours(1), 3);

        var point = Assert.Single(points);
        Assert.Equal(100, point.Count);
        Assert.Equal(0.505, point.P50Ms, 3);
        Assert.Equal(0.9505, point.P95Ms, 3);
        Assert.Equal(100, cells.Sum(c => c.Count));
        Assert.Equal(1, cells.Single(c => c.LowerMs == 0.008).Count); // 8-16 µs: 10
        Assert.Equal(2, cells.Single(c => c.LowerMs == 0.016).Count); // 16-32 µs: 20 and 30
        Assert.Equal(0.512, cells.Max(c => c.LowerMs)); // 512-1024 µs: 520 … 1000
        Assert.Equal([1.0, 0.99, 0.98], slowest.Select(s => s.DurationMs));
    }

    [Fact]
    public async Task TradesOverTimeReasonsAndTheSlowestTradeBySpan()
    {
        var (db, queries) = await OpenAsync();
        await using var _ = queries;
        await db.ExecuteAsync($"""
            INSERT INTO trading_logs (timestamp, trade_id, symbol, side, status, error_message, correlation_id) VALUES
              ({At(0)}, 't1', 'AAPL', 'BUY', 'FILLED', NULL, 't1'), ({At(1000)}, 't2', 'AAPL', 'SELL', 'REJECTED', 'risk limit breached', 't2'),
              ({At(2000)}, 't3', 'MSFT', 'BUY', 'REJECTED', 'risk limit breached', 't3'), ({At(70000)}, 't4', 'MSFT', 'BUY', 'FAILED', 'broker 503', 't4');
            INSERT INTO system_logs (timestamp, service, level, message, correlation_id) VALUES
              ({At(0)}, 'strategy_engine', 'INFO', 's', 't1'), ({At(40)}, 'analytics', 'INFO', 'a', 't1'),
              ({At(1000)}, 'strategy_engine', 'INFO', 's', 't2'), ({At(1500)}, 'execution', 'WARNING', 'rejected', 't2'),
              ({At(2000)}, 'strategy_engine', 'INFO', 's', 't3')
            """);

        var overTime = await queries.TradesOverTimeAsync(T0, T0.AddHours(1), TimeSpan.FromMinutes(1));
        var reasons = await queries.RejectionReasonsAsync(T0, T0.AddHours(1));
        var slowest = await queries.SlowestTradesAsync(T0, T0.AddHours(1), 2);
        var list = await queries.TradesAsync(T0, T0.AddHours(1), "aapl", null, 10);

        Assert.Equal(2, overTime.Single(b => b.Start == T0 && b.Status == "REJECTED").Count);
        Assert.Equal(1, overTime.Single(b => b.Start == T0.AddMinutes(1) && b.Status == "FAILED").Count);
        Assert.Equal([("risk limit breached", 2L), ("broker 503", 1L)], reasons.Select(r => (r.Reason, r.Count)));
        Assert.Equal(["t2", "t1"], slowest.Select(s => s.Trade.TradeId));
        Assert.Equal(500, slowest[0].SpanMs, 3);
        Assert.Equal(["t2", "t1"], list.Select(t => t.TradeId));
    }

    [Fact]
    public async Task ServiceActivityAndTheNewestHeartbeatOfEachProcess()
    {
        var (db, queries) = await OpenAsync();
        await using var _ = queries;
        await db.ExecuteAsync("""
            INSERT INTO system_logs (timestamp, service, level, event_type, message, metadata) VALUES
              (now() - INTERVAL '2 hours', 'analytics', 'INFO', NULL, 'old', NULL),
              (now() - INTERVAL '30 seconds', 'execution', 'ERROR', NULL, 'failed', NULL),
              (now() - INTERVAL '20 seconds', 'execution', 'INFO', 'health.heartbeat', 'hb', '{"properties": {"ProcessId": 1, "Host": "h", "Queued": 5}}'),
              (now() - INTERVAL '10 seconds', 'execution', 'INFO', 'health.heartbeat', 'hb', '{"properties": {"ProcessId": 1, "Host": "h", "Queued": 7}}'),
              (now() - INTERVAL '15 seconds', 'execution', 'INFO', 'health.heartbeat', 'hb', '{"properties": {"ProcessId": 2, "Host": "h", "Queued": 1}}')
            """);

        var activity = await queries.ServiceActivityAsync(DateTimeOffset.UtcNow.AddMinutes(-5));
        var heartbeats = await queries.LatestHeartbeatsAsync(DateTimeOffset.UtcNow.AddMinutes(-5));

        Assert.Equal(["analytics", "execution"], activity.Select(a => a.Service));
        Assert.Equal(0, activity[0].Events);
        Assert.True(activity[0].LastEvent < DateTimeOffset.UtcNow.AddHours(-1));
        Assert.Equal((4L, 1L), (activity[1].Events, activity[1].Errors));
        Assert.Equal(2, heartbeats.Count);
        Assert.Contains(heartbeats, h => h.Metadata!.Contains("\"Queued\": 7", StringComparison.Ordinal));
        Assert.DoesNotContain(heartbeats, h => h.Metadata!.Contains("\"Queued\": 5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TableSizesNameEveryLogTableWithItsPartitionsAhead()
    {
        var (_, queries) = await OpenAsync();
        await using var __ = queries;

        var tables = await queries.TableSizesAsync();

        Assert.Equal(["system_logs", "archived_system_logs", "trading_logs", "performance_logs"], tables.Select(t => t.Table));
        var active = tables[0];
        Assert.True(active.Partitions >= 2);
        Assert.True(active.LastDay >= DateOnly.FromDateTime(DateTime.UtcNow), $"last partition day {active.LastDay}");
    }

    [Fact]
    public async Task TheTailReadsNewRowsAndTheAwaitedOnes()
    {
        var (db, queries) = await OpenAsync();
        await using var _ = queries;
        await db.ExecuteAsync("INSERT INTO system_logs (id, timestamp, service, level, message) SELECT k, now(), 's', 'INFO', 'm' || k FROM generate_series(1, 10) k");

        var rows = await queries.TailAsync(7, [2, 4], 100);

        Assert.Equal([2L, 4, 8, 9, 10], rows.Select(r => r.Id));
        Assert.Equal(10, await queries.NewestIdAsync());
    }

    [Fact]
    public async Task AStatementPastTheTimeoutIsCancelledByTheServer()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        var settings = new TradingLog.Configuration.TradingLogSettings();
        settings.Database.ConnectionString = db.ConnectionString;
        await db.ExecuteAsync("""
            INSERT INTO system_logs (timestamp, service, level, message)
            SELECT now() - k * INTERVAL '1 millisecond', 'execution', 'INFO', repeat('x', 200) FROM generate_series(1, 300000) k
            """);
        await using var queries = LogQueries.Open(await LogDatabase.ConnectAsync(settings, Path.GetTempPath()), statementTimeout: TimeSpan.FromMilliseconds(1));

        var cancelled = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            queries.CountAsync(new LogFilter { Pattern = "(x+x+)+y" }));

        Assert.Equal("57014", cancelled.SqlState);
    }
}
