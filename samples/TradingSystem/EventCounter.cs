using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using TradingLog;

namespace TradingSystem;

/// <summary>Counts, in each demo service, the events its pipeline emitted: per level, and per table they become rows of.</summary>
internal sealed class EventCounter : ILogEventSink
{
    public ConcurrentDictionary<string, long> Levels { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, long> Tables { get; } = new(StringComparer.Ordinal);

    public void Emit(LogEvent logEvent)
    {
        Levels.AddOrUpdate(LevelNames.ToName(logEvent.Level), 1, (_, n) => n + 1);
        Tables.AddOrUpdate("system_logs", 1, (_, n) => n + 1);
        switch (logEvent.Kind())
        {
            case EventKind.Trade:
                Tables.AddOrUpdate("trading_logs", 1, (_, n) => n + 1);
                break;
            case EventKind.Performance:
                Tables.AddOrUpdate("performance_logs", 1, (_, n) => n + 1);
                break;
        }
    }
}
