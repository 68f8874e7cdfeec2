using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TradingLog.Configuration;
using TradingLog.PostgreSql;

namespace TradingLog.Benchmarks.Dashboard;

/// <summary>
/// From a service's log call to the event in a browser's live-tail stream: six TradingLog pipelines (the design's
/// services) log <see cref="RatePerSecond"/> events/s in total into the store, each event carrying the time of its call;
/// one server-sent-event client reads the stream and notes each event's delay.
/// </summary>
internal static class LiveTailDelay
{
    public const int RatePerSecond = 500;

    public sealed record Result(double Seconds, long Sent, long Received, long Skipped, double Median, double P95, double P99, double Max);

    public static async Task<Result> MeasureAsync(string url, string connectionString, TimeSpan duration)
    {
        var run = "tailbench" + Guid.NewGuid().ToString("N")[..8];
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var stream = await http.GetStreamAsync(new Uri(url + "api/tail?q=" + run));
        using var reader = new StreamReader(stream);
        var delays = new List<double>();
        long skipped = 0;
        string? previous = null;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                if (previous == "event: skipped" && line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    skipped += long.Parse(line["data: ".Length..], CultureInfo.InvariantCulture);
                }
                else if (previous == "event: error")
                {
                    Console.Error.WriteLine("  live tail error: " + line);
                }

                previous = line;
                if (!line.StartsWith("data: {", StringComparison.Ordinal))
                {
                    continue;
                }

                var message = JsonDocument.Parse(line["data: ".Length..]).RootElement.GetProperty("message").GetString()!;
                var sentAt = double.Parse(message[(message.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
                lock (delays)
                {
                    delays.Add(clock.Elapsed.TotalMilliseconds - sentAt);
                }
            }
        });

        // The poller takes the newest id on its first look; give it that look before logging.
        await Task.Delay(1000);
        var services = new[] { "data_ingestion", "strategy_engine", "execution", "risk_management", "analytics", "notification" };
        var hosts = services.Select(s => Open(s, connectionString)).ToList();
        long sent = 0;
        var interval = TimeSpan.FromSeconds(1.0 / RatePerSecond);
        var start = clock.Elapsed;
        while (clock.Elapsed - start < duration)
        {
            var host = hosts[(int)(sent % hosts.Count)];
            // WARNING: risk_management logs at WARNING and above, as the design configures it.
            host.Logger.Warning("Order {Run} filled late {SentAt}", run, clock.Elapsed.TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture));
            sent++;
            var next = start + interval * sent;
            if (next > clock.Elapsed)
            {
                await Task.Delay(next - clock.Elapsed);
            }
        }

        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }

        // Everything is committed now; allow the tail a few polls to deliver the last events.
        var deadline = clock.Elapsed + TimeSpan.FromSeconds(5);
        while (clock.Elapsed < deadline && Count(delays) < sent)
        {
            await Task.Delay(100);
        }

        await stop.CancelAsync();
        try
        {
            await reading;
        }
        catch (OperationCanceledException)
        {
        }

        var sorted = delays.Order().ToList();
        double At(double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * q) - 1)];
        return new Result(duration.TotalSeconds, sent, sorted.Count, Interlocked.Read(ref skipped), At(0.5), At(0.95), At(0.99), sorted.Count == 0 ? double.NaN : sorted[^1]);
    }

    private static int Count(List<double> delays)
    {
        lock (delays)
        {
            return delays.Count;
        }
    }

    private static TradingLogHost Open(string service, string connectionString)
    {
        var settings = BenchPipelines.WithoutFiles();
        settings.Database.ConnectionString = connectionString;
        return TradingLogging.Configure(service, o =>
        {
            o.Settings = settings;
            o.AuditEvents = false;
            o.FlushOnTermination = false;
            o.UsePostgreSql();
        });
    }
}
