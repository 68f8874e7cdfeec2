using Serilog.Core;
using Serilog.Events;

namespace TradingLog.Pipeline;

/// <summary>Counts the events that reach the pipeline by level: one interlocked increment per event, read by the meter.</summary>
internal sealed class EventCounts : ILogEventSink
{
    private readonly long[] _byLevel = new long[(int)LogEventLevel.Fatal + 1];

    public void Emit(LogEvent logEvent)
    {
        var level = (int)logEvent.Level;
        if ((uint)level < (uint)_byLevel.Length)
        {
            Interlocked.Increment(ref _byLevel[level]);
        }
    }

    public long Of(LogEventLevel level) => Interlocked.Read(ref _byLevel[(int)level]);
}
