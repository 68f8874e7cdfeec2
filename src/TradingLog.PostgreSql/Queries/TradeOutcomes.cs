namespace TradingLog.PostgreSql.Queries;

/// <summary>How many trades a range holds and how many of them were rejected or failed.</summary>
/// <param name="Trades">Every trade row.</param>
/// <param name="Rejected">Rows with status <c>REJECTED</c>.</param>
/// <param name="Failed">Rows with status <c>FAILED</c>.</param>
public sealed record TradeOutcomes(long Trades, long Rejected, long Failed);
