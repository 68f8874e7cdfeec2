using Serilog.Events;

namespace TradingLog.Performance;

/// <summary>Where a finished <see cref="PerformanceScope"/> sends its measurement.</summary>
internal interface IPerformanceEmitter
{
    void EmitPerformance(in PerformanceRecord record, LogEventLevel level, string member, string file, int line);
}
