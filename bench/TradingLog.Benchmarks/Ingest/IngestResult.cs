namespace TradingLog.Benchmarks.Ingest;

/// <summary>One contender's measurement: rows committed and how long from the first call until the last commit.</summary>
internal sealed record IngestResult(string Name, long Rows, TimeSpan Elapsed, TimeSpan CallSite)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
}
