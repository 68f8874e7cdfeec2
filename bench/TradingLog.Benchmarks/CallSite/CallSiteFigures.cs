using BenchmarkDotNet.Reports;
using TradingLog.Benchmarks.Charts;

namespace TradingLog.Benchmarks.CallSite;

/// <summary>Turns BenchmarkDotNet's summary of <see cref="CallSiteBenchmarks"/> into chart figures: mean ns per case and contender.</summary>
internal static class CallSiteFigures
{
    public static BenchmarkFigures From(Summary summary, bool quick)
    {
        var bars = new List<BarFigure>();
        foreach (var report in summary.Reports.Where(r => r.ResultStatistics is not null))
        {
            // Descriptions read "(b) INFO, 3 properties: TradingLog (files + database)": the case, then the contender.
            var description = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');
            var separator = description.IndexOf(": ", StringComparison.Ordinal);
            var group = separator > 0 ? description[..separator] : description;
            var contender = separator > 0 ? description[(separator + 2)..] : description;
            bars.Add(new BarFigure(group, contender, Math.Round(report.ResultStatistics!.Mean, 2)));
        }

        return new BenchmarkFigures("callsite", $"Call-site cost per logging call (BenchmarkDotNet {(quick ? "ShortRun" : "default job")})",
            "nanoseconds", true, bars);
    }
}
