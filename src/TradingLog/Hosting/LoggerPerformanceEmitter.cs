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

        var state = TypedEventFields.Performance(record);
        state.Insert(0, new("{OriginalFormat}", TypedEventFields.PerformanceTemplate));
        TradingLoggerExtensions.Log(logger, melLevel, state, member, file, line);
    }
}
