using System.Globalization;
using System.Text.Json;
using Serilog.Events;
using TradingLog.Formatting;
using TradingLog.Tests.Support;

namespace TradingLog.Tests.Formatting;

public sealed class JsonLineFormatterTests
{
    private static JsonElement Format(LogEvent e, bool structured)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        new JsonLineFormatter(structured).Format(e, writer);
        var text = writer.ToString();
        Assert.EndsWith("\n", text);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public void EachEventIsOneJsonObjectWithTheCoreFields()
    {
        var e = Some.LogEvent("Fill {Qty} \"quoted\"\nnext", LogEventLevel.Warning, new InvalidOperationException("late"), null,
            ("Qty", 5), (LogProperties.Service, "execution"), (LogProperties.Category, "Trading"), (LogProperties.CorrelationId, "trade_1"),
            (LogProperties.CallerMember, "Fill"), (LogProperties.CallerLine, 12));
        var json = Format(e, structured: true);

        Assert.Equal("2026-11-27T09:30:15.123000Z", json.GetProperty("time").GetString());
        Assert.Equal("WARNING", json.GetProperty("level").GetString());
        Assert.Equal("execution", json.GetProperty("service").GetString());
        Assert.Equal("Trading", json.GetProperty("category").GetString());
        Assert.Equal("trade_1", json.GetProperty("correlation_id").GetString());
        Assert.Equal("Fill 5 \"quoted\"\nnext", json.GetProperty("message").GetString());
        Assert.Equal("Fill", json.GetProperty("function").GetString());
        Assert.Equal(12, json.GetProperty("line").GetInt32());
        Assert.Contains("late", json.GetProperty("exception").GetString());
        Assert.Equal(5, json.GetProperty("extra").GetProperty("Qty").GetInt32());
    }

    [Fact]
    public void UnstructuredOutputLeavesOutExtraProperties()
    {
        var json = Format(Some.LogEvent("Fill {Qty}", properties: ("Qty", 5)), structured: false);
        Assert.False(json.TryGetProperty("extra", out _));
        Assert.Equal("Fill 5", json.GetProperty("message").GetString());
    }
}
