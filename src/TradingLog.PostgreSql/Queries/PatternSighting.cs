namespace TradingLog.PostgreSql.Queries;

/// <summary>A pattern new to a service, or back after a long quiet (see <see cref="LogQueries.PatternSightingsAsync"/>).</summary>
/// <param name="PatternId">The pattern's ID, after following replacements.</param>
/// <param name="Service">The service.</param>
/// <param name="Template">Its template.</param>
/// <param name="Example">Its first message.</param>
/// <param name="At">When it was first seen, or when it came back.</param>
/// <param name="QuietFor">For a return, how long it had not been seen; null for a new pattern.</param>
public sealed record PatternSighting(long PatternId, string Service, string Template, string? Example, DateTimeOffset At, TimeSpan? QuietFor);
