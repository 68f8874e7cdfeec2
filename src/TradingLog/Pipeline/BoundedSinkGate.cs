using Serilog.Core;
using Serilog.Events;
using TradingLog.Diagnostics;

namespace TradingLog.Pipeline;

/// <summary>
/// Bounds the queue of a Serilog batching sink. The call site pays an interlocked increment; when the queue holds
/// <c>capacity</c> events it drops (counted) or waits a bounded time for room, as configured.
/// </summary>
internal sealed class BoundedSinkGate(ILogEventSink inner, QueueGauge gauge, int capacity, QueueFullMode mode, TimeSpan maxBlock, TradingLogHealth health, Action? onDropped = null)
    : ILogEventSink, IDisposable, IAsyncDisposable
{
    public void Emit(LogEvent logEvent)
    {
        if (gauge.Increment() > capacity && !WaitForRoom())
        {
            gauge.Decrement(1);
            health.QueueFull(this, logEvent);
            onDropped?.Invoke();
            return;
        }

        inner.Emit(logEvent);
    }

    private bool WaitForRoom()
    {
        if (mode == QueueFullMode.Drop)
        {
            return false;
        }

        var deadline = Environment.TickCount64 + (long)maxBlock.TotalMilliseconds;
        var spinner = default(SpinWait);
        while (gauge.Depth > capacity)
        {
            if (Environment.TickCount64 > deadline)
            {
                return false;
            }

            spinner.SpinOnce(sleep1Threshold: 20);
        }

        return true;
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

    public ValueTask DisposeAsync() => inner is IAsyncDisposable a ? a.DisposeAsync() : ValueTask.CompletedTask;
}
