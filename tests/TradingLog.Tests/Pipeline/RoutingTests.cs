using TradingLog.Tests.Support;

namespace TradingLog.Tests.Pipeline;

public sealed class RoutingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void EachServiceWritesItsOwnFileAtItsOwnLevel()
    {
        using (var strategy = TestPipeline.Create("strategy_engine", _folder))
        {
            strategy.Logger.Debug("signal {Signal} computed", "BUY");
        }

        using (var risk = TestPipeline.Create("risk_management", _folder))
        {
            risk.Logger.Debug("risk debug detail");
            risk.Logger.Info("risk info detail");
            risk.Logger.Warning("limit {Limit} breached", 5);
        }

        var strategyLines = TestPipeline.Lines(_folder, "logs/strategy_engine.log");
        Assert.Contains(strategyLines, l => l.Contains("| DEBUG    |") && l.Contains("signal BUY computed"));
        var riskLines = TestPipeline.Lines(_folder, "logs/risk_management.log");
        Assert.Equal(["limit 5 breached"], riskLines.Select(l => l.Split(" | ")[3]));
        var main = TestPipeline.Lines(_folder, "logs/trading.log");
        Assert.Equal(2, main.Length);
    }

    [Fact]
    public void SharedFilesAreChosenByLevelAndCategory()
    {
        using (var host = TestPipeline.Create("execution", _folder))
        {
            var log = host.Logger;
            log.Info("service started");
            log.ForCategory(LogCategory.Risk).Warning("exposure high");
            log.ForCategory(LogCategory.Strategy).Info("signal");
            log.Error(new InvalidOperationException("broker"), "order {OrderId} failed", 7);
            log.Trade(Some.Trade());
            using (log.Measure("place_order"))
            {
            }
        }

        string[] Messages(string file) => [.. TestPipeline.Lines(_folder, file).Where(l => l.Contains(" | ")).Select(l => l.Split(" | ")[3])];

        Assert.Equal(6, Messages("logs/trading.log").Length);
        Assert.Equal(6, Messages("logs/execution.log").Length);
        Assert.Equal(["order 7 failed"], Messages("logs/errors.log"));
        Assert.Contains("System.InvalidOperationException: broker", File.ReadAllText(_folder["logs/errors.log"]));
        Assert.Equal(["service started", "order 7 failed"], Messages("logs/system.log"));
        Assert.Equal(["Trade trade_12345 BUY 100 AAPL @ 189.25 FILLED"], Messages("logs/trades.log"));
        Assert.Single(Messages("logs/performance.log"), m => m.StartsWith("place_order took ", StringComparison.Ordinal));
    }

    [Fact]
    public void CallerInfoFillsNameFunctionAndLine()
    {
        using (var host = TestPipeline.Create("execution", _folder))
        {
            host.ForContext<RoutingTests>().Info("with caller");
        }

        var line = Assert.Single(TestPipeline.Lines(_folder, "logs/execution.log"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} \| INFO     \| TradingLog\.Tests\.Pipeline\.RoutingTests:CallerInfoFillsNameFunctionAndLine:\d+ \| with caller$", line);
    }

    [Fact]
    public void JsonFormatWritesOneObjectPerLine()
    {
        using (var host = TestPipeline.Create("execution", _folder, s => s.JsonFormat = true))
        {
            host.Logger.Info("order {OrderId}", 1);
            host.Logger.Trade(Some.Trade());
        }

        var lines = TestPipeline.Lines(_folder, "logs/execution.log");
        Assert.Equal(2, lines.Length);
        var trade = System.Text.Json.JsonDocument.Parse(lines[1]).RootElement;
        Assert.Equal("trade_12345", trade.GetProperty("correlation_id").GetString());
        Assert.Equal("AAPL", trade.GetProperty("extra").GetProperty("Symbol").GetString());
    }

    [Fact]
    public void EmptyPathTurnsASharedFileOff()
    {
        using (var host = TestPipeline.Create("execution", _folder, s => s.Files.System = ""))
        {
            host.Logger.Info("hello");
        }

        Assert.False(File.Exists(_folder["logs/system.log"]));
        Assert.Single(TestPipeline.Lines(_folder, "logs/trading.log"));
    }

    [Fact]
    public void RootLevelGovernsFrameworkCategoriesOnly()
    {
        using (var host = TestPipeline.Create("strategy_engine", _folder, s => s.RootLevel = Serilog.Events.LogEventLevel.Warning))
        {
            host.Logger.ForContext("Microsoft.Hosting.Lifetime").Info("framework chatter");
            host.Logger.ForContext("Microsoft.Hosting.Lifetime").Warning("framework warning");
            host.Logger.ForContext("Strategy.Momentum").Debug("own debug");
        }

        var messages = TestPipeline.Lines(_folder, "logs/strategy_engine.log").Select(l => l.Split(" | ")[3]).ToList();
        Assert.Equal(["framework warning", "own debug"], messages);
    }

    [Fact]
    public void DisposeFlushesEveryQueuedEvent()
    {
        using (var host = TestPipeline.Create("execution", _folder))
        {
            for (var i = 0; i < 20_000; i++)
            {
                host.Logger.Info("event {N}", i);
            }
        }

        Assert.Equal(20_000, TestPipeline.Lines(_folder, "logs/trading.log").Length);
    }
}
