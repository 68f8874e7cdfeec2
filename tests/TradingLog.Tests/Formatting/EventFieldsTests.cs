using TradingLog.Formatting;
using TradingLog.Tests.Support;

namespace TradingLog.Tests.Formatting;

public sealed class EventFieldsTests
{
    [Fact]
    public void LineValueOfATradingLoggerEventIsItsCallSitesLine()
    {
        var caller = CallSites.Of("PlaceOrder", "/src/Execution/OrderRouter.cs", 217);
        var e = Some.LogEvent(properties: (caller.Name, caller.Value));

        Assert.Equal(217L, EventFields.LineValue(e));
    }

    [Fact]
    public void LineValueIsReadFromTheCallerLinePropertyWhenThereIsNoCallSite()
    {
        var e = Some.LogEvent(properties: (LogProperties.CallerLine, "3000000000"));

        Assert.Equal(3_000_000_000L, EventFields.LineValue(e));
    }

    [Fact]
    public void LineValueIsNullWithoutCallerInfoOrForALineThatIsNotANumber()
    {
        Assert.Null(EventFields.LineValue(Some.LogEvent()));
        Assert.Null(EventFields.LineValue(Some.LogEvent(properties: (LogProperties.CallerLine, "near the top"))));
    }
}
