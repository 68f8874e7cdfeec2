using Serilog.Core;
using Serilog.Events;

namespace TradingLog.Pipeline;

/// <summary>Wraps a batched sink so that each emitted batch frees its room in the <see cref="QueueGauge"/>.</summary>
internal sealed class GaugedBatchedSink(IBatchedLogEventSink inner, QueueGauge gauge) : IBatchedLogEventSink, IDisposable
{
    public async Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        try
        {
            await inner.EmitBatchAsync(batch);
        }
        finally
        {
            gauge.Decrement(batch.Count);
        }
    }

    public Task OnEmptyBatchAsync() => inner.OnEmptyBatchAsync();

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
