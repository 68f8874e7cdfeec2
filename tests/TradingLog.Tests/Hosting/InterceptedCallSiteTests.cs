using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Serilog.Events;
using Serilog.Extensions.Logging;
using TradingLog.Hosting;
using TradingLog.Tests.Support;

namespace TradingLog.Tests.Hosting;

/// <summary>
/// Calls through Microsoft.Extensions.Logging's extension methods carry their call site, written in at compile time by
/// TradingLog's interceptors (this project uses them as a user's project does: the analyzer and the package's props).
/// </summary>
public sealed class InterceptedCallSiteTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static int Here([CallerLineNumber] int line = 0) => line;

    private static string Text(LogEvent e, string property) => ((ScalarValue)e.Properties[property]).Value!.ToString()!;

    [Fact]
    public void EveryKindOfILoggerCallNamesItsTypeMemberFileAndLine()
    {
        var sink = new CollectingSink();
        var lines = new List<int>();
        using (var host = TestPipeline.Create("execution", _folder, sink: sink))
        {
            using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new SerilogLoggerProvider(host.SerilogLogger)));
            var logger = factory.CreateLogger("TradingSystem.execution");
            lines.Add(Here() + 1);
            logger.LogInformation("Order {OrderId} placed for {Symbol} at {Price:F2}", 42, "AAPL", 189.5m);
            lines.Add(Here() + 1);
            logger.LogWarning(new EventId(7, "limit_breach"), "Limit breached by {Percent}%", 5);
            lines.Add(Here() + 1);
            logger.LogError(new InvalidOperationException("broker down"), "Broker API failed");
            lines.Add(Here() + 1);
            logger.Log(LogLevel.Information, "Through Log with a level");
            Action fromLambda = () => logger.LogInformation("From a lambda");
            lines.Add(Here() - 1);
            fromLambda();
        }

        var events = sink.Events.ToList();
        Assert.Equal(5, events.Count);
        Assert.All(events, e => Assert.Equal(typeof(InterceptedCallSiteTests).FullName, Text(e, LogProperties.CallerType)));
        Assert.All(events, e => Assert.Equal(nameof(EveryKindOfILoggerCallNamesItsTypeMemberFileAndLine), Text(e, LogProperties.CallerMember)));
        Assert.All(events, e => Assert.EndsWith("InterceptedCallSiteTests.cs", Text(e, LogProperties.CallerFile), StringComparison.Ordinal));
        Assert.Equal(lines.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)), events.Select(e => Text(e, LogProperties.CallerLine)));

        // The message and its properties are the ones Microsoft.Extensions.Logging would have given.
        Assert.Equal("Order {OrderId} placed for {Symbol} at {Price:F2}", events[0].MessageTemplate.Text);
        Assert.Equal("42", Text(events[0], "OrderId"));
        Assert.Equal("limit_breach", Text(events[1], LogProperties.EventType));
        Assert.Equal("broker down", events[2].Exception!.Message);

        var file = TestPipeline.Lines(_folder, "logs/execution.log");
        Assert.Contains(file, l => l.EndsWith(
            $"| INFO     | TradingLog.Tests.Hosting.InterceptedCallSiteTests:{nameof(EveryKindOfILoggerCallNamesItsTypeMemberFileAndLine)}:{lines[0]} | " +
            "Order 42 placed for AAPL at 189.50", StringComparison.Ordinal));
    }

    [Fact]
    public void ADisabledLevelIsStillFilteredBeforeAnythingIsBuilt()
    {
        var sink = new CollectingSink();
        using (var host = TestPipeline.Create("execution", _folder, sink: sink))
        {
            using var factory = LoggerFactory.Create(b => b.AddProvider(new SerilogLoggerProvider(host.SerilogLogger)));
            var logger = factory.CreateLogger("TradingSystem.execution");
            logger.LogDebug("hidden at INFO {Value}", 1);
            logger.LogInformation("shown");
        }

        Assert.Equal("shown", Assert.Single(sink.Events).MessageTemplate.Text);
    }

    /// <summary>A helper that logs on behalf of its caller, as the demo's service calls do.</summary>
    private static void WarnAboutFailedCall(ILogger logger, string service,
        [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        logger.ForCaller(member, file, line).LogWarning("Call to {Service} failed", service);

    [Fact]
    public void AHelperThatLogsForItsCallerNamesTheCallersMemberAndLine()
    {
        var sink = new CollectingSink();
        int line;
        using (var host = TestPipeline.Create("execution", _folder, sink: sink))
        {
            using var factory = LoggerFactory.Create(b => b.AddProvider(new SerilogLoggerProvider(host.SerilogLogger)));
            var logger = factory.CreateLogger("TradingSystem.execution");
            line = Here() + 1;
            WarnAboutFailedCall(logger, "risk_management");
        }

        var e = Assert.Single(sink.Events);
        Assert.Equal(nameof(AHelperThatLogsForItsCallerNamesTheCallersMemberAndLine), Text(e, LogProperties.CallerMember));
        Assert.Equal(line.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(e, LogProperties.CallerLine));
        Assert.Equal("Call to risk_management failed", e.RenderMessage().Replace("\"", "", StringComparison.Ordinal));
        Assert.Contains(TestPipeline.Lines(_folder, "logs/execution.log"), l => l.Contains(
            $"| TradingSystem.execution:{nameof(AHelperThatLogsForItsCallerNamesTheCallersMemberAndLine)}:{line} |", StringComparison.Ordinal));
    }
}
