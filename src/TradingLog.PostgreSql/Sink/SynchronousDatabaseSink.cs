using Serilog.Core;
using Serilog.Events;

namespace TradingLog.PostgreSql.Sink;

/// <summary>With <c>async_logging: false</c>: each event is written before the logging call returns, on the caller's thread.</summary>
internal sealed class SynchronousDatabaseSink(PostgreSqlSink inner) : ILogEventSink, IDisposable
{
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            inner.EmitBatchAsync([logEvent]).GetAwaiter().GetResult();
        }
    }

    public void Dispose() => inner.Dispose();
}
