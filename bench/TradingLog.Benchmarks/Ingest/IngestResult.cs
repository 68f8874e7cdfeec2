namespace TradingLog.Benchmarks.Ingest;

/// <summary>
/// One contender's measurement: rows committed, how long from the first call until the last commit, where the CPU
/// went meanwhile, and (TradingLog only) the deepest the database queue got, sampled every 1,024 calls.
/// </summary>
internal sealed record IngestResult(string Name, long Rows, TimeSpan Elapsed, TimeSpan CallSite, CpuMeter Cpu, long? MaxQueued = null)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;

    /// <summary>From the last call to the last commit: how far the database was behind when the calls ended.</summary>
    public TimeSpan Lag => Elapsed - CallSite;
}
