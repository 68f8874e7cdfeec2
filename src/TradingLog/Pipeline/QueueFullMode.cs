namespace TradingLog.Pipeline;

/// <summary>What the call site does when a sink's queue is full.</summary>
public enum QueueFullMode
{
    /// <summary>Drop the event and count it in <see cref="Diagnostics.TradingLogHealth.QueueDropped"/>.</summary>
    Drop,

    /// <summary>Wait for room, up to a bounded time, then drop and count.</summary>
    Block,
}
