namespace TradingLog.PostgreSql.Queries;

/// <summary>Events of one pattern of one service in one time bucket (see <see cref="LogQueries.PatternRatesAsync"/>).</summary>
/// <param name="PatternId">The pattern's ID, after following replacements.</param>
/// <param name="Service">The service.</param>
/// <param name="Start">The bucket's start (UTC); it lasts the step asked for.</param>
/// <param name="Events">Events in the bucket; buckets without any are not returned.</param>
public sealed record PatternRate(long PatternId, string Service, DateTimeOffset Start, long Events);
