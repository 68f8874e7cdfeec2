using Serilog.Core;
using Serilog.Events;

namespace TradingLog.PostgreSql.Sink;

/// <summary>
/// With <c>async_logging: false</c>: each event is stored before the logging call returns — committed to PostgreSQL,
/// or, when the database is away, in the spool (or the dead-letter file, for a row PostgreSQL refuses). The caller's
/// thread waits for it, bounded by <c>database.write_timeout</c>.
/// </summary>
internal sealed class SynchronousDatabaseSink(PostgreSqlSink inner) : ILogEventSink, IDisposable
{
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            inner.EmitBatchAsync([logEvent]).GetAwaiter().GetResult();
            inner.WaitForDeliveryAsync().GetAwaiter().GetResult(); // the batch above, not only the one before it
        }
    }

    public void Dispose() => inner.Dispose();
}
