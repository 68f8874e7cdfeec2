using System.Diagnostics;
using System.Globalization;
using Npgsql;
using TradingLog.Benchmarks.Charts;
using TradingLog.Benchmarks.Reporting;
using TradingLog.PostgreSql;
using TradingLog.PostgreSql.Server;
using TradingLog.PostgreSql.Sink;

namespace TradingLog.Benchmarks.Outage;

/// <summary>
/// Memory under a database outage: with PostgreSQL stopped, one service logs at a steady rate; the benchmark samples the
/// process's resident memory, the queue and the spool. Then PostgreSQL starts again and the benchmark times how long the
/// spool takes to drain, and checks the stored rows exactly: every event once, by event ID and by order number.
/// </summary>
internal static class OutageBenchmark
{
    private const string Template = "Order {OrderId} for {Symbol} filled at {Price}";
    private const int WarmupEvents = 1_000;
    private static readonly string[] Symbols = ["AAPL", "MSFT", "NVDA", "AMZN", "GOOG"];

    public static async Task<int> RunAsync(bool quick, int? rateOption, int? secondsOption, string? output, string? json)
    {
        var rate = rateOption ?? 20_000;
        var seconds = secondsOption ?? (quick ? 15 : 60);
        var work = BenchDatabase.WorkFolder;
        var server = new EmbeddedPostgres(BenchDatabase.DataDirectory);
        var connectionString = await new BenchDatabase(await server.StartAsync()).FreshAsync("bench_outage");
        var folder = Path.Combine(work, "outage-" + Guid.NewGuid().ToString("N"));
        var settings = BenchPipelines.WithoutFiles();
        settings.Database.ConnectionString = connectionString;
        settings.Database.SpoolDirectory = Path.Combine(folder, "spool");
        settings.Database.DeadLetterDirectory = Path.Combine(folder, "deadletter");

        var host = TradingLogging.Configure(BenchPipelines.Service, o =>
        {
            o.AuditEvents = false; // the benchmarks count the rows they logged
            o.Settings = settings;
            o.WorkingDirectory = folder;
            o.FlushOnTermination = false;
            o.UsePostgreSql();
        });
        var metrics = host.Component<DatabaseSinkMetrics>()!;
        var log = host.Logger;
        var orderId = 0;
        for (; orderId < WarmupEvents; orderId++)
        {
            log.Info(Template, orderId, Symbols[orderId % Symbols.Length], 100m);
        }

        await WaitUntilAsync(() => metrics.Written >= WarmupEvents, TimeSpan.FromMinutes(1), "the warm-up events were not written");
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var baselineRss = process.WorkingSet64;

        Console.WriteLine("Stopping PostgreSQL…");
        await server.StopAsync();
        Console.WriteLine($"Logging {rate:N0} events/s for {seconds} s with the database down…");
        var peakRss = baselineRss;
        long peakSpool = 0, peakQueue = 0;
        var timeline = new Timeline();
        using var sampling = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                var (rss, spool, queue) = (process.WorkingSet64, metrics.SpoolBytes, metrics.Queued);
                peakRss = Math.Max(peakRss, rss);
                peakSpool = Math.Max(peakSpool, spool);
                peakQueue = Math.Max(peakQueue, queue);
                timeline.Add(clock.Elapsed.TotalSeconds, rss, spool, queue);
                await Task.Delay(100).ConfigureAwait(false);
            }
        });

        var outageEvents = (long)rate * seconds;
        var lastReport = 0L;
        for (long i = 0; i < outageEvents; i++, orderId++)
        {
            // A steady rate: catch up to where the clock says we should be, then sleep a millisecond.
            while (i >= clock.Elapsed.TotalSeconds * rate)
            {
                Thread.Sleep(1);
            }

            log.Info(Template, orderId, Symbols[orderId % Symbols.Length], 100m + (orderId % 1000) / 100m);
            if (clock.ElapsedMilliseconds / 5000 > lastReport)
            {
                lastReport = clock.ElapsedMilliseconds / 5000;
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds:N0} s: {i:N0} events, RSS {Mb(process.WorkingSet64)}, queue {metrics.Queued:N0}, spool {Mb(metrics.SpoolBytes)}");
            }
        }

        var loggingTime = clock.Elapsed;
        await Task.Delay(1000); // let the last batch reach the spool before the spool is measured
        var spooledEvents = metrics.SpoolPending;
        var spoolBytes = metrics.SpoolBytes;

        Console.WriteLine("Starting PostgreSQL…");
        var restart = Stopwatch.StartNew();
        var restartedAt = clock.Elapsed.TotalSeconds;
        await server.StartAsync();
        var serverUp = restart.Elapsed;
        var replayStarted = TimeSpan.Zero;
        var replayWatch = Task.Run(async () =>
        {
            while (metrics.Replayed == 0 && restart.Elapsed < TimeSpan.FromMinutes(20))
            {
                await Task.Delay(20).ConfigureAwait(false);
            }

            replayStarted = restart.Elapsed;
        });
        var expected = WarmupEvents + outageEvents;
        // The sink's own counters, not count(*) over a growing table, which would compete with the replay it measures.
        await WaitUntilAsync(() => metrics.Written >= expected && metrics.SpoolPending == 0, TimeSpan.FromMinutes(20), "the spool did not drain");
        var drained = restart.Elapsed;
        await replayWatch;
        sampling.Cancel();
        await sampler;
        await host.DisposeAsync();
        var (rows, distinctIds, distinctOrders) = await ExactCountsAsync(connectionString);
        var failures = new List<string>();
        if (rows != expected || distinctIds != expected || distinctOrders != expected)
        {
            failures.Add($"stored {rows:N0} rows, {distinctIds:N0} distinct event IDs, {distinctOrders:N0} distinct orders; expected {expected:N0} of each");
        }

        if (metrics.Dropped + metrics.DeadLettered > 0)
        {
            failures.Add($"{metrics.Dropped:N0} dropped and {metrics.DeadLettered:N0} dead-lettered");
        }

        await new MarkdownReport($"Outage of {seconds} s at {rate:N0} events/s ({(quick ? "quick" : "full")} mode, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd})",
                "measure", "value")
            .Row($"events logged during the outage", $"{outageEvents:N0} in {loggingTime.TotalSeconds:N1} s")
            .Row($"resident memory before the outage", $"{Mb(baselineRss)}")
            .Row($"peak resident memory during the outage", $"{Mb(peakRss)}")
            .Row($"peak queue depth (events in memory)", $"{peakQueue:N0}")
            .Row($"spool at the end of the outage", $"{Mb(spoolBytes)}, {spooledEvents:N0} events ({(spooledEvents > 0 ? spoolBytes / spooledEvents : 0):N0} B/event)")
            .Row($"PostgreSQL back up after", $"{serverUp.TotalSeconds:N1} s")
            .Row($"first spooled batch replayed, from the restart", $"{replayStarted.TotalSeconds:N1} s")
            .Row($"every event stored, from the restart", $"{drained.TotalSeconds:N1} s ({outageEvents / Math.Max(0.001, (drained - replayStarted).TotalSeconds):N0} rows/s replayed)")
            .Row($"stored rows / distinct event IDs / distinct orders", $"{rows:N0} / {distinctIds:N0} / {distinctOrders:N0} (expected {expected:N0})")
            .Row($"dropped / dead-lettered", $"{metrics.Dropped:N0} / {metrics.DeadLettered:N0}")
            .PublishAsync(output);
        if (json is not null)
        {
            await new BenchmarkFigures("outage",
                $"Outage: {rate:N0} events/s for {seconds} s with PostgreSQL down, restarted at {restartedAt:N0} s, drained {drained.TotalSeconds:N0} s later",
                "MiB", false, [], timeline.Lines()).SaveAsync(json);
        }

        Directory.Delete(folder, recursive: true);
        foreach (var failure in failures)
        {
            Console.Error.WriteLine("FAILED: " + failure);
        }

        return failures.Count == 0 ? 0 : 1;
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " MiB";

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException(failure);
            }

            await Task.Delay(100);
        }
    }

    private static async Task<(long Rows, long DistinctIds, long DistinctOrders)> ExactCountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*), count(DISTINCT event_id), count(DISTINCT metadata->'properties'->>'OrderId') FROM system_logs", connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
