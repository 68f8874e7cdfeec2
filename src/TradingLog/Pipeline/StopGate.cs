using Serilog.Core;
using Serilog.Events;
using TradingLog.Diagnostics;

namespace TradingLog.Pipeline;

/// <summary>
/// The pipeline's first filter: once the host begins to stop, no new event is taken, and each one is counted
/// (<see cref="TradingLogHealth.DroppedAfterStop"/>). Serilog evaluates it once per event, before any sink, so an event
/// logged while the pipeline stops reaches every sink or none: never the files without the database.
/// </summary>
internal sealed class StopGate(TradingLogHealth health) : ILogEventFilter
{
    public bool IsEnabled(LogEvent logEvent)
    {
        if (!health.Stopped)
        {
            return true;
        }

        health.LoggedAfterStop(this, logEvent);
        return false;
    }
}
