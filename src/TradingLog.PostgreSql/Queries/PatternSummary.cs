namespace TradingLog.PostgreSql.Queries;

/// <summary>One pattern of one service over a window (see <see cref="LogQueries.PatternsAsync"/>).</summary>
/// <param name="PatternId">The pattern's ID (52 bits; shown as 13 hexadecimal digits), after following replacements of mined templates.</param>
/// <param name="Service">The service that logged it.</param>
/// <param name="Template">The message template, or the mined template with <c>&lt;*&gt;</c> for its variables.</param>
/// <param name="Source"><c>template</c> (a message template with holes) or <c>mined</c> (free text, through the template miner).</param>
/// <param name="Events">Events of the pattern in the window.</param>
/// <param name="FirstSeen">When the service first logged it (of all time, not of the window).</param>
/// <param name="LastSeen">When the service last logged it.</param>
/// <param name="Example">The first message seen of it, at most 2,000 characters.</param>
/// <param name="Buckets">Events per equal slice of the window, oldest first: its trend.</param>
/// <param name="IsNew">Whether it was first seen within the window.</param>
public sealed record PatternSummary(long PatternId, string Service, string Template, string Source, long Events, DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen, string? Example, IReadOnlyList<long> Buckets, bool IsNew);
