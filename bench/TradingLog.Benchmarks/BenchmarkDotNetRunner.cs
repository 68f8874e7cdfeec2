using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace TradingLog.Benchmarks;

/// <summary>Runs BenchmarkDotNet classes in-process: ShortRun for --quick, else the default job.</summary>
internal static class BenchmarkDotNetRunner
{
    public static async Task<int> RunAsync<TBenchmarks>(bool quick, string? filter, Func<Summary, Task>? publish)
    {
        var config = DefaultConfig.Instance
            .AddJob((quick ? Job.ShortRun : Job.Default).WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        if (filter is not null)
        {
            config = config.AddFilter(new GlobFilter([filter]));
        }

        var summary = BenchmarkRunner.Run<TBenchmarks>(config);
        if (publish is not null)
        {
            await publish(summary);
        }

        return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
    }
}
