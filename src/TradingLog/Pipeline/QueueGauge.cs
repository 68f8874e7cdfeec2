namespace TradingLog.Pipeline;

/// <summary>The number of events enqueued to a batched sink and not yet emitted.</summary>
internal sealed class QueueGauge
{
    private long _depth;

    public long Depth => Interlocked.Read(ref _depth);

    public long Increment() => Interlocked.Increment(ref _depth);

    public void Decrement(long count) => Interlocked.Add(ref _depth, -count);
}
