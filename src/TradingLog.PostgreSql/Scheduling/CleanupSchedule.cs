using Cronos;

namespace TradingLog.PostgreSql.Scheduling;

/// <summary>
/// <c>cleanup_schedule</c> in <c>cleanup_time_zone</c>, computed by Cronos, which handles daylight-saving changes: a time
/// skipped by spring-forward runs at the next valid moment, and a time repeated by fall-back runs once.
/// </summary>
public sealed class CleanupSchedule
{
    private readonly CronExpression _cron;

    /// <summary>Parses <paramref name="cron"/> (five fields, or six with seconds first) in <paramref name="timeZone"/> (IANA, or Local).</summary>
    public CleanupSchedule(string cron, string timeZone)
    {
        var text = cron.Trim();
        _cron = CronExpression.Parse(text,
            text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        Zone = timeZone.Equals("Local", StringComparison.OrdinalIgnoreCase) ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(timeZone);
    }

    /// <summary>The time zone the expression is read in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The first occurrence strictly after <paramref name="from"/>.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset from) => _cron.GetNextOccurrence(from, Zone);

    /// <summary>The latest occurrence after <paramref name="since"/> and at or before <paramref name="now"/>, if one was due.</summary>
    public DateTimeOffset? LatestBetween(DateTimeOffset since, DateTimeOffset now) =>
        _cron.GetOccurrences(since, now, Zone, fromInclusive: false, toInclusive: true).Cast<DateTimeOffset?>().LastOrDefault();
}
