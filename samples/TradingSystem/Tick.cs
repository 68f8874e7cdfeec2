namespace TradingSystem;

/// <summary>A price update from market data.</summary>
internal sealed record Tick(string Symbol, double Price);
