using System.Diagnostics;
using System.Globalization;
using Npgsql;
using TradingLog.Benchmarks.Charts;
using TradingLog.Benchmarks.Reporting;
using TradingLog.Configuration;
using TradingLog.PostgreSql;
using TradingLog.PostgreSql.Retention;
using TradingLog.PostgreSql.Server;

namespace TradingLog.Benchmarks.Load;

/// <summary>
/// The load benchmark: the six services with several processes each, logging to files and the database at a sustained
/// aggregate rate while cleanup archives a seeded backlog every minute. Per step, after a 15 s warm-up: the rate each
/// process held, the lag from call to commit (how old the newest committed event of each service is, sampled every 2 s), queue depths, resident
/// memory over time, CPU, and at the end the exact stored count against the emitted count. <c>--find</c> raises the
/// rate step by step until something gives way, then runs the highest rate that held for the full duration.
/// </summary>
internal static class LoadBenchmark
{
    public const string EventType = "load";

    /// <summary>
    /// Twelve processes start at once on two cores (each JIT-compiles for about 2 s of CPU): the lag, CPU and queue figures
    /// of a step are taken after this warm-up, and the warm-up's worst lag is reported apart.
    /// </summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(15);

    /// <summary>A step holds when the newest committed event is at most this old at the 95th percentile of samples.</summary>
    private static readonly TimeSpan LagBound = TimeSpan.FromSeconds(2);

    private static readonly string[] Services = ["data_ingestion", "strategy_engine", "execution", "risk_management", "analytics", "notification"];

    public static async Task<int> RunAsync(bool quick, int? rateOption, int? secondsOption, int? processesOption, bool find, string? output,
        string? json)
    {
        var seconds = secondsOption ?? (quick ? 30 : 600);
        var perService = processesOption ?? 2;
        var server = new EmbeddedPostgres(BenchDatabase.DataDirectory);
        var bench = new BenchDatabase(await server.StartAsync());
        var steps = new List<StepResult>();
        var rate = rateOption ?? 6_000;
        if (find)
        {
            var probeSeconds = quick ? 20 : 60;
            for (var probe = rateOption ?? 3_000; ; probe *= 2)
            {
                var result = await StepAsync(bench, probe, probeSeconds, perService, quick);
                steps.Add(result);
                Console.WriteLine(result.Summary);
                if (!result.Held)
                {
                    break;
                }

                rate = probe;
            }
        }

        var main = await StepAsync(bench, rate, seconds, perService, quick);
        steps.Add(main);
        Console.WriteLine(main.Summary);
        var report = new MarkdownReport($"Load: six services × {perService} processes, files and database, cleanup every minute",
            "target events/s", "held events/s", "seconds", "stored / emitted", "commit lag p50 / p95 / max", "start-up lag max", "peak queue (one process)",
            "peak RSS (one process)", "CPU busy (PostgreSQL)", "cleanup", "verdict");
        foreach (var s in steps)
        {
            report.Row($"{s.Rate:N0}", $"{s.Achieved:N0}", $"{s.Seconds}", $"{s.Stored:N0} / {s.Emitted:N0}",
                $"{s.LagP50:N2} / {s.LagP95:N2} / {s.LagMax:N2} s", $"{s.WarmUpLag:N1} s", $"{s.PeakQueue:N0}", $"{s.PeakRss / 1048576.0:N0} MiB",
                $"{s.CpuBusy:P0} ({s.PostgresCpu:P0})", $"{s.CleanupRuns} runs, {s.CleanupRows:N0} rows", $"{s.Verdict}");
        }

        report.Note($"Per process in the {main.Rate:N0} events/s run of {main.Seconds} s (RSS at 10 s, peak, end; queue peak):");
        foreach (var p in main.Processes)
        {
            var samples = p.Samples.ToList();
            if (samples.Count == 0)
            {
                continue;
            }

            var (rss10, peak, end) = (samples.FirstOrDefault(x => x.Seconds >= 10).Rss, samples.Max(x => x.Rss), samples[^1].Rss);
            var line = $"- {p.Name}: RSS {Mb(rss10)} → peak {Mb(peak)} → end {Mb(end)} MiB, queue peak {samples.Max(x => x.Queued):N0}, " +
                $"emitted {p.Final?.Emitted:N0}, written {p.Final?.Written:N0}";
            report.Note($"{line}");
        }

        await report.PublishAsync(output);
        if (json is not null)
        {
            var lines = main.Processes.Select(p => new LineFigure($"{p.Name} RSS", "MiB", p.Samples.Select(s => s.Seconds).ToList(),
                p.Samples.Select(s => s.Rss / 1048576.0).ToList())).ToList();
            await new BenchmarkFigures("load", $"Load: {main.Rate:N0} events/s over six services × {perService} processes for {main.Seconds} s",
                "MiB", false, steps.Select(s => new BarFigure("commit lag p95 (s)", $"{s.Rate:N0}/s", s.LagP95)).ToList(), lines).SaveAsync(json);
        }

        return main.Held ? 0 : 1;
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture);

