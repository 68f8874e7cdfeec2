using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace TradingLog.Cli.Demo;

/// <summary>Counts, in each demo service, the events its pipeline emitted: per level, and per table they become rows of.</summary>
internal sealed class EventCounter : ILogEventSink
{
    public ConcurrentDictionary<string, long> Levels { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, long> Tables { get; } = new(StringComparer.Ordinal);

    public void Emit(LogEvent logEvent)
    {
        Levels.AddOrUpdate(LevelNames.ToName(logEvent.Level), 1, (_, n) => n + 1);
        Tables.AddOrUpdate("system_logs", 1, (_, n) => n + 1);
        var category = Text(logEvent, LogProperties.Category);
        var type = Text(logEvent, LogProperties.EventType);
        if (category == nameof(LogCategory.Trading) && type == "trade")
        {
            Tables.AddOrUpdate("trading_logs", 1, (_, n) => n + 1);
        }
        else if (category == nameof(LogCategory.Performance) && type == "performance")
        {
            Tables.AddOrUpdate("performance_logs", 1, (_, n) => n + 1);
        }
    }

    private static string? Text(LogEvent e, string name) => e.Properties.TryGetValue(name, out var v) && v is ScalarValue { Value: string s } ? s : null;
}
