namespace TradingLog.PostgreSql.Queries;

/// <summary>Events of one level in one time bucket of a histogram.</summary>
/// <param name="Start">The bucket's start (UTC).</param>
/// <param name="Level">DEBUG, INFO, WARNING, ERROR or CRITICAL.</param>
/// <param name="Count">Events in the bucket at that level.</param>
public sealed record LevelBucket(DateTimeOffset Start, string Level, long Count);
