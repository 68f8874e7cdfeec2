namespace TradingSystem;

/// <summary>The run's trade numbering, the stop signal of the market-data loop, and the incidents injected into this run.</summary>
internal sealed class TradingState(string runId)
{
    private long _trades;

    public CancellationTokenSource Stop { get; } = new();

    public IncidentSwitch Incidents { get; } = new();

    public string NextTradeId() => $"trade_{runId}_{Interlocked.Increment(ref _trades)}";
}
