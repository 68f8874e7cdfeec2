using System.Text.Json;
using TradingLog.PostgreSql.Sink;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Sink;

public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private sealed class Node
    {
        public Node? Next { get; set; }

        public string Name { get; set; } = "n";
    }

    private sealed class ThrowingToString
    {
        public override string ToString() => throw new InvalidOperationException("nope");
    }

    [Fact]
    public async Task EveryKindOfBadInputIsStoredSanitisedAlongsideTheGoodRows()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        var cycle = new Node();
        cycle.Next = cycle;
        var deep = new Node();
        var cursor = deep;
        for (var i = 0; i < 100; i++)
        {
            cursor.Next = new Node();
            cursor = cursor.Next;
        }

        DatabaseSinkMetrics metrics;
        using (var host = DatabasePipeline.Create("execution", db.ConnectionString, _folder, s => s.Database.MaxMessageLength = 1000))
        {
            metrics = host.Component<DatabaseSinkMetrics>()!;
            var log = host.Logger;
            log.Info("good before");
            log.Info("nul in message \0 here");
            log.Info("nul in property {Value}", "a\0b");
            log.Info("unpaired surrogate {Value} \uD800 here", "x\uDC00y");
            log.WithProperty(LogProperties.EventType, new string('e', 300)).WithProperty(LogProperties.CorrelationId, new string('c', 300)).Info("long event type and correlation");
            log.Trade(new TradeRecord { TradeId = "trade_long", Symbol = "VERYLONGSYMBOLNAME_OVER_20", Side = "BUY_TO_OPEN_LONG", Quantity = 1, Price = 2, Status = "FILLED" });
            log.Info("not finite {Value} {Other}", double.NaN, double.PositiveInfinity);
            log.Performance(new PerformanceRecord { Operation = "nan", ExecutionTimeMs = double.NaN, CpuUsagePercent = double.PositiveInfinity });
            log.Info("huge " + new string('x', 100_000));
            log.Info("cyclic {@Node}", cycle);
            log.Info("deep {@Node}", deep);
            log.Info("throwing {Value}", new ThrowingToString());
            log.WithProperty("Key\0WithNul", "v").Info("nul in a property name");
            log.Info("good after");
        }

        Assert.Equal(14, await db.CountAsync("SELECT count(*) FROM system_logs"));
        Assert.Equal(14, metrics.Written);
        Assert.Equal(0, metrics.DeadLettered);
        Assert.Equal("nul in message \uFFFD here", (await db.QueryAsync("SELECT message FROM system_logs WHERE message LIKE 'nul in message%'"))[0]["message"]);
        Assert.Equal("a\uFFFDb", (await db.QueryAsync("SELECT metadata->'properties'->>'Value' AS v FROM system_logs WHERE message LIKE 'nul in property%'"))[0]["v"]);
        Assert.Equal("unpaired surrogate x\uFFFDy \uFFFD here", (await db.QueryAsync("SELECT message FROM system_logs WHERE message LIKE 'unpaired%'"))[0]["message"]);

        var longRow = (await db.QueryAsync("SELECT event_type, correlation_id, metadata FROM system_logs WHERE message = 'long event type and correlation'"))[0];
        Assert.Equal(100, ((string)longRow["event_type"]!).Length);
        Assert.Equal(100, ((string)longRow["correlation_id"]!).Length);
        using (var metadata = JsonDocument.Parse((string)longRow["metadata"]!))
        {
            Assert.Equal(["event_type", "correlation_id"], metadata.RootElement.GetProperty("truncated").EnumerateArray().Select(e => e.GetString()));
        }

        var trade = Assert.Single(await db.QueryAsync("SELECT symbol, side FROM trading_logs"));
        Assert.Equal(("VERYLONGSYMBOLNAME_O", "BUY_TO_OPE"), (trade["symbol"], trade["side"]));

        var notFinite = (await db.QueryAsync("SELECT metadata FROM system_logs WHERE message LIKE 'not finite%'"))[0];
        using (var metadata = JsonDocument.Parse((string)notFinite["metadata"]!))
        {
            Assert.Equal("NaN", metadata.RootElement.GetProperty("properties").GetProperty("Value").GetString());
            Assert.True(metadata.RootElement.TryGetProperty("sanitised", out _));
        }

        var performance = Assert.Single(await db.QueryAsync("SELECT execution_time_ms, cpu_usage_percent FROM performance_logs"));
        Assert.Null(performance["execution_time_ms"]);
        Assert.Null(performance["cpu_usage_percent"]);

        var huge = (await db.QueryAsync("SELECT length(message) AS l, metadata->>'message_length' AS original FROM system_logs WHERE message LIKE 'huge%'"))[0];
        Assert.Equal(1000, huge["l"]);
        Assert.Equal("100005", huge["original"]);
        Assert.Equal(1, await db.CountAsync("SELECT count(*) FROM system_logs WHERE message LIKE 'cyclic%'"));
        Assert.Equal(1, await db.CountAsync("SELECT count(*) FROM system_logs WHERE message LIKE 'deep%'"));
        Assert.Equal(1, await db.CountAsync("SELECT count(*) FROM system_logs WHERE message LIKE 'throwing%'"));
        Assert.Equal(1, await db.CountAsync("SELECT count(*) FROM system_logs WHERE metadata->'properties' ? ('Key' || U&'\\FFFD' || 'WithNul')"));
    }

    [Fact]
    public async Task RowsThePostgresRejectsAreIsolatedAndDeadLetteredWhileGoodRowsAreStored()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        await db.ExecuteAsync("ALTER TABLE system_logs ADD CONSTRAINT no_poison CHECK (message NOT LIKE '%POISON%')");
        DatabaseSinkMetrics metrics;
        using (var host = DatabasePipeline.Create("execution", db.ConnectionString, _folder, s => s.Database.BatchSize = 500))
        {
            metrics = host.Component<DatabaseSinkMetrics>()!;
            for (var i = 0; i < 1000; i++)
            {
                host.Logger.Info(i % 97 == 0 ? "POISON {N}" : "good {N}", i);
            }
        }

        var poisoned = Enumerable.Range(0, 1000).Count(i => i % 97 == 0);
        Assert.Equal(1000 - poisoned, await db.CountAsync("SELECT count(*) FROM system_logs"));
        Assert.Equal(poisoned, metrics.DeadLettered);
        var lines = Directory.GetFiles(_folder[".tradelog/deadletter"]).SelectMany(File.ReadAllLines).ToList();
        Assert.Equal(poisoned, lines.Count);
        Assert.All(lines, l =>
        {
            using var json = JsonDocument.Parse(l);
            Assert.Contains("no_poison", json.RootElement.GetProperty("reason").GetString());
            Assert.StartsWith("POISON", json.RootElement.GetProperty("row").GetProperty("System").GetProperty("Message").GetString());
        });
    }
}
