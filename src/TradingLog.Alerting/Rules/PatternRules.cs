using TradingLog.Alerting.Configuration;
using TradingLog.Patterns.Anomalies;
using TradingLog.Patterns.Assignment;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Alerting.Rules;

/// <summary>
/// The pattern rules. <c>new_pattern</c>: one alert per pattern new to a service (after its warm-up) or back after a long
/// quiet, while the sighting is within the window. <c>anomaly</c>: one alert per pattern and service whose count in the
/// last window lies far from its robust baseline: the same window's counts over the trailing baseline or, once the
/// service has logged at this time of day on at least <see cref="SeasonalDaysNeeded"/> of the last
/// <see cref="SeasonalDays"/> days, over those days around this time.
/// </summary>
internal static class PatternRules
{
    /// <summary>How many earlier days are looked at for the time-of-day profile: 7.</summary>
    public const int SeasonalDays = 7;

    /// <summary>How many of them must have the service logging around this time to use the profile: 3.</summary>
    public const int SeasonalDaysNeeded = 3;

    /// <summary>How far either side of this time of day the profile reaches on each earlier day: 30 minutes.</summary>
    public static readonly TimeSpan SeasonalSpread = TimeSpan.FromMinutes(30);

    /// <summary>The longest template carried in the <c>pattern</c> label.</summary>
    public const int MaxLabelLength = 200;

    public static async Task<IReadOnlyList<AlertSample>> NewPatternsAsync(AlertRule rule, LogQueries queries, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var sightings = await queries.PatternSightingsAsync(at - rule.Window, rule.WarmUp, rule.ReturnAfter, rule.Service, cancellationToken);
        return sightings.Where(s => s.At <= at).Select(s => new AlertSample(s.Service, s.QuietFor?.TotalSeconds ?? 0, true,
                s.QuietFor is { } quiet
                    ? $"back after {AlertDuration.Describe(quiet)} of quiet, at {s.At.UtcDateTime:HH:mm:ss} UTC: {Example(s)}"
                    : $"first seen at {s.At.UtcDateTime:HH:mm:ss} UTC: {Example(s)}",
                Labels(s.PatternId, s.Template)))
            .ToList();
    }

    public static async Task<IReadOnlyList<AlertSample>> AnomaliesAsync(AlertRule rule, LogQueries queries, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var step = rule.Window;
        var current = at - step;
        var ranges = new List<(DateTimeOffset Start, DateTimeOffset End)> { (current - rule.Baseline, at) };
        var spread = SeasonalSpread > step ? SeasonalSpread : step;
        for (var day = 1; day <= SeasonalDays; day++)
        {
            var then = current - TimeSpan.FromDays(day);
            ranges.Add((then - spread, then + spread));
        }

        var rates = await queries.PatternRatesAsync(ranges, step, at, rule.Service, cancellationToken);
        // Buckets are aligned on `at` and numbered by their distance from it in steps (the newest is -1): PostgreSQL
        // returns their starts to the microsecond, so they are matched by number, not by instant.
        long Slot(DateTimeOffset start) => (long)Math.Round((start - at) / step);
        var counts = rates.GroupBy(r => (r.Service, r.PatternId))
            .ToDictionary(g => g.Key, g => g.GroupBy(r => Slot(r.Start)).ToDictionary(b => b.Key, b => (double)b.Sum(r => r.Events)));
        var present = rates.Select(r => (r.Service, Day: DayOf(ranges, r.Start))).Where(d => d.Day > 0).Distinct().ToLookup(d => d.Service, d => d.Day);
        var detector = new RateAnomalyDetector { Sensitivity = rule.Sensitivity, MinEvents = rule.MinEvents };
        var found = new List<(string Service, long Pattern, RateAnomalyKind Kind, double Count, RobustBaseline Baseline, bool Seasonal)>();
        foreach (var ((service, pattern), slots) in counts)
        {
            var now = slots.GetValueOrDefault(-1);
            var days = present[service].ToList();
            var seasonal = days.Count >= SeasonalDaysNeeded;
            var samples = seasonal
                ? days.SelectMany(day => Range(slots, Slot(ranges[day].Start), Slot(ranges[day].End))).ToList()
                : TrailingSamples(slots, Slot(current - rule.Baseline));
            var baseline = RobustBaseline.Of(samples);
            var kind = detector.Judge(now, baseline);
            if (kind == RateAnomalyKind.Spike && rule.AnomalyDirection != "drop" || kind == RateAnomalyKind.Drop && rule.AnomalyDirection != "spike")
            {
                found.Add((service, pattern, kind, now, baseline, seasonal));
            }
        }

        if (found.Count == 0)
        {
            return [];
        }

        var templates = await queries.PatternTemplatesAsync(found.Select(f => f.Pattern).Distinct().ToList(), cancellationToken);
        return found.Select(f =>
        {
            var score = f.Baseline.Score(f.Count);
            var against = f.Seasonal ? $"this time of day on {SeasonalDays} earlier days" : $"the trailing {AlertDuration.Describe(rule.Baseline)}";
            return new AlertSample(f.Service, Math.Round(score, 2), true,
                $"{(f.Kind == RateAnomalyKind.Spike ? "spike" : "drop")}: {f.Count:0} events in {AlertDuration.Format(step)} against a median of " +
                $"{f.Baseline.Median:0.#} over {against} ({Math.Abs(score):0.#} spreads {(score > 0 ? "above" : "below")})",
                Labels(f.Pattern, templates.GetValueOrDefault(f.Pattern) ?? "(pattern not recorded)"));
        }).ToList();
    }

    private static Dictionary<string, string> Labels(long pattern, string template) => new(StringComparer.Ordinal)
    {
        ["pattern_id"] = PatternIds.Format(pattern),
        ["pattern"] = Cut(template),
    };

    private static string Example(PatternSighting sighting) => Cut(sighting.Example ?? sighting.Template);

    private static string Cut(string text) => text.Length > MaxLabelLength ? text[..MaxLabelLength] + "…" : text;

    /// <summary>
    /// The trailing baseline's counts, from slot <paramref name="first"/> to the one before the newest, starting at the
    /// pattern's first bucket in it (an absent pattern is not a quiet one).
    /// </summary>
    private static List<double> TrailingSamples(Dictionary<long, double> slots, long first) =>
        [.. Range(slots, first, -1).SkipWhile(count => count == 0)];

    /// <summary>The counts of slots [<paramref name="from"/>, <paramref name="to"/>), zero where a bucket had no event.</summary>
    private static IEnumerable<double> Range(Dictionary<long, double> slots, long from, long to)
    {
        for (var slot = from; slot < to; slot++)
        {
            yield return slots.GetValueOrDefault(slot);
        }
    }

    /// <summary>Which earlier day's range a bucket is in (1 to 7), or 0 for the trailing range.</summary>
    private static int DayOf(List<(DateTimeOffset Start, DateTimeOffset End)> ranges, DateTimeOffset start)
    {
        for (var i = 1; i < ranges.Count; i++)
        {
            if (start >= ranges[i].Start && start < ranges[i].End)
            {
                return i;
            }
        }

        return 0;
    }
}
