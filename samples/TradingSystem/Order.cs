namespace TradingSystem;

/// <summary>An order from the strategy engine to execution.</summary>
internal sealed record Order(string TradeId, string Symbol, string Side, int Quantity, double Price);
