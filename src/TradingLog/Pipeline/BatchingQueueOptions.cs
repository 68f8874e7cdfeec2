namespace TradingLog.Pipeline;

/// <summary>How a <see cref="BatchingQueue"/> bounds its queue and batches its writes.</summary>
internal sealed record BatchingQueueOptions(int Capacity, QueueFullMode FullMode, TimeSpan MaxBlock, int BatchSize, TimeSpan BufferingTime);
