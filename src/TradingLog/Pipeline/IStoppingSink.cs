namespace TradingLog.Pipeline;

/// <summary>
/// A batched sink that bounds its own stop: the <see cref="BatchingQueue"/> tells it the moment the stop begins, before
/// it drains the queue, so that a sink waiting on a remote system can start its time bound there and not only once the
/// queue is empty.
/// </summary>
internal interface IStoppingSink
{
    /// <summary>The stop has begun; called once, before the queue drains.</summary>
    void BeginStop();
}
