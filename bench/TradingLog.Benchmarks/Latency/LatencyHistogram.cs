namespace TradingLog.Benchmarks.Latency;

/// <summary>
/// Call durations in nanoseconds, recorded without allocating: log-linear buckets (64 per power of two, so a value is
/// known within 1.6 %), exact below 64 ns, and the exact maximum. Allocated once, before the measured interval.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBuckets = 64;
    private const int Powers = 40; // up to 2^40 ns, about 18 minutes
    private readonly long[] _counts = new long[Powers * SubBuckets];

    public long Count { get; private set; }

    public long Max { get; private set; }

    public void Record(long nanoseconds)
    {
        if (nanoseconds < 0)
        {
            nanoseconds = 0;
        }

        _counts[Index(nanoseconds)]++;
        Count++;
        if (nanoseconds > Max)
        {
            Max = nanoseconds;
        }
    }

    /// <summary>The value at or below which <paramref name="fraction"/> of the calls fall (upper edge of its bucket, at most the maximum).</summary>
    public long Percentile(double fraction)
    {
        var rank = (long)Math.Ceiling(fraction * Count);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank && _counts[i] > 0)
            {
                return Math.Min(UpperEdge(i), Max);
            }
        }

        return Max;
    }

    public void Clear()
    {
        Array.Clear(_counts);
        Count = 0;
        Max = 0;
    }

    private static int Index(long value)
    {
        if (value < SubBuckets)
        {
            return (int)value;
        }

        var power = 63 - (int)long.LeadingZeroCount(value); // value in [2^power, 2^(power+1))
        var sub = (int)((value >> (power - 6)) & (SubBuckets - 1));
        return Math.Min((power - 5) * SubBuckets + sub, Powers * SubBuckets - 1);
    }

    private static long UpperEdge(int index)
    {
        if (index < SubBuckets)
        {
            return index;
        }

        var power = index / SubBuckets + 5;
        var sub = index % SubBuckets;
        return ((long)(SubBuckets + sub + 1) << (power - 6)) - 1;
    }
}
