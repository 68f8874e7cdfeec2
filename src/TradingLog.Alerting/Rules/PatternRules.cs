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
        // Buckets come back to the microsecond (PostgreSQL's precision) and are matched by their start: whole milliseconds
        // on both sides.
        at = new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
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
        var counts = rates.GroupBy(r => (r.Service, r.PatternId)).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Start, r => (double)r.Events));
        var present = rates.Select(r => (r.Service, Day: DayOf(ranges, r.Start))).Where(d => d.Day > 0).Distinct().ToLookup(d => d.Service, d => d.Day);
        var detector = new RateAnomalyDetector { Sensitivity = rule.Sensitivity, MinEvents = rule.MinEvents };
        var found = new List<(string Service, long Pattern, RateAnomalyKind Kind, double Count, RobustBaseline Baseline, bool Seasonal)>();
        foreach (var ((service, pattern), slots) in counts)
        {
            var now = slots.GetValueOrDefault(current);
            var days = present[service].ToList();
            var seasonal = days.Count >= SeasonalDaysNeeded;
            var samples = seasonal ? SeasonalSamples(slots, current, days, spread, step) : TrailingSamples(slots, current, rule.Baseline, step);
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
        ["pattern"] = template.Length > MaxLabelLength ? template[..MaxLabelLength] + "…" : template,
    };

    private static string Example(PatternSighting sighting) => sighting.Example is { } example
        ? example.Length > MaxLabelLength ? example[..MaxLabelLength] + "…" : example
        : sighting.Template;

    /// <summary>The slots of the trailing baseline from the pattern's first one in it (an absent pattern is not a quiet one).</summary>
    private static List<double> TrailingSamples(Dictionary<DateTimeOffset, double> slots, DateTimeOffset current, TimeSpan baseline, TimeSpan step)
    {
        var samples = new List<double>();
        var started = false;
        for (var start = current - baseline; start < current; start += step)
        {
            var count = slots.GetValueOrDefault(start);
            started |= count > 0;
            if (started)
            {
                samples.Add(count);
            }
        }

        return samples;
    }

    private static List<double> SeasonalSamples(Dictionary<DateTimeOffset, double> slots, DateTimeOffset current, List<int> days, TimeSpan spread,
        TimeSpan step)
    {
        var samples = new List<double>();
        foreach (var day in days)
        {
            var then = current - TimeSpan.FromDays(day);
            for (var start = then - spread; start < then + spread; start += step)
            {
                samples.Add(slots.GetValueOrDefault(start));
            }
        }

        return samples;
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
