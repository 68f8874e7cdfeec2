using System.Diagnostics;
using TradingLog.Benchmarks.Charts;
using TradingLog.Benchmarks.Reporting;

namespace TradingLog.Benchmarks.Latency;

/// <summary>
/// Tail latency of the log call at the rates services log: one producer thread paced at each rate (events due each
/// millisecond are logged in that millisecond, then the thread sleeps), every call timed with the high-resolution clock
/// into a preallocated histogram; p50 … p99.99 and max, with the garbage collections and their pause time in the same
/// interval. Contenders side by side in one run: TradingLog (files + database, the defaults), TradingLog with files
/// only, Serilog with an async file sink, ZLogger to a file.
/// </summary>
internal static class LatencyBenchmark
{
    private static readonly int[] Rates = [1_000, 10_000, 50_000];
    private static readonly string[] Contenders = ["tradinglog", "tradinglog-files", "serilog", "zlogger"];

    public static async Task<int> RunAsync(bool quick, int? secondsOption, string? only, string? output, string? json)
    {
        var seconds = secondsOption ?? (quick ? 5 : 15);
        var names = only?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? Contenders;
        var bench = await BenchDatabase.StartAsync();
        var results = new List<Result>();
        foreach (var name in names)
        {
            var connection = name == "tradinglog" ? await bench.FreshAsync("bench_latency") : null;
            var folder = Path.Combine(BenchDatabase.WorkFolder, "latency-" + Guid.NewGuid().ToString("N"));
            using (var contender = LatencyContender.Create(name, folder, connection))
            {
                var histogram = new LatencyHistogram();
                long orderId = 0;
                Run(contender, histogram, Rates[0], 1, ref orderId); // warm-up: JIT, files opened, the database reached
                foreach (var rate in Rates)
                {
                    histogram.Clear();
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    var (gen0, gen1, gen2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
                    var achieved = Run(contender, histogram, rate, seconds, ref orderId);
                    var result = new Result(name, rate, achieved, histogram.Count, histogram.Percentile(0.5), histogram.Percentile(0.99),
                        histogram.Percentile(0.999), histogram.Percentile(0.9999), histogram.Max,
                        GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2, GC.GetTotalPauseDuration() - pause);
                    results.Add(result);
                    Console.WriteLine($"  {name} at {rate:N0}/s: p50 {Us(result.P50)} p99 {Us(result.P99)} p99.9 {Us(result.P999)} " +
                        $"p99.99 {Us(result.P9999)} max {Us(result.Max)} µs; GC {result.Gen0}/{result.Gen1}/{result.Gen2}, {result.Pause.TotalMilliseconds:N0} ms");
                }
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        var report = new MarkdownReport($"Log call latency, one producer thread paced, {seconds} s per rate (µs; GC in the same interval)",
            "contender", "rate/s", "calls", "p50", "p99", "p99.9", "p99.99", "max", "GC gen0/1/2", "GC pause", "vs Serilog p99.9 / p99.99 / max / pause");
        foreach (var r in results)
        {
            var serilog = results.FirstOrDefault(s => s.Name == "serilog" && s.Rate == r.Rate);
            var versus = serilog is null ? "" : $"{Ratio(r.P999, serilog.P999)} / {Ratio(r.P9999, serilog.P9999)} / {Ratio(r.Max, serilog.Max)} / " +
                Ratio(r.Pause.Ticks, serilog.Pause.Ticks);
            report.Row($"{r.Name}", $"{r.Rate:N0}", $"{r.Calls:N0}", $"{Us(r.P50)}", $"{Us(r.P99)}", $"{Us(r.P999)}", $"{Us(r.P9999)}", $"{Us(r.Max)}",
                $"{r.Gen0}/{r.Gen1}/{r.Gen2}", $"{r.Pause.TotalMilliseconds:N0} ms", $"{versus}");
        }

        await report.PublishAsync(output);
        if (json is not null)
        {
            await new BenchmarkFigures("latency", $"Log call p99.99 by rate, one paced producer, {seconds} s per rate", "µs", true,
                results.Select(r => new BarFigure($"{r.Rate:N0}/s", r.Name, r.P9999 / 1000.0)).ToList()).SaveAsync(json);
        }

        return 0;
    }

    /// <summary>Logs at <paramref name="rate"/> for <paramref name="seconds"/>, timing every call; returns the calls made per second.</summary>
    private static double Run(LatencyContender contender, LatencyHistogram histogram, int rate, int seconds, ref long orderId)
    {
        var toNanoseconds = 1_000_000_000.0 / Stopwatch.Frequency;
        var clock = Stopwatch.StartNew();
        long made = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * rate);
            while (made < due)
            {
                var start = Stopwatch.GetTimestamp();
                contender.Log(++orderId);
                histogram.Record((long)((Stopwatch.GetTimestamp() - start) * toNanoseconds));
                made++;
            }

            Thread.Sleep(1);
        }

        return made / clock.Elapsed.TotalSeconds;
    }

    private static string Us(long nanoseconds) => (nanoseconds / 1000.0).ToString(nanoseconds < 10_000 ? "N2" : "N0", System.Globalization.CultureInfo.InvariantCulture);

    private static string Ratio(long value, long baseline) => baseline <= 0 ? "—" : (value / (double)baseline).ToString("N2", System.Globalization.CultureInfo.InvariantCulture) + "x";

    private sealed record Result(string Name, int Rate, double Achieved, long Calls, long P50, long P99, long P999, long P9999, long Max,
        int Gen0, int Gen1, int Gen2, TimeSpan Pause);
}
