using System.Globalization;
using TradingLog.Benchmarks;
using TradingLog.Benchmarks.Alerting;
using TradingLog.Benchmarks.CallSite;
using TradingLog.Benchmarks.Charts;
using TradingLog.Benchmarks.Dashboard;
using TradingLog.Benchmarks.Encoding;
using TradingLog.Benchmarks.Ingest;
using TradingLog.Benchmarks.Latency;
using TradingLog.Benchmarks.Load;
using TradingLog.Benchmarks.Outage;
using TradingLog.Benchmarks.Patterns;
using TradingLog.Benchmarks.Queries;
using TradingLog.Benchmarks.Retention;
using TradingLog.Benchmarks.Startup;

// TradingLog benchmarks; figures and how to read them in docs/benchmarks.md.
var command = args.FirstOrDefault() ?? "help";
var quick = args.Contains("--quick");
var exit = command switch
{
    "ingest" => await IngestBenchmark.RunAsync(quick, IntOption("--events"), IntOption("--rate"), Option("--only"), Option("--out"), Option("--json"),
        args.Contains("--free-text")),
    "callsite" => await BenchmarkDotNetRunner.RunAsync<CallSiteBenchmarks>(quick, Option("--filter"),
        Option("--json") is { } json ? summary => CallSiteFigures.From(summary, quick).SaveAsync(json) : null),
    "encode" => await BenchmarkDotNetRunner.RunAsync<EncoderBenchmarks>(quick, Option("--filter"), null),
    "retention" => await RetentionBenchmark.RunAsync(quick, Option("--out"), Option("--json"), Option("--only")),
    "queries" => await QueryBenchmark.RunAsync(quick, IntOption("--rows"), Option("--out"), Option("--json")),
    "outage" => await OutageBenchmark.RunAsync(quick, IntOption("--rate"), IntOption("--seconds"), Option("--out"), Option("--json")),
    "startup" => await StartupBenchmark.RunAsync(quick, Option("--out")),
    "dashboard" => await DashboardBenchmark.RunAsync(quick, IntOption("--rows"), args.Contains("--reuse"), Option("--out"), Option("--json")),
    "alerts" => await AlertingBenchmark.RunAsync(quick, IntOption("--rows"), args.Contains("--reuse"), Option("--out"), Option("--json")),
    "patterns" => await PatternBenchmark.RunAsync(quick, Option("--out")),
    "load" => await LoadBenchmark.RunAsync(quick, IntOption("--rate"), IntOption("--seconds"), IntOption("--processes"), args.Contains("--find"),
        Option("--out"), Option("--json")),
    "load-writer" => LoadWriter.Run(args),
    "latency" => await LatencyBenchmark.RunAsync(quick, IntOption("--seconds"), Option("--only"), Option("--out"), Option("--json")),
    "chart" => ChartCommand.Run(Option("--in") ?? Path.Combine("docs", "benchmarks")),
    _ => Usage(command == "help" || command == "--help" ? 0 : 2),
};

if (args.Contains("--stop-server"))
{
    await BenchDatabase.StopServerAsync();
}

return exit;

static int Usage(int exit)
{
    Console.WriteLine("""
        usage: dotnet run -c Release --project bench/TradingLog.Benchmarks -- COMMAND [options]

          ingest    [--quick] [--events N] [--only LIST]   log call → committed row, vs raw COPY and log4net
                    [--rate N] [--free-text]                (LIST: some of raw,tradinglog,nopatterns,log4net; no report;
                                                            --free-text: interpolated strings, which the miner reads;
                                                            N: TradingLog's calls per second, flat out without)
          callsite  [--quick] [--filter GLOB]               BenchmarkDotNet: TradingLog, Serilog, MEL, ZLogger per call
          encode    [--quick]                               BenchmarkDotNet: the database writer's work per event
          retention [--quick] [--only backfill]             one day archived and purged: partitions vs row by row;
                                                            a backfilled day in the default partition: row by row vs partition first
          queries   [--quick] [--rows N]                    the design's queries and trace over N rows
          outage    [--quick] [--rate N] [--seconds N]      memory and spool with PostgreSQL stopped, then the drain
          startup   [--quick]                               tradelog --help and stats --json, process start to exit
          dashboard [--quick] [--rows N] [--reuse]          every page's data request over HTTP at N rows; live tail delay
                                                            (--reuse: the database seeded by an earlier run)
          alerts    [--quick] [--rows N] [--reuse]          each rule of config/alerts.yaml and a whole engine pass at N rows
                                                            (--reuse: the dashboard benchmark's seeded database)
          patterns  [--quick]                               the template miner's grouping accuracy on the labelled set, lines/s
          load      [--quick] [--rate N] [--seconds N]      six services × --processes (2) logging N events/s in all to files and the
                    [--processes N] [--find]                database for --seconds (600) while cleanup runs: lag, queues, RSS,
                                                            stored = emitted; --find doubles the rate from 3,000 until one gives way
          latency   [--quick] [--seconds N] [--only LIST]   one producer paced at 1k, 10k, 50k events/s, every call timed: p50 … p99.99,
                                                            max and GC pauses (LIST: some of tradinglog,tradinglog-files,serilog,zlogger)
          chart     [--in FOLDER]                           draws FOLDER/*.json (default docs/benchmarks) as PNGs

        Every benchmark takes --json FILE (figures for chart), and all but callsite --out FILE (the Markdown table).
        --stop-server stops the benchmarks' embedded PostgreSQL afterwards.
        """);
    return exit;
}

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

int? IntOption(string name) => Option(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;
