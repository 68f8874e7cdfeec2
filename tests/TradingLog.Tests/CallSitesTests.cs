using Serilog.Events;
using TradingLog.Formatting;
using TradingLog.Tests.Support;

namespace TradingLog.Tests;

public sealed class CallSitesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void EventsFromOneCallSiteShareOneCallerProperty()
    {
        var sink = new CollectingSink();
        using (var host = TestPipeline.Create("execution", _folder, sink: sink))
        {
            for (var i = 0; i < 3; i++)
            {
                host.Logger.Info("fill {N}", i);
            }

            host.Logger.Info("another line");
        }

        var callers = sink.Events.Select(e => e.Properties[LogProperties.Caller]).ToList();
        Assert.Same(callers[0], callers[1]);
        Assert.Same(callers[0], callers[2]);
        Assert.NotSame(callers[0], callers[3]);
        var site = EventFields.CallSiteOf(sink.Events[0]);
        Assert.NotNull(site);
        Assert.Equal(nameof(EventsFromOneCallSiteShareOneCallerProperty), site.Member);
        Assert.Equal("CallSitesTests.cs", site.FileName);
        Assert.Equal(EventFields.CallSiteOf(sink.Events[3])!.Line - 3, site.Line);
    }

    [Fact]
    public void OtherSinksRenderTheCallSiteAsMemberFileAndLine()
    {
        var property = CallSites.Of("PlaceOrder", "/src/Execution/OrderRouter.cs", 42);

        Assert.Equal("PlaceOrder (OrderRouter.cs:42)", ((ScalarValue)property.Value).Value!.ToString());
        Assert.Same(property, CallSites.Of("PlaceOrder", "/src/Execution/OrderRouter.cs", 42));
    }

    [Fact]
    public void EventsWithTheThreeCallerPropertiesStillShowTheirCaller()
    {
        var e = Some.LogEvent("from Microsoft.Extensions.Logging", properties:
            [(LogProperties.CallerMember, "Route"), (LogProperties.CallerFile, "/src/Execution/OrderRouter.cs"), (LogProperties.CallerLine, 7)]);

        Assert.Null(EventFields.CallSiteOf(e));
        Assert.Equal("Route", EventFields.Function(e));
        Assert.Equal("7", EventFields.Line(e));
        Assert.Equal("OrderRouter.cs", EventFields.FileName(e));
    }
}
