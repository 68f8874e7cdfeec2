namespace TradingSystem;

/// <summary>The run's trade numbering and the stop signal of the market-data loop.</summary>
internal sealed class TradingState(string runId)
{
    private long _trades;

    public CancellationTokenSource Stop { get; } = new();

    public string NextTradeId() => $"trade_{runId}_{Interlocked.Increment(ref _trades)}";
}
