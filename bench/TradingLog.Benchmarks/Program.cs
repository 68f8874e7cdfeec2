using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using TradingLog.Benchmarks.Ingest;
using TradingLog.Benchmarks.Retention;

// TradingLog benchmarks. Usage:
//   dotnet run -c Release --project bench/TradingLog.Benchmarks -- ingest [--quick] [--events N] [--out FILE]
//   dotnet run -c Release --project bench/TradingLog.Benchmarks -- retention [--quick] [--out FILE]
//   dotnet run -c Release --project bench/TradingLog.Benchmarks -- queries [--quick] [--rows N] [--out FILE]
//   dotnet run -c Release --project bench/TradingLog.Benchmarks -- outage [--quick] [--rate N] [--seconds N] [--out FILE]
//   dotnet run -c Release --project bench/TradingLog.Benchmarks -- callsite [--quick] [--filter GLOB] [--json FILE]
//   dotnet run -c Release --project bench/TradingLog.Benchmarks -- chart [--in FOLDER]
// Every benchmark also takes --json FILE: its figures for `chart`.
var command = args.FirstOrDefault() ?? "help";
var quick = args.Contains("--quick");
int? events = IntOption("--events");
switch (command)
{
    case "ingest":
        return await IngestBenchmark.RunAsync(quick, events, Option("--out"), Option("--json"));
    case "callsite":
        var config = BenchmarkDotNet.Configs.DefaultConfig.Instance
            .AddJob((quick ? BenchmarkDotNet.Jobs.Job.ShortRun : BenchmarkDotNet.Jobs.Job.Default)
                .WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance))
            .WithOptions(BenchmarkDotNet.Configs.ConfigOptions.DisableOptimizationsValidator);
        if (Option("--filter") is { } filter)
        {
            config = config.AddFilter(new BenchmarkDotNet.Filters.GlobFilter([filter]));
        }

        var summary = BenchmarkDotNet.Running.BenchmarkRunner.Run<TradingLog.Benchmarks.CallSite.CallSiteBenchmarks>(config);
        if (Option("--json") is { } callSiteJson)
        {
            await TradingLog.Benchmarks.CallSite.CallSiteFigures.From(summary, quick).SaveAsync(callSiteJson);
        }
        return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
    case "queries":
        return await TradingLog.Benchmarks.Queries.QueryBenchmark.RunAsync(quick, IntOption("--rows"), Option("--out"), Option("--json"));
    case "outage":
        return await TradingLog.Benchmarks.Outage.OutageBenchmark.RunAsync(quick, IntOption("--rate"), IntOption("--seconds"), Option("--out"), Option("--json"));
    case "chart":
        return TradingLog.Benchmarks.Charts.ChartCommand.Run(Option("--in") ?? Path.Combine("docs", "benchmarks"));
    case "retention":
        return await RetentionBenchmark.RunAsync(quick, Option("--out"), Option("--json"));
    default:
        Console.WriteLine("usage: TradingLog.Benchmarks ingest [--quick] [--events N] [--out FILE]");
        Console.WriteLine("       TradingLog.Benchmarks retention [--quick] [--out FILE]");
        Console.WriteLine("       TradingLog.Benchmarks queries [--quick] [--rows N] [--out FILE]");
        Console.WriteLine("       TradingLog.Benchmarks outage [--quick] [--rate N] [--seconds N] [--out FILE]");
        Console.WriteLine("       TradingLog.Benchmarks callsite [--quick] [--filter GLOB] [--json FILE]");
        Console.WriteLine("       TradingLog.Benchmarks chart [--in FOLDER]   (default docs/benchmarks: draws each *.json as a PNG)");
        return command == "help" ? 0 : 2;
}

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

int? IntOption(string name) => Option(name) is { } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : null;
