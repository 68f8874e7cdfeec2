using TradingLog.PostgreSql.Queries;

namespace TradingLog.Dashboard.Api;

/// <summary>
/// One correlation's events on one time axis: the lanes (services in the order they first appear), every step with the
/// time since the previous one, the trade rows, and the failing step (the first ERROR or CRITICAL event, or the event
/// nearest a rejected or failed trade row).
/// </summary>
internal static class Timeline
{
    public static object Of(IReadOnlyList<LogEntry> logs, IReadOnlyList<TradeEntry> trades)
    {
        var lanes = logs.Select(l => l.Service).Distinct(StringComparer.Ordinal).ToList();
        var start = logs.Count > 0 ? logs[0].Timestamp : trades.Count > 0 ? trades[0].Timestamp : DateTimeOffset.UtcNow;
        long? failing = logs.FirstOrDefault(l => l.Level is "ERROR" or "CRITICAL")?.Id;
        if (failing is null && trades.FirstOrDefault(t => t.ErrorMessage is not null || t.Status is "REJECTED" or "FAILED") is { } failed)
        {
            failing = logs.Where(l => l.Timestamp <= failed.Timestamp).LastOrDefault()?.Id;
        }

        var steps = logs.Select((l, i) => new
        {
            l.Id, l.Timestamp, l.Service, l.Level, l.EventType, l.Message, l.Archived,
            lane = lanes.IndexOf(l.Service),
            offset_ms = Math.Round((l.Timestamp - start).TotalMilliseconds, 3),
            since_previous_ms = i == 0 ? 0 : Math.Round((l.Timestamp - logs[i - 1].Timestamp).TotalMilliseconds, 3),
            failing = l.Id == failing,
        }).ToList();
        return new
        {
            start, lanes, steps, trades,
            duration_ms = logs.Count > 1 ? Math.Round((logs[^1].Timestamp - start).TotalMilliseconds, 3) : 0,
            failing_step = failing,
        };
    }
}
