using System.Globalization;
using TradingLog.Benchmarks.Charts;
using TradingLog.Benchmarks.Reporting;

namespace TradingLog.Benchmarks.Ingest;

/// <summary>
/// Sustained database ingest, measured side by side in one run on one machine: each contender gets a fresh database
/// with the design's indexes and daily partitions, a warm-up, then the measured run. Results are rows/s and ratios.
/// With a rate, TradingLog's calls keep to it instead of running flat out: whether the rows keep up (the lag after the
/// last call, the deepest queue) says whether that rate is sustainable.
/// </summary>
internal static class IngestBenchmark
{
    /// <param name="freeText">Both TradingLog contenders log interpolated strings, which the miner reads.</param>
    public static async Task<int> RunAsync(bool quick, int? eventsOverride, int? rate, string? only, string? output, string? json, bool freeText = false)
    {
        bool Runs(string contender) => only is null || only.Split(',').Contains(contender, StringComparer.OrdinalIgnoreCase);
        var events = eventsOverride ?? (quick ? 100_000 : 1_000_000);
        var log4netEvents = Math.Min(events, quick ? 20_000 : 200_000);
        var work = BenchDatabase.WorkFolder;
        Directory.CreateDirectory(work);
        Console.WriteLine($"Starting the embedded PostgreSQL server in {work}…");
        var database = await BenchDatabase.StartAsync();

        Console.WriteLine("Warming up…");
        await Contenders.TradingLogAsync(await database.FreshAsync("bench_warm_tradinglog"), 200_000, work);
        await Contenders.RawCopyAsync(await database.FreshAsync("bench_warm_raw"), 50_000);
        await Contenders.Log4NetAsync(await database.FreshAsync("bench_warm_log4net"), 2_000);

        const int rounds = 3;
        Console.WriteLine($"Measuring {rounds} interleaved rounds: {events:N0} events for TradingLog and raw COPY, {log4netEvents:N0} for log4net…");
        var all = new List<IngestResult>();
        for (var round = 1; round <= rounds; round++)
        {
            var before = all.Count;
            if (Runs("raw"))
            {
                all.Add(await Contenders.RawCopyAsync(await database.FreshAsync($"bench_raw_{round}"), events));
            }

            if (Runs("tradinglog"))
            {
                all.Add(await Contenders.TradingLogAsync(await database.FreshAsync($"bench_tradinglog_{round}"), events, work, rate, freeText: freeText));
            }

            // Only when asked (--only tradinglog,nopatterns): the cost of patterns on the ingest rate, side by side.
            if (only is not null && Runs("nopatterns"))
            {
                all.Add(await Contenders.TradingLogAsync(await database.FreshAsync($"bench_nopatterns_{round}"), events, work, rate, patterns: false,
                    freeText: freeText));
            }

            if (Runs("log4net"))
            {
                all.Add(await Contenders.Log4NetAsync(await database.FreshAsync($"bench_log4net_{round}"), log4netEvents));
            }

            Console.WriteLine(string.Join("  ", all.Skip(before).Select(r =>
                $"{r.Name.Split(' ')[0]} {r.RowsPerSecond:N0} rows/s (client {r.Cpu.Client.TotalSeconds:F1} s, GC {r.Cpu.GcPause.TotalSeconds:F2} s, {r.Cpu.Allocated / Math.Max(1, r.Rows):N0} B/row, call site {r.CallSite.TotalSeconds:F2} s, lag {r.Lag.TotalSeconds:F2} s, {(r.MaxQueued is { } q ? $"max queue {q:N0}, " : "")}server {r.Cpu.Server.TotalSeconds:F1} s)")));
        }

        foreach (var result in all)
        {
            var expected = result.Name.StartsWith("log4net", StringComparison.Ordinal) ? log4netEvents : events;
            if (result.Rows != expected)
            {
                Console.Error.WriteLine($"{result.Name}: {result.Rows} rows committed, expected {expected}");
                return 1;
            }
        }

        if (only is not null)
        {
            // A partial run is for investigating; the report needs all three.
            return 0;
        }

        IngestResult Median(string prefix) => all.Where(r => r.Name.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(r => r.RowsPerSecond).ElementAt(rounds / 2);
        var tradingLog = Median("TradingLog");
        var raw = Median("Raw");
        var log4net = Median("log4net");
        var results = new[] { tradingLog, raw, log4net };
        await Report(results, tradingLog, raw, log4net, quick, rate).PublishAsync(output);

        if (json is not null)
        {
            await new BenchmarkFigures("ingest",
                $"Sustained ingest, {events:N0} events ({(quick ? "quick" : "full")}{(rate is { } r ? $", TradingLog at {r:N0} calls/s" : "")}): TradingLog {tradingLog.RowsPerSecond / raw.RowsPerSecond:F2}x raw COPY, {tradingLog.RowsPerSecond / log4net.RowsPerSecond:F1}x log4net",
                "rows/s", false,
                [.. results.Select(r => new BarFigure("log call → committed row", r.Name, Math.Round(r.RowsPerSecond)))]).SaveAsync(json);
        }

        return 0;
    }

    private static MarkdownReport Report(IngestResult[] results, IngestResult tradingLog, IngestResult raw, IngestResult log4net, bool quick, int? rate)
    {
        var pacing = rate is { } perSecond ? $"TradingLog's calls paced at {perSecond:N0}/s" : "every contender flat out";
        var report = new MarkdownReport(
            $"Sustained ingest into system_logs ({(quick ? "quick" : "full")} mode, {pacing}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}; median of 3 interleaved rounds)",
            "contender", "rows", "elapsed (s)", "rows/s", "call site (s)", "lag (s)", "max queued", "client CPU (s)", "GC pauses (s)", "allocated (B/row)", "PostgreSQL CPU (s)");
        foreach (var r in results)
        {
            report.Row($"{r.Name}", $"{r.Rows:N0}", $"{r.Elapsed.TotalSeconds:F2}", $"{r.RowsPerSecond:N0}", $"{r.CallSite.TotalSeconds:F2}",
                $"{r.Lag.TotalSeconds:F2}", $"{(r.MaxQueued is { } queued ? queued.ToString("N0", CultureInfo.InvariantCulture) : "–")}",
                $"{r.Cpu.Client.TotalSeconds:F2}", $"{r.Cpu.GcPause.TotalSeconds:F2}",
                $"{r.Cpu.Allocated / Math.Max(1, r.Rows):N0}", $"{r.Cpu.Server.TotalSeconds:F2}");
        }

        report
            .Note($"TradingLog / raw COPY = {tradingLog.RowsPerSecond / raw.RowsPerSecond:F2}x (target ≥ 0.9x)")
            .Note($"TradingLog / log4net  = {tradingLog.RowsPerSecond / log4net.RowsPerSecond:F1}x (target ≥ 10x)");
        if (rate is not null)
        {
            // Paced, TradingLog's rows/s cannot exceed the rate: what matters is whether the database kept up with it.
            report.Note($"At {rate:N0} calls/s the last row was committed {tradingLog.Lag.TotalSeconds:F2} s after the last call; the queue held at most {tradingLog.MaxQueued:N0} events");
        }

        return report;
    }
}
