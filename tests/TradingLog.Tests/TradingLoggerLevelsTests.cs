using Serilog.Events;
using TradingLog.Formatting;
using TradingLog.Tests.Support;

namespace TradingLog.Tests;

/// <summary>The generated level methods: any number of arguments, none ever taken for caller information.</summary>
public sealed class TradingLoggerLevelsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CollectingSink _sink = new();
    private readonly TradingLogHost _host;

    public TradingLoggerLevelsTests()
    {
        _host = TestPipeline.Create("strategy_engine", _folder, sink: _sink); // the design logs it at DEBUG
    }

    public void Dispose()
    {
        _host.Dispose();
        _folder.Dispose();
    }

    private LogEvent Single()
    {
        _host.Dispose();
        return Assert.Single(_sink.Events);
    }

    [Fact]
    public void AFourthStringArgumentIsAPropertyNotTheCallersName()
    {
        _host.Logger.Info("Order {OrderId} for {Symbol} qty {Qty} via {Venue}", 42, "AAPL", 100, "NASDAQ");

        var logEvent = Single();
        Assert.Equal("Order 42 for \"AAPL\" qty 100 via \"NASDAQ\"", logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(nameof(AFourthStringArgumentIsAPropertyNotTheCallersName), EventFields.CallSiteOf(logEvent)!.Member);
    }

    [Fact]
    public void EightStringArgumentsAllBindWithCallerInformation()
    {
        _host.Logger.Warning("{A}{B}{C}{D}{E}{F}{G}{H}", "a", "b", "c", "d", "e", "f", "g", "h");

        var logEvent = Single();
        Assert.Equal("abcdefgh", string.Concat("ABCDEFGH".Select(n => ((ScalarValue)logEvent.Properties[n.ToString()]).Value)));
        Assert.Equal(nameof(EightStringArgumentsAllBindWithCallerInformation), EventFields.CallSiteOf(logEvent)!.Member);
    }

    [Fact]
    public void TenArgumentsAllBind()
    {
        _host.Logger.Error("{A} {B} {C} {D} {E} {F} {G} {H} {I} {J}", 1, 2, 3, 4, 5, 6, 7, 8, 9, "ten");

        var logEvent = Single();
        Assert.Equal("1 2 3 4 5 6 7 8 9 \"ten\"", logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(LogEventLevel.Error, logEvent.Level);
    }

    [Fact]
    public void EveryLevelTakesAnExceptionWithAnyNumberOfArguments()
    {
        var failure = new InvalidOperationException("broker gateway returned 503");
        _host.Logger.Debug(failure, "debug {A}", 1);
        _host.Logger.Info(failure, "info {A} {B}", 1, "x");
        _host.Logger.Warning(failure, "warning {A} {B} {C} {D}", 1, 2, 3, "d");
        _host.Logger.Error(failure, "error");
        _host.Logger.Critical(failure, "critical {A}{B}{C}{D}{E}{F}{G}{H}{I}", 1, 2, 3, 4, 5, 6, 7, 8, 9);
        _host.Dispose();

        Assert.Equal([LogEventLevel.Debug, LogEventLevel.Information, LogEventLevel.Warning, LogEventLevel.Error, LogEventLevel.Fatal],
            _sink.Events.Select(e => e.Level));
        Assert.All(_sink.Events, e => Assert.Same(failure, e.Exception));
        Assert.Equal("warning 1 2 3 \"d\"", _sink.Events[2].RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(_sink.Events.Take(4), e => Assert.Equal(nameof(EveryLevelTakesAnExceptionWithAnyNumberOfArguments), EventFields.CallSiteOf(e)!.Member));
    }
}
