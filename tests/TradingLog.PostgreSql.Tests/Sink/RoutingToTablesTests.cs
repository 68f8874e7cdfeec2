using System.Text.Json;
using Serilog.Events;
using TradingLog.Correlation;
using TradingLog.PostgreSql.Sink;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Sink;

public sealed class RoutingToTablesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RowsLandInTheRightTablesWithTheRightColumns()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        using (var host = DatabasePipeline.Create("execution", db.ConnectionString, _folder))
        {
            var log = host.ForContext<RoutingToTablesTests>();
            using (CorrelationContext.BeginTrade("trade_12345"))
            {
                log.Info("Order {OrderId} placed for {Symbol}", 42, "AAPL");
                log.Trade(new TradeRecord
                {
                    TradeId = "trade_12345", Symbol = "AAPL", Side = "BUY", Quantity = 100, Price = 189.25m,
                    Strategy = "momentum", ExecutionTimeMs = 12, Status = "FILLED",
                });
                log.Error(new InvalidOperationException("broker down"), "Order {OrderId} failed", 43);
            }

            log.Performance(new PerformanceRecord { Operation = "place_order", ExecutionTimeMs = 12.6, MemoryUsageMb = 80, CpuUsagePercent = 3.5 });
            log.Debug("below the service level");
        }

        var system = await db.QueryAsync("SELECT * FROM system_logs ORDER BY id");
        Assert.Equal(4, system.Count);
        Assert.All(system, r => Assert.Equal("execution", r["service"]));
        Assert.Equal(["INFO", "INFO", "ERROR", "INFO"], system.Select(r => r["level"]));
        Assert.Equal("Order 42 placed for AAPL", system[0]["message"]);
        Assert.Equal("trade_12345", system[0]["correlation_id"]);
        Assert.Equal([null, "trade", null, "performance"], system.Select(r => r["event_type"]));
        Assert.Equal(DateTimeKind.Utc, ((DateTime)system[0]["timestamp"]!).Kind);

        using var metadata = JsonDocument.Parse((string)system[0]["metadata"]!);
        Assert.Equal(42, metadata.RootElement.GetProperty("properties").GetProperty("OrderId").GetInt32());
        Assert.Equal("System", metadata.RootElement.GetProperty("category").GetString());
        Assert.Equal(nameof(RowsLandInTheRightTablesWithTheRightColumns), metadata.RootElement.GetProperty("caller").GetProperty("member").GetString());
        using var error = JsonDocument.Parse((string)system[2]["metadata"]!);
        Assert.Equal("broker down", error.RootElement.GetProperty("exception").GetProperty("message").GetString());

        var trade = Assert.Single(await db.QueryAsync("SELECT * FROM trading_logs"));
        Assert.Equal(("trade_12345", "AAPL", "BUY", 100m, 189.25m, "momentum", 12, "FILLED", "trade_12345"),
            (trade["trade_id"], trade["symbol"], trade["side"], trade["quantity"], trade["price"], trade["strategy"], trade["execution_time_ms"], trade["status"], trade["correlation_id"]));
        Assert.Null(trade["error_message"]);

        var performance = Assert.Single(await db.QueryAsync("SELECT * FROM performance_logs"));
        Assert.Equal(("execution", "place_order", 13, 80, 3.5m), (performance["service"], performance["operation"], performance["execution_time_ms"], performance["memory_usage_mb"], performance["cpu_usage_percent"]));
    }

    [Fact]
    public async Task TheDesignsAnalysisQueriesRunVerbatim()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        using (var execution = DatabasePipeline.Create("execution", db.ConnectionString, _folder))
        using (var risk = DatabasePipeline.Create("risk_management", db.ConnectionString, _folder))
        {
            using (CorrelationContext.BeginTrade("trade_12345"))
            {
                execution.Logger.Info("Placing order");
                risk.Logger.Warning("Position limit at {Percent}%", 95);
                execution.Logger.Trade(new TradeRecord { TradeId = "trade_12345", Symbol = "AAPL", Side = "BUY", Quantity = 10, Price = 190m, Status = "FILLED" });
            }

            execution.Logger.Trade(new TradeRecord { TradeId = "trade_2", Symbol = "MSFT", Side = "SELL", Quantity = 5, Price = 410m, Status = "FILLED" });
            execution.Logger.Performance(new PerformanceRecord { Operation = "place_order", ExecutionTimeMs = 10 });
            execution.Logger.Performance(new PerformanceRecord { Operation = "place_order", ExecutionTimeMs = 20 });
            risk.Logger.Performance(new PerformanceRecord { Operation = "check", ExecutionTimeMs = 100 }, LogEventLevel.Warning);
        }

        var byTrade = await db.QueryAsync("""
            SELECT * FROM system_logs 
            WHERE correlation_id = 'trade_12345'
            ORDER BY timestamp;
            """);
        Assert.Equal(["Placing order", "Position limit at 95%", "Trade trade_12345 BUY 10 AAPL @ 190 FILLED"], byTrade.Select(r => r["message"]));

        var joined = await db.QueryAsync("""
            SELECT t.*, s.message, s.level
            FROM trading_logs t
            JOIN system_logs s ON t.trade_id = s.correlation_id
            WHERE t.symbol = 'AAPL';
            """);
        Assert.Equal(3, joined.Count);
        Assert.All(joined, r => Assert.Equal("trade_12345", r["trade_id"]));

        var performance = await db.QueryAsync("""
            SELECT service, AVG(execution_time_ms) as avg_time
            FROM performance_logs 
            WHERE timestamp > NOW() - INTERVAL '1 day'
            GROUP BY service;
            """);
        Assert.Equal(15m, performance.Single(r => (string)r["service"]! == "execution")["avg_time"]);
        Assert.Equal(100m, performance.Single(r => (string)r["service"]! == "risk_management")["avg_time"]);
    }

    [Fact]
    public async Task SeveralWritersInParallelStoreEveryEventOnce()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        using (var host = DatabasePipeline.Create("execution", db.ConnectionString, _folder))
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() =>
            {
                for (var i = 0; i < 5000; i++)
                {
                    host.Logger.Info("writer {Writer} event {N}", w, i);
                }
            })));
            Assert.Equal(0, host.Component<DatabaseSinkMetrics>()!.Dropped);
        }

        Assert.Equal(20_000, await db.CountAsync("SELECT count(*) FROM system_logs"));
        Assert.Equal(20_000, await db.CountAsync("SELECT count(DISTINCT (metadata->'properties'->>'Writer', metadata->'properties'->>'N')) FROM system_logs"));
    }

    [Fact]
    public async Task MetricsCountWhatWasWritten()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        DatabaseSinkMetrics metrics;
        using (var host = DatabasePipeline.Create("execution", db.ConnectionString, _folder))
        {
            metrics = host.Component<DatabaseSinkMetrics>()!;
            for (var i = 0; i < 100; i++)
            {
                host.Logger.Info("event {N}", i);
            }
        }

        Assert.Equal(100, metrics.Written);
        Assert.Equal(0, metrics.Queued);
        Assert.Equal(0, metrics.Spooled);
        Assert.Null(metrics.LastError);
    }
}
