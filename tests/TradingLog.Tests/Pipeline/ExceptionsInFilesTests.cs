using System.Text.Json;
using Microsoft.Extensions.Logging;
using TradingLog.Tests.Support;

namespace TradingLog.Tests.Pipeline;

/// <summary>A logged exception is written as Loguru writes a traceback: its whole text on the lines after the message.</summary>
public sealed class ExceptionsInFilesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Exception Thrown()
    {
        try
        {
            try
            {
                throw new TimeoutException("gateway did not answer in 5 s");
            }
            catch (TimeoutException inner)
            {
                throw new HttpRequestException("broker gateway returned 503", inner);
            }
        }
        catch (HttpRequestException e)
        {
            return e;
        }
    }

    [Fact]
    public void TheTextFormatWritesTypeMessageStackTraceAndInnerExceptionAfterTheMessageLine()
    {
        var exception = Thrown();
        using (var host = TestPipeline.Create("execution", _folder))
        {
            host.ForContext<ExceptionsInFilesTests>().Error(exception, "Broker API error for {TradeId}", "trade_7");
            using var factory = LoggerFactory.Create(b => b.AddProvider(new Serilog.Extensions.Logging.SerilogLoggerProvider(host.SerilogLogger)));
            factory.CreateLogger("TradingSystem.execution").LogError(exception, "Through ILogger for {TradeId}", "trade_8");
        }

        var text = string.Join('\n', TestPipeline.Lines(_folder, "logs/execution.log"));
        foreach (var message in new[] { "Broker API error for trade_7", "Through ILogger for trade_8" })
        {
            var start = text.IndexOf(message, StringComparison.Ordinal);
            Assert.True(start >= 0, message);
            var after = text[(start + message.Length)..].Split('\n', 8);
            Assert.Equal("", after[0]); // the message line ends; the exception starts on the next line
            Assert.Equal("System.Net.Http.HttpRequestException: broker gateway returned 503", after[1]);
            Assert.StartsWith(" ---> System.TimeoutException: gateway did not answer in 5 s", after[2]);
            Assert.Contains(after, l => l.TrimStart().StartsWith("at TradingLog.Tests.Pipeline.ExceptionsInFilesTests.Thrown()", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void TheJsonFormatKeepsTheWholeExceptionInItsObject()
    {
        var exception = Thrown();
        using (var host = TestPipeline.Create("execution", _folder, s => s.JsonFormat = true))
        {
            host.ForContext<ExceptionsInFilesTests>().Error(exception, "Broker API error");
        }

        var line = Assert.Single(TestPipeline.Lines(_folder, "logs/execution.log"));
        var stored = JsonDocument.Parse(line).RootElement.GetProperty("exception").GetString()!;
        Assert.Equal(exception.ToString(), stored);
        Assert.Contains("---> System.TimeoutException", stored, StringComparison.Ordinal);
    }
}
