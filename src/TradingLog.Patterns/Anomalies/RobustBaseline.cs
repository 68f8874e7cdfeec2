namespace TradingLog.Patterns.Anomalies;

/// <summary>
/// A robust baseline of event counts: the median and the median absolute deviation (MAD), which a burst in the
/// baseline itself does not drag along as a mean and a standard deviation would. The spread is the MAD scaled to a
/// standard deviation (1.4826) and never below the Poisson spread of the median (its square root, at least 1): counts
/// of rare events are mostly zero, and a MAD of zero would make any single event an outlier.
/// </summary>
internal readonly record struct RobustBaseline(double Median, double Spread, int Samples)
{
    /// <summary>The MAD's scale to a normal distribution's standard deviation.</summary>
    public const double MadScale = 1.4826;

    public static RobustBaseline Of(IReadOnlyList<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return new RobustBaseline(0, 1, 0);
        }

        var median = MedianOf(samples);
        var deviations = new double[samples.Count];
        for (var i = 0; i < samples.Count; i++)
        {
            deviations[i] = Math.Abs(samples[i] - median);
        }

        var mad = MedianOf(deviations);
        var spread = Math.Max(MadScale * mad, Math.Sqrt(Math.Max(median, 1)));
        return new RobustBaseline(median, spread, samples.Count);
    }

    /// <summary>How many spreads <paramref name="value"/> lies above (positive) or below (negative) the median.</summary>
    public double Score(double value) => (value - Median) / Spread;

    private static double MedianOf(IReadOnlyList<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
