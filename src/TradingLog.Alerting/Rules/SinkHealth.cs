using System.Text.Json;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Alerting.Rules;

/// <summary>
/// A service's sink health over a window, from its processes' heartbeats: events spooled now, and how many were dropped,
/// dead-lettered or failed to reach a file during the window (heartbeats carry running totals; the increase is counted).
/// </summary>
internal sealed record SinkHealth(string Service, long Spooled, long Dropped, long DeadLettered, long FileWriteFailures)
{
    public double Value(string signal) => signal switch
    {
        "spooled" => Spooled,
        "dropped" => Dropped,
        "dead_lettered" => DeadLettered,
        "file_write_failures" => FileWriteFailures,
        _ => Spooled + Dropped + DeadLettered + FileWriteFailures,
    };

    public string Describe() =>
        $"{Spooled} spooled, {Dropped} dropped, {DeadLettered} dead-lettered, {FileWriteFailures} file write failures";

    /// <summary>One measure per service in <paramref name="heartbeats"/> (oldest first), summed over its processes.</summary>
    public static IReadOnlyList<SinkHealth> Measure(IReadOnlyList<LogEntry> heartbeats, TimeSpan window)
    {
        var processes = new Dictionary<(string Service, string Process), (Counters First, Counters Last)>();
        foreach (var beat in heartbeats)
        {
            var counters = Counters.Of(beat.Metadata);
            var key = (beat.Service, counters.Process);
            processes[key] = processes.TryGetValue(key, out var seen) ? (seen.First, counters) : (counters, counters);
        }

        return processes
            .GroupBy(p => p.Key.Service, StringComparer.Ordinal)
            .Select(g => new SinkHealth(g.Key,
                g.Sum(p => p.Value.Last.Spooled),
                g.Sum(p => Increase(p.Value.First, p.Value.Last, c => c.Dropped, window)),
                g.Sum(p => Increase(p.Value.First, p.Value.Last, c => c.DeadLettered, window)),
                g.Sum(p => Increase(p.Value.First, p.Value.Last, c => c.FileWriteFailures, window))))
            .OrderBy(h => h.Service, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The growth of a running total over the window. A process that started within the window counts from zero; one
    /// whose total went down restarted, and its newest total is the growth since.
    /// </summary>
    private static long Increase(Counters first, Counters last, Func<Counters, long> counter, TimeSpan window)
    {
        if (last.UptimeSeconds <= window.TotalSeconds || counter(last) < counter(first))
        {
            return counter(last);
        }

        return counter(last) - counter(first);
    }

    private sealed record Counters(string Process, double UptimeSeconds, long Spooled, long Dropped, long DeadLettered, long FileWriteFailures)
    {
        public static Counters Of(string? metadata)
        {
            if (metadata is null)
            {
                return new Counters("", double.MaxValue, 0, 0, 0, 0);
            }

            using var document = JsonDocument.Parse(metadata);
            var properties = document.RootElement.TryGetProperty("properties", out var p) ? p : document.RootElement;
            return new Counters(
                Text(properties, HealthEvents.Host) + "/" + Text(properties, HealthEvents.ProcessId),
                Number(properties, HealthEvents.UptimeSeconds, double.MaxValue),
                (long)Number(properties, HealthEvents.Spooled, 0),
                (long)Number(properties, HealthEvents.Dropped, 0),
                (long)Number(properties, HealthEvents.DeadLettered, 0),
                (long)Number(properties, HealthEvents.FileWriteFailures, 0));
        }

        private static string Text(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value.ToString() : "";

        private static double Number(JsonElement element, string name, double fallback) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
                ? value.ValueKind == JsonValueKind.Number ? value.GetDouble()
                : double.TryParse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : fallback
                : fallback;
    }
}
