using Microsoft.Extensions.Logging;
using Serilog.Events;

namespace TradingLog.Hosting;

/// <summary>Sends a finished performance scope through an <see cref="ILogger"/>.</summary>
internal sealed class LoggerPerformanceEmitter(ILogger logger) : Performance.IPerformanceEmitter
{
    public void EmitPerformance(in PerformanceRecord record, LogEventLevel level, string member, string file, int line)
    {
        var melLevel = level >= LogEventLevel.Warning ? LogLevel.Warning : LogLevel.Information;
        if (!logger.IsEnabled(melLevel))
        {
            return;
        }

        var state = new List<KeyValuePair<string, object?>>(12)
        {
            new("{OriginalFormat}", "{Operation} took {ExecutionTimeMs} ms"),
            new(LogProperties.Category, nameof(LogCategory.Performance)),
            new(LogProperties.EventType, "performance"),
            new("Operation", record.Operation),
            new("ExecutionTimeMs", record.ExecutionTimeMs),
        };
        TradingLoggerExtensions.AddIfNotNull(state, "MemoryUsageMb", record.MemoryUsageMb);
        TradingLoggerExtensions.AddIfNotNull(state, "CpuUsagePercent", record.CpuUsagePercent);
        TradingLoggerExtensions.AddIfNotNull(state, "AllocatedBytes", record.AllocatedBytes);
        TradingLoggerExtensions.Log(logger, melLevel, state, member, file, line);
    }
}
