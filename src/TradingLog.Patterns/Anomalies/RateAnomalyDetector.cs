namespace TradingLog.Patterns.Anomalies;

/// <summary>
/// Judges one bucket's count against a <see cref="RobustBaseline"/>: a spike when it lies at least
/// <see cref="Sensitivity"/> spreads above the median with at least <see cref="MinEvents"/> events, a drop when it lies
/// that far below a median of at least <see cref="MinEvents"/>. Both minimums keep noise from rare patterns out.
/// </summary>
internal sealed class RateAnomalyDetector
{
    /// <summary>The named sensitivities, as the robust z-score they need: low 7, medium 5, high 3.5.</summary>
    public static readonly IReadOnlyDictionary<string, double> Sensitivities = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["low"] = 7,
        ["medium"] = 5,
        ["high"] = 3.5,
    };

    /// <summary>Default <see cref="Sensitivity"/>: medium, 5 spreads.</summary>
    public const double DefaultSensitivity = 5;

    /// <summary>Default <see cref="MinEvents"/>: 10 events in the bucket (a spike) or in the median bucket (a drop).</summary>
    public const int DefaultMinEvents = 10;

    /// <summary>Default <see cref="MinSamples"/>: 5 baseline buckets.</summary>
    public const int DefaultMinSamples = 5;

    /// <summary>How many spreads from the median count as an anomaly; more is less sensitive. Above 0.</summary>
    public double Sensitivity { get; init; } = DefaultSensitivity;

    public int MinEvents { get; init; } = DefaultMinEvents;

    /// <summary>The fewest baseline buckets to judge by; with fewer, nothing is an anomaly.</summary>
    public int MinSamples { get; init; } = DefaultMinSamples;

    public RateAnomalyKind Judge(double count, RobustBaseline baseline)
    {
        if (baseline.Samples < MinSamples)
        {
            return RateAnomalyKind.None;
        }

        var score = baseline.Score(count);
        if (score >= Sensitivity && count >= MinEvents)
        {
            return RateAnomalyKind.Spike;
        }

        return score <= -Sensitivity && baseline.Median >= MinEvents ? RateAnomalyKind.Drop : RateAnomalyKind.None;
    }
}
