using Serilog.Core;
using Serilog.Events;

namespace TradingLog.Tests.Support;

/// <summary>Keeps every event it receives, for assertions.</summary>
public sealed class CollectingSink : ILogEventSink
{
    private readonly List<LogEvent> _events = [];

    public IReadOnlyList<LogEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public LogEvent Single => Assert.Single(Events);

    public void Emit(LogEvent logEvent)
    {
        lock (_events)
        {
            _events.Add(logEvent);
        }
    }
}