    private static async Task<StepResult> StepAsync(BenchDatabase bench, int rate, int seconds, int perService, bool quick)
    {
        Console.WriteLine($"Load: {rate:N0} events/s for {seconds} s over {Services.Length * perService} processes…");
        var connection = await bench.FreshAsync("bench_load");
        var folder = Path.Combine(BenchDatabase.WorkFolder, "load-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var settings = new TradingLogSettings();
        settings.Database.ConnectionString = connection;
        var database = await LogDatabase.ConnectAsync(settings, folder);
        await database.MigrateAsync();
        // A backlog 40 days old for cleanup to archive while the services log.
        await BenchDatabase.ExecuteAsync(connection, """
            INSERT INTO system_logs (timestamp, service, level, message, event_type)
            SELECT now() - interval '40 days' + g * interval '10 milliseconds', 'analytics', 'INFO', 'backlog ' || g, 'seed'
            FROM generate_series(1, 300000) g
            """);

        var perProcess = Math.Max(1, rate / (Services.Length * perService));
        var processes = Services.SelectMany(s => Enumerable.Range(1, perService).Select(i =>
            LoadProcess.Start($"{s}#{i}", s, perProcess, seconds, connection, Path.Combine(folder, $"{s}-{i}")))).ToList();
        var lags = new List<double>();
        var warmUpLag = 0.0;
        long cleanupRows = 0;
        var cleanupRuns = 0;
        var cpu = MachineCpu.Now();
        var postgres = Ingest.CpuMeter.Now();
        var warmedUp = false;
        var clock = Stopwatch.StartNew();
        var waiting = Task.WhenAll(processes.Select(p => p.WaitAsync(CancellationToken.None)));
        var nextCleanup = TimeSpan.FromSeconds(20);
        await using var dataSource = NpgsqlDataSource.Create(connection);
        while (!waiting.IsCompleted)
        {
            await Task.WhenAny(waiting, Task.Delay(2000));
            if (clock.Elapsed < TimeSpan.FromSeconds(3) || clock.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                continue;
            }

            if (!warmedUp && clock.Elapsed >= WarmUp)
            {
                (warmedUp, cpu, postgres) = (true, MachineCpu.Now(), Ingest.CpuMeter.Now());
            }

            await using (var command = dataSource.CreateCommand($"""
                SELECT extract(epoch FROM clock_timestamp() - max(timestamp))::float8 FROM system_logs
                WHERE timestamp > now() - interval '1 minute' AND event_type = '{EventType}' GROUP BY service
                """))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    if (warmedUp)
                    {
                        lags.Add(reader.GetDouble(0));
                    }
                    else
                    {
                        warmUpLag = Math.Max(warmUpLag, reader.GetDouble(0));
                    }
                }
            }

            if (clock.Elapsed >= nextCleanup)
            {
                var report = await new CleanupRunner(database, settings, folder).RunAsync(new CleanupRequest { Trigger = "bench" });
                cleanupRuns++;
                cleanupRows += report.RowsArchived + report.RowsPartitioned;
                nextCleanup += TimeSpan.FromSeconds(quick ? 10 : 60);
            }
        }

        var elapsed = clock.Elapsed - WarmUp;
        var busy = MachineCpu.Now().BusySince(cpu);
        var server = Ingest.CpuMeter.Now().Since(postgres).Server;
        var stored = await CountAsync(connection);
        var emitted = processes.Sum(p => p.Final?.Emitted ?? 0);
        lags.Sort();
        var result = new StepResult(rate, seconds, emitted / (double)seconds, emitted, stored,
            Percentile(lags, 0.5), Percentile(lags, 0.95), lags.Count == 0 ? 0 : lags[^1],
            processes.Max(p => p.Samples.Where(s => s.Seconds >= WarmUp.TotalSeconds).Select(s => s.Queued).DefaultIfEmpty().Max()), warmUpLag,
            processes.Max(p => p.Samples.Count == 0 ? 0 : p.Samples.Max(s => s.Rss)),
            busy, server.TotalSeconds / (elapsed.TotalSeconds * Environment.ProcessorCount), cleanupRuns, cleanupRows, processes);
        foreach (var p in processes.Where(p => p.Final is null))
        {
            Console.Error.WriteLine($"{p.Name} ended without its counts: {p.Errors}");
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return result;
    }

    private static async Task<long> CountAsync(string connection)
    {
        await using var dataSource = NpgsqlDataSource.Create(connection);
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM system_logs WHERE event_type = '{EventType}'");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, p * sorted.Count)];

    private sealed record StepResult(int Rate, int Seconds, double Achieved, long Emitted, long Stored, double LagP50, double LagP95, double LagMax,
        long PeakQueue, double WarmUpLag, long PeakRss, double CpuBusy, double PostgresCpu, int CleanupRuns, long CleanupRows, List<LoadProcess> Processes)
    {
        public bool Held => Stored == Emitted && Achieved >= Rate * 0.97 && LagP95 <= LagBound.TotalSeconds;

        public string Verdict =>
            Held ? "held" :
            Achieved < Rate * 0.97 ? $"the services could not emit {Rate:N0}/s (CPU {CpuBusy:P0})" :
            Stored != Emitted ? $"{Emitted - Stored:N0} events not stored at the end" :
            $"commit lag p95 {LagP95:N1} s > {LagBound.TotalSeconds:N0} s (queues up to {PeakQueue:N0})";

        public string Summary => $"  {Rate:N0}/s: held {Achieved:N0}/s, stored {Stored:N0} of {Emitted:N0}, lag p95 {LagP95:N2} s, " +
            $"peak queue {PeakQueue:N0}, CPU {CpuBusy:P0}: {Verdict}";
    }
}
