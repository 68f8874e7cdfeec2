using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using TradingLog.Benchmarks.Ingest;
using TradingLog.Benchmarks.Retention;

// TradingLog benchmarks. Usage:
//   dotnet run -c Release --project bench/TradingLog.Benchmarks -- ingest [--quick] [--events N] [--out FILE]
//   dotnet run -c Release --project bench/TradingLog.Benchmarks -- retention [--quick] [--out FILE]
//   dotnet run -c Release --project bench/TradingLog.Benchmarks -- callsite [--quick]
var command = args.FirstOrDefault() ?? "help";
var quick = args.Contains("--quick");
int? events = Option("--events") is { } e ? int.Parse(e, System.Globalization.CultureInfo.InvariantCulture) : null;
switch (command)
{
    case "ingest":
        return await IngestBenchmark.RunAsync(quick, events, Option("--out"));
    case "callsite":
        var config = BenchmarkDotNet.Configs.DefaultConfig.Instance
            .AddJob((quick ? BenchmarkDotNet.Jobs.Job.ShortRun : BenchmarkDotNet.Jobs.Job.Default)
                .WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance))
            .WithOptions(BenchmarkDotNet.Configs.ConfigOptions.DisableOptimizationsValidator);
        var summary = BenchmarkDotNet.Running.BenchmarkRunner.Run<TradingLog.Benchmarks.CallSite.CallSiteBenchmarks>(config);
        return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
    case "retention":
        return await RetentionBenchmark.RunAsync(quick, Option("--out"));
    default:
        Console.WriteLine("usage: TradingLog.Benchmarks ingest [--quick] [--events N] [--out FILE]");
        Console.WriteLine("       TradingLog.Benchmarks retention [--quick] [--out FILE]");
        Console.WriteLine("       TradingLog.Benchmarks callsite [--quick]");
        return command == "help" ? 0 : 2;
}

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
