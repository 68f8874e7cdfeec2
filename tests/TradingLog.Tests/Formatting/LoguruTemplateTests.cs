using System.Globalization;
using Serilog.Events;
using TradingLog.Configuration;
using TradingLog.Formatting;
using TradingLog.Tests.Support;

namespace TradingLog.Tests.Formatting;

public sealed class LoguruTemplateTests
{
    private static string Render(string format, LogEvent e, bool colored = false)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        new TextLineFormatter(format, colored).Format(e, writer);
        return writer.ToString();
    }

    private static LogEvent CallerEvent(LogEventLevel level = LogEventLevel.Information, Exception? exception = null) =>
        Some.LogEvent("Order {OrderId} placed for {Symbol}", level, exception, Some.Timestamp.ToLocalTime(),
            ("OrderId", 42), ("Symbol", "AAPL"), (LogProperties.SourceContext, "Execution.OrderRouter"),
            (LogProperties.CallerMember, "PlaceOrder"), (LogProperties.CallerFile, "/src/Execution/OrderRouter.cs"),
            (LogProperties.CallerLine, 87), (LogProperties.CorrelationId, "trade_12345"));

    [Fact]
    public void DesignFormatRendersLikeLoguru()
    {
        var line = Render(TradingLogSettings.DefaultFormat, CallerEvent());
        var local = Some.Timestamp.ToLocalTime();
        Assert.Equal($"{local:yyyy-MM-dd HH:mm:ss.fff} | INFO     | Execution.OrderRouter:PlaceOrder:87 | Order 42 placed for AAPL\n", line);
    }

    [Theory]
    [InlineData(LogEventLevel.Debug, "DEBUG   ")]
    [InlineData(LogEventLevel.Warning, "WARNING ")]
    [InlineData(LogEventLevel.Error, "ERROR   ")]
    [InlineData(LogEventLevel.Fatal, "CRITICAL")]
    public void LevelsUseTheDesignNamesPaddedToEight(LogEventLevel level, string expected) =>
        Assert.Equal(expected + "\n", Render("{level: <8}", CallerEvent(level)));

    [Theory]
    [InlineData("{time:YYYY-MM-DD HH:mm:ss.SSS!UTC}", "2026-11-27 09:30:15.123")]
    [InlineData("{time:YY/M/D h:m:s A!UTC}", "26/11/27 9:30:15 AM")]
    [InlineData("{time:dddd DDDD MMMM MMM Q!UTC}", "Friday 331 November Nov 4")]
    [InlineData("{time:HH:mm:ss.SSSSSS Z ZZ!UTC}", "09:30:15.123000 +00:00 +0000")]
    [InlineData("{time:X!UTC}", "1795771815")]
    [InlineData("{time:[at] HH[h]!UTC}", "at 09h")]
    public void TimeFormatCodesFollowLoguru(string format, string expected) =>
        Assert.Equal(expected + "\n", Render(format, CallerEvent()));

    [Fact]
    public void DefaultTimeIsIsoWithMicroseconds() =>
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}[+-]\d{2}:\d{2}\n$", Render("{time}", CallerEvent()));

    [Fact]
    public void ExtraFieldsReadStructuredPropertiesBySnakeOrPascalName() =>
        Assert.Equal("trade_12345 | AAPL | 42\n", Render("{extra[correlation_id]} | {extra[Symbol]} | {extra[OrderId]}", CallerEvent()));

    [Fact]
    public void ExtraShowsNonCorePropertiesAsJson() =>
        Assert.Equal("{\"OrderId\":42,\"Symbol\":\"AAPL\"}\n", Render("{extra}", CallerEvent()));

    [Fact]
    public void FileModuleAndLevelNumberFieldsRender() =>
        Assert.Equal("OrderRouter.cs OrderRouter 20   87\n", Render("{file} {module} {level.no} {line: >4}", CallerEvent()));

    [Fact]
    public void ExceptionIsAppendedAfterTheMessageWhenTheFormatHasNoExceptionField()
    {
        var line = Render("{message}", CallerEvent(LogEventLevel.Error, new InvalidOperationException("broker down")));
        Assert.StartsWith("Order 42 placed for AAPL\nSystem.InvalidOperationException: broker down", line);
    }

    [Fact]
    public void ExceptionFieldPlacesTheExceptionWhereTheFormatSays() =>
        Assert.Equal("[System.InvalidOperationException: x] Order 42 placed for AAPL\n",
            Render("[{exception}] {message}", CallerEvent(LogEventLevel.Error, new InvalidOperationException("x"))));

    [Fact]
    public void EventsWithoutCallerInfoShowDashes() =>
        Assert.Equal("root:-:-\n", Render("{name}:{function}:{line}", Some.LogEvent()));

    [Fact]
    public void ColourMarkupIsStrippedForFilesAndRenderedForAColourConsole()
    {
        Assert.Equal("INFO | Order 42 placed for AAPL\n", Render("<green>{level}</green> | <level>{message}</level>", CallerEvent()));
        var colored = Render("<green>{level}</green>", CallerEvent(), colored: true);
        Assert.Equal("\u001b[32mINFO\u001b[0m\n", colored);
    }

    [Fact]
    public void ColourConsoleWithoutMarkupColoursLevelAndMessageByLevel()
    {
        var line = Render("{level} {message}", CallerEvent(LogEventLevel.Error), colored: true);
        Assert.Equal("\u001b[31;1mERROR\u001b[0m \u001b[31;1mOrder 42 placed for AAPL\u001b[0m\n", line);
    }

    [Fact]
    public void BracesAndAngleBracketsCanBeEscaped() =>
        Assert.Equal("{literal} <notatag> <b>\n", Render("{{literal}} <notatag> \\<b>", CallerEvent()));

    [Theory]
    [InlineData("{message", "no closing")]
    [InlineData("message}", "no opening")]
    [InlineData("{lvl}", "not a known field")]
    [InlineData("{level:<x8}", "not a format specification")]
    [InlineData("{extra[]}", "needs a key")]
    public void MalformedFormatsAreRefused(string format, string reason) =>
        Assert.Contains(reason, Assert.Throws<FormatException>(() => LoguruTemplate.Parse(format)).Message);

    [Fact]
    public void ValueWhoseToStringThrowsDoesNotEscapeTheFileFormatter()
    {
        var e = Some.LogEvent("Value {Bad}", properties: ("Bad", new ThrowingToString()));
        var ex = Record.Exception(() => Render("{message}", e));
        Assert.NotNull(ex);
    }

    private sealed class ThrowingToString
    {
        public override string ToString() => throw new InvalidOperationException("nope");
    }
}
