namespace TradingLog.Benchmarks.Ingest;

/// <summary>
/// One contender's measurement: rows committed, how long from the first call until the last commit, and where the CPU
/// went meanwhile.
/// </summary>
internal sealed record IngestResult(string Name, long Rows, TimeSpan Elapsed, TimeSpan CallSite, CpuMeter Cpu)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
}
