namespace TradingLog.Pipeline;

/// <summary>How a <see cref="BatchingQueue"/> bounds its queue and batches its writes. Every default is a named constant.</summary>
public sealed class BatchingQueueOptions
{
    /// <summary>Default number of events the queue holds: <see cref="TradingLogOptions.DefaultQueueCapacity"/>.</summary>
    public const int DefaultCapacity = TradingLogOptions.DefaultQueueCapacity;

    /// <summary>Default number of events handed to the sink at once.</summary>
    public const int DefaultBatchSize = 1000;

    /// <summary>Default longest wait, in milliseconds, of the writer for a batch to fill before it writes what it has.</summary>
    public const int DefaultBufferingMilliseconds = 50;

    /// <summary>Events the queue holds before a call drops or waits (see <see cref="FullMode"/>); at least 1.</summary>
    public int Capacity { get; init; } = DefaultCapacity;

    /// <summary>What a call does when the queue is full. Default: <see cref="QueueFullMode.Block"/>, bounded by <see cref="MaxBlock"/>.</summary>
    public QueueFullMode FullMode { get; init; } = QueueFullMode.Block;

    /// <summary>Longest wait of a call for room in a full queue before it drops and counts. Default: <see cref="TradingLogOptions.DefaultMaxBlock"/>.</summary>
    public TimeSpan MaxBlock { get; init; } = TradingLogOptions.DefaultMaxBlock;

    /// <summary>Largest batch handed to the sink; at least 1. Default: <see cref="DefaultBatchSize"/>.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Longest wait of the writer for a batch to fill. Default: <see cref="DefaultBufferingMilliseconds"/> ms.</summary>
    public TimeSpan BufferingTime { get; init; } = TimeSpan.FromMilliseconds(DefaultBufferingMilliseconds);

    /// <summary>Called once for every event dropped because the queue was full (after it is counted in the health); may be null.</summary>
    public Action? OnDropped { get; init; }
}
