using System.Text.Json;
using Serilog.Events;
using TradingLog.Cli.Tests.Support;
using TradingLog.Configuration;
using TradingLog.Correlation;
using TradingLog.PostgreSql;

namespace TradingLog.Cli.Tests.Commands.Analysis;

/// <summary>Known events logged through the library into the embedded server of a temp folder, then read back by the commands.</summary>
public sealed class AnalysisCommandsTests : IClassFixture<AnalysisCommandsTests.KnownData>
{
    private readonly KnownData _data;

    public AnalysisCommandsTests(KnownData data) => _data = data;

    public sealed class KnownData : IDisposable
    {
        public TempFolder Folder { get; } = new();

        public KnownData()
        {
            var start = Tradelog.Run(Folder.Path, null, "db", "start");
            Assert.True(start.ExitCode == 0, start.Error);
            Log("execution", log =>
            {
                using (CorrelationContext.BeginTrade("trade_1"))
                {
                    log.Info("Order {OrderId} placed", 1);
                    log.Trade(new TradeRecord { TradeId = "trade_1", Symbol = "AAPL", Side = "BUY", Quantity = 10, Price = 190m, Status = "FILLED" });
                }

                log.Trade(new TradeRecord { TradeId = "trade_2", Symbol = "MSFT", Side = "SELL", Quantity = 5, Price = 410m, Status = "REJECTED", ErrorMessage = "limit" });
                foreach (var ms in new[] { 10, 20, 30 })
                {
                    log.Performance(new PerformanceRecord { Operation = "place_order", ExecutionTimeMs = ms, MemoryUsageMb = 100, CpuUsagePercent = 5 });
                }

                log.Error(new InvalidOperationException("broker down"), "Broker API failed");
            });
            Log("risk_management", log =>
            {
                using (CorrelationContext.BeginTrade("trade_1"))
                {
                    log.ForCategory(LogCategory.Risk).Warning("Exposure at {Percent}%", 95);
                }

                log.Performance(new PerformanceRecord { Operation = "check_limits", ExecutionTimeMs = 100 }, LogEventLevel.Warning);
            });
            Log("notification", log =>
            {
                using (CorrelationContext.BeginTrade("trade_1"))
                {
                    log.Info("Fill notice sent");
                }
            });
        }

        public void Log(string service, Action<TradingLogger> write) => EmbeddedStore.Log(Folder.Path, service, write);

        public void Dispose()
        {
            Tradelog.Run(Folder.Path, null, "db", "stop");
            Folder.Dispose();
        }
    }

    private JsonElement Json(params string[] args)
    {
        var result = Tradelog.Run(_data.Folder.Path, null, [.. args, "--json"]);
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        return JsonDocument.Parse(result.Output.Trim().Split('\n').Last()).RootElement;
    }

    [Fact]
    public void TraceShowsOneTradesPathThroughEveryServiceInTimeOrder()
    {
        var trace = Json("trace", "trade_1");
        var logs = trace.GetProperty("logs").EnumerateArray().ToList();
        Assert.Equal(["execution", "execution", "risk_management", "notification"], logs.Select(l => l.GetProperty("service").GetString()));
        Assert.Equal("Order 1 placed", logs[0].GetProperty("message").GetString());
        var trade = Assert.Single(trace.GetProperty("trades").EnumerateArray());
        Assert.Equal("AAPL", trade.GetProperty("symbol").GetString());
    }

