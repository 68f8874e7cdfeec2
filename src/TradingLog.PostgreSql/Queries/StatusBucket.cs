namespace TradingLog.PostgreSql.Queries;

/// <summary>Trades of one status in one time bucket.</summary>
/// <param name="Start">The bucket's start (UTC).</param>
/// <param name="Status">FILLED, REJECTED… or <c>(none)</c>.</param>
/// <param name="Count">Trade rows in the bucket with that status.</param>
public sealed record StatusBucket(DateTimeOffset Start, string Status, long Count);
