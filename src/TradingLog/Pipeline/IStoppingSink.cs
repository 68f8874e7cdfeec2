namespace TradingLog.Pipeline;

/// <summary>
/// A batched sink that bounds its own stop. TradingLog's batching queue tells it the moment the stop begins, before it
/// drains the queue, so that a sink waiting on a remote system can start its time bound there and not only once the
/// queue is empty. Implement it beside Serilog's <c>IBatchedLogEventSink</c>.
/// </summary>
public interface IStoppingSink
{
    /// <summary>The stop has begun. Called once, on the disposing thread, before the queue drains; must not block.</summary>
    void BeginStop();
}