    [Fact]
    public void TradesJoinsTradingAndSystemLogsForOneSymbol()
    {
        var rows = Json("trades", "--symbol", "AAPL").EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal("trade_1", r.GetProperty("trade_id").GetString()));
        Assert.Single(Json("trades", "--symbol", "MSFT").EnumerateArray());
    }

    [Fact]
    public void PerfGivesPercentilesPerServiceAndOperation()
    {
        var row = Assert.Single(Json("perf", "--service", "execution").EnumerateArray());
        Assert.Equal("place_order", row.GetProperty("operation").GetString());
        Assert.Equal(3, row.GetProperty("calls").GetInt64());
        Assert.Equal(20, row.GetProperty("p50_ms").GetDouble());
        Assert.Equal(30, row.GetProperty("max_ms").GetInt32());
        Assert.Equal(2, Json("perf").EnumerateArray().Count());
    }

    [Fact]
    public void StatsCountsEventsAndErrorRates()
    {
        var stats = Json("stats", "--since", "1h");
        var execution = stats.GetProperty("error_rates").EnumerateArray().Single(r => r.GetProperty("service").GetString() == "execution");
        Assert.Equal(7, execution.GetProperty("events").GetInt64());
        Assert.Equal(2, execution.GetProperty("errors").GetInt64());
        Assert.Equal(28.57m, execution.GetProperty("error_rate_percent").GetDecimal());
        var types = stats.GetProperty("busiest_event_types").EnumerateArray().ToDictionary(t => t.GetProperty("event_type").GetString()!, t => t.GetProperty("events").GetInt64());
        Assert.Equal(4, types["performance"]);
        Assert.Equal(2, types["trade"]);
    }

    [Fact]
    public void TailFiltersByLevelCategoryServiceAndText()
    {
        string[] Messages(params string[] args)
        {
            var result = Tradelog.Run(_data.Folder.Path, null, ["tail", .. args, "--json"]);
            Assert.True(result.ExitCode == 0, result.Error);
            return [.. result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("message").GetString()!)];
        }

        Assert.Equal(["Trade trade_2 SELL 5 MSFT @ 410 REJECTED", "Broker API failed"], Messages("--level", "ERROR"));
        Assert.Equal(["Exposure at 95%"], Messages("--category", "Risk"));
        Assert.Equal(["Fill notice sent"], Messages("--service", "notification"));
        Assert.Equal(["Broker API failed"], Messages("--grep", "broker"));
        Assert.Equal(2, Messages("-n", "2").Length);
    }

    [Fact]
    public async Task TailFollowPrintsNewLogsAsTheyArrive()
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = _data.Folder.Path, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "TradingLog.Cli.dll"), "tail", "-f", "--service", "analytics", "--json" })
        {
            info.ArgumentList.Add(arg);
        }

        using var tail = System.Diagnostics.Process.Start(info)!;
        try
        {
            // tail -f prints what arrives after it started: log until it shows, instead of guessing how long it takes to start.
            var read = tail.StandardOutput.ReadLineAsync();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!read.IsCompleted)
            {
                Assert.True(DateTime.UtcNow < deadline, "tail -f printed nothing");
                _data.Log("analytics", log => log.Info("Report {Name} ready", "daily-pnl"));
                await Task.WhenAny(read, Task.Delay(250));
            }

            var line = await read;
            Assert.Equal("Report daily-pnl ready", JsonDocument.Parse(line!).RootElement.GetProperty("message").GetString());
        }
        finally
        {
            tail.Kill(entireProcessTree: true);
        }
    }

    [Theory]
    [InlineData("perf", "--service", "nope", "unknown service 'nope'")]
    [InlineData("stats", "--since", "1x", "--since takes a duration")]
    [InlineData("tail", "--level", "LOUD", "'LOUD' is not a level")]
    [InlineData("tail", "--category", "Gossip", "'Gossip' is not a category")]
    public void BadArgumentsAreClearErrors(string command, string option, string value, string message)
    {
        var result = Tradelog.Run(_data.Folder.Path, null, command, option, value);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Output + result.Error);
    }

    [Fact]
    public void AnUnreachableDatabaseIsAClearError()
    {
        var result = Tradelog.Run(_data.Folder.Path, null, "stats", "--connection", "Host=127.0.0.1;Port=1;Username=u;Password=p;Database=d;Timeout=2");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the database cannot be reached", result.Error);
    }

    [Theory]
    [InlineData("stats")]
    [InlineData("trace", "trade_1")]
    [InlineData("trades")]
    [InlineData("perf")]
    [InlineData("cleanup", "--dry-run")]
    [InlineData("cleanup", "history")]
    [InlineData("db", "status")]
    [InlineData("db", "migrate")]
    [InlineData("config", "show")]
    public void JsonOutputIsOneJsonDocumentAndNothingElse(params string[] command)
    {
        var result = Tradelog.Run(_data.Folder.Path, null, [.. command, "--json"]);

        Assert.True(result.ExitCode == 0, result.Error);
        using var document = JsonDocument.Parse(result.Output); // throws on a progress line or anything else around the JSON
        Assert.NotEqual(JsonValueKind.Undefined, document.RootElement.ValueKind);
    }

    [Fact]
    public void TailJsonIsOneJsonObjectPerLine()
    {
        var result = Tradelog.Run(_data.Folder.Path, null, "tail", "--json", "-n", "50");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(l).RootElement.ValueKind));
    }

    [Theory]
    [InlineData("--json")]
    [InlineData("text")]
    public void AnUnknownCorrelationIdExitsWithOneInTextAndJsonAlike(string mode)
    {
        string[] args = mode == "--json" ? ["trace", "trade_nobody", "--json"] : ["trace", "trade_nobody"];
        var result = Tradelog.Run(_data.Folder.Path, null, args);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nothing is stored for correlation ID 'trade_nobody'", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("trades")]
    [InlineData("perf")]
    [InlineData("stats")]
    [InlineData("tail")]
    public void AnUnknownServiceIsABadOptionNotABadConfiguration(string command)
    {
        var result = Tradelog.Run(_data.Folder.Path, null, command, "--service", "nosuchservice");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--service: unknown service 'nosuchservice'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Invalid TradingLog configuration", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TradesFiltersTheJoinedLogsByServiceAndShowsEachLogsOwnTime()
    {
        var rows = Json("trades", "--symbol", "AAPL", "--service", "notification").EnumerateArray().ToList();

        var row = Assert.Single(rows);
        Assert.Equal("notification", row.GetProperty("service").GetString());
        Assert.Equal("Fill notice sent", row.GetProperty("message").GetString());
        Assert.NotEqual(row.GetProperty("timestamp").GetDateTimeOffset(), row.GetProperty("log_timestamp").GetDateTimeOffset());
    }

    [Fact]
    public void ACutListingSaysSoAndTheLimitIsKept()
    {
        var result = Tradelog.Run(_data.Folder.Path, null, "trades", "--symbol", "AAPL", "--limit", "2", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, JsonDocument.Parse(result.Output).RootElement.GetArrayLength());
        Assert.Contains("showing the first 2 rows; more match", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("more match", Tradelog.Run(_data.Folder.Path, null, "trades", "--symbol", "AAPL", "--limit", "4").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TailShowsTheCorrelationIdAndOnRequestThePropertiesAndTheException()
    {
        var plain = Tradelog.Run(_data.Folder.Path, null, "tail", "-n", "50");
        Assert.Contains(plain.Output.Split('\n'), l => l.Contains("execution trade_1: Order 1 placed", StringComparison.Ordinal));

        var detailed = Tradelog.Run(_data.Folder.Path, null, "tail", "-n", "50", "--properties").Output.Split('\n');
        var order = Array.FindIndex(detailed, l => l.Contains("Order 1 placed", StringComparison.Ordinal));
        Assert.Contains("OrderId = 1", detailed[(order + 1)..].TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l.Trim()));
        var error = Array.FindIndex(detailed, l => l.Contains("Broker API failed", StringComparison.Ordinal));
        Assert.Contains("System.InvalidOperationException: broker down", detailed[(error + 1)..].Select(l => l.Trim()));
    }

    [Fact]
    public void ABadConnectionStringNamesTheOptionAndSaysWhatOneLooksLike()
    {
        var result = Tradelog.Run(_data.Folder.Path, null, "stats", "--connection", "banana");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--connection: not a PostgreSQL connection string", result.Error, StringComparison.Ordinal);
        Assert.Contains("Host=", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("banana", result.Error, StringComparison.Ordinal); // connection strings hold passwords: never echoed
    }

    [Theory]
    [InlineData("stats", "--since")]
    [InlineData("tail", "--level")]
    [InlineData("perf", "--service")]
    public void AnErrorAboutAHugeValueDoesNotPrintItBack(string command, string option)
    {
        var huge = new string('x', 100_000);
        var result = Tradelog.Run(_data.Folder.Path, null, command, option, huge);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("(100,000 characters)", result.Error, StringComparison.Ordinal);
        Assert.True(result.Output.Length + result.Error.Length < 1_000, $"{result.Output.Length + result.Error.Length} characters of output");
    }

    [Fact]
    public void TailRegexMatchesAPatternWhileGrepStaysLiteral()
    {
        var matched = Tradelog.Run(_data.Folder.Path, null, "tail", "-n", "50", "--json", "--regex", "^(order [0-9]+ placed|fill notice sent)$");
        Assert.Equal(0, matched.ExitCode);
        var messages = matched.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("message").GetString()).ToList();
        Assert.Equal(["Order 1 placed", "Fill notice sent"], messages);

        var literal = Tradelog.Run(_data.Folder.Path, null, "tail", "-n", "50", "--json", "--grep", "[0-9]+");
        Assert.Equal("", literal.Output.Trim());

        var bad = Tradelog.Run(_data.Folder.Path, null, "tail", "--regex", "(unclosed");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--regex: PostgreSQL cannot use this pattern", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonRowsCarryMetadataAsAnObjectAndSymbolsMatchWhateverTheirCase()
    {
        var tail = Tradelog.Run(_data.Folder.Path, null, "tail", "-n", "50", "--json", "--properties", "--grep", "Order 1 placed");
        var row = JsonDocument.Parse(tail.Output.Trim()).RootElement;
        Assert.Equal(JsonValueKind.Object, row.GetProperty("metadata").ValueKind);
        Assert.Equal(1, row.GetProperty("metadata").GetProperty("properties").GetProperty("OrderId").GetInt32());

        Assert.Equal(Json("trades", "--symbol", "AAPL").GetArrayLength(), Json("trades", "--symbol", "aapl").GetArrayLength());
    }
}
