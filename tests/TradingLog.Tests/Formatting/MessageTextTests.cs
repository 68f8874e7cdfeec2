using Serilog.Events;
using TradingLog.Formatting;
using TradingLog.Tests.Support;

namespace TradingLog.Tests.Formatting;

public sealed class MessageTextTests
{
    [Fact]
    public void StringsAreUnquotedNumbersHonourTheirFormatAndAlignmentPads()
    {
        var e = Some.LogEvent("{Name,-6}|{Price:F2}|{Qty,5}|{Missing}", properties: [("Name", "AAPL"), ("Price", 189.5m), ("Qty", 42)]);
        Assert.Equal("AAPL  |189.50|   42|{Missing}", MessageText.Render(e));
    }

    [Fact]
    public void StructuredValuesRenderAsJsonAndNullAsNull()
    {
        var order = new StructureValue([new LogEventProperty("Id", new ScalarValue(7)), new LogEventProperty("Side", new ScalarValue("BUY"))]);
        var e = Some.LogEvent("{@Order} {Note}", properties: [("Order", order), ("Note", null)]);
        Assert.Equal("{\"Id\":7,\"Side\":\"BUY\"} null", MessageText.Render(e));
    }
}
