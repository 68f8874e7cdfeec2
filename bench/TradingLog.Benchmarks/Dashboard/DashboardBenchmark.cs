using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using TradingLog.Benchmarks.Charts;
using TradingLog.Benchmarks.Reporting;
using TradingLog.Configuration;
using TradingLog.Dashboard;

namespace TradingLog.Benchmarks.Dashboard;

/// <summary>
/// The dashboard's speed as a browser sees it: every page's data request over HTTP, against N rows in <c>system_logs</c>
/// (a week, <see cref="DashboardSeed"/>), N/10 trades and N/10 performance rows, over the default range (1 h) and 24 h;
/// then the live tail's delay from a service's log call to the event arriving in a browser's stream while six services
/// log 500 events/s in total.
/// </summary>
internal static class DashboardBenchmark
{
    private const int Warmup = 3;

    private static readonly string[] Endpoints =
    [
        "api/histogram", "api/events?limit=100", "api/events?limit=100&q=" + Uri.EscapeDataString("service:execution level>=WARNING symbol:AAPL"),
        "api/error-rates", "api/event-types", "api/performance/latency", "api/performance/heatmap", "api/performance/slowest",
        "api/performance/resources", "api/performance/operations", "api/trades?limit=100", "api/trades/over-time", "api/trades/rejections",
        "api/trades/slowest", "api/service-map", "api/health", "api/trace/trade_1234",
    ];

    public static async Task<int> RunAsync(bool quick, int? rowsOption, bool reuse, string? output, string? json)
    {
        var rows = rowsOption ?? (quick ? 500_000 : 10_000_000);
        if (rows < 100_000)
        {
            Console.Error.WriteLine("dashboard needs --rows 100000 or more, so that trade_1234, whose timeline it asks for, exists");
            return 2;
        }

        var runs = quick ? 10 : 30;
        var database = await BenchDatabase.StartAsync();
        var connectionString = reuse ? await database.ExistingAsync("bench_dashboard", rows) : null;
        DateTimeOffset? end = null;
        if (connectionString is null)
        {
            connectionString = await database.FreshAsync("bench_dashboard");
            Console.WriteLine($"Seeding {rows:N0} log rows, {rows / 10:N0} trades and {rows / 10:N0} performance rows over {DashboardSeed.Days} days…");
            var seeding = Stopwatch.StartNew();
            await DashboardSeed.SeedAsync(connectionString, rows);
            Console.WriteLine($"  seeded in {seeding.Elapsed.TotalSeconds:N0} s");
        }
        else
        {
            // The seed's times are relative to when it ran: the last hour of the data is some time ago now.
            Console.WriteLine("Reusing the seeded database of an earlier run (--reuse); ranges end at its newest row.");
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var newest = new Npgsql.NpgsqlCommand("SELECT max(timestamp) FROM system_logs", connection);
            end = new DateTimeOffset(DateTime.SpecifyKind((DateTime)(await newest.ExecuteScalarAsync())!, DateTimeKind.Utc));
        }

        var settings = new TradingLogSettings();
        settings.Database.ConnectionString = connectionString;
        var app = TradingLogDashboardServer.Create("http://127.0.0.1:0", o => o.Settings = settings);
        await app.StartAsync();
        var url = TradingLogDashboardServer.RootUrl(app);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var results = new List<(string Endpoint, string Range, double Median, double P95, double Max, long Bytes)>();
        foreach (var range in new[] { "1h", "24h" })
        {
            foreach (var endpoint in Endpoints)
            {
                var span = range == "1h" ? TimeSpan.FromHours(1) : TimeSpan.FromHours(24);
                var window = end is { } last
                    ? $"from={Uri.EscapeDataString((last - span).ToString("O"))}&to={Uri.EscapeDataString(last.ToString("O"))}"
                    : "range=" + range;
                var path = endpoint + (endpoint.Contains('?', StringComparison.Ordinal) ? "&" : "?") + window;
                var times = new List<double>();
                long bytes = 0;
                for (var attempt = 0; attempt < Warmup + runs; attempt++)
                {
                    var clock = Stopwatch.StartNew();
                    using var response = await http.GetAsync(new Uri(url + path));
                    var body = await response.Content.ReadAsByteArrayAsync();
                    clock.Stop();
                    if (response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable)
                    {
                        // Cut by the dashboard's statement timeout: reported as such, not as a figure.
                        times.Clear();
                        break;
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
                    }

                    bytes = body.Length;
                    if (attempt >= Warmup)
                    {
                        times.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }

                if (times.Count == 0)
                {
                    results.Add((Name(endpoint), range, double.NaN, double.NaN, double.NaN, 0));
                    Console.WriteLine($"  {path}: cut by the statement timeout ({DashboardOptions.DefaultStatementTimeout.TotalSeconds:N0} s)");
                    continue;
                }

                times.Sort();
                var p95 = times[(int)Math.Ceiling(times.Count * 0.95) - 1];
                results.Add((Name(endpoint), range, times[times.Count / 2], p95, times[^1], bytes));
                Console.WriteLine($"  {path}: median {times[times.Count / 2]:N1} ms, p95 {p95:N1} ms");
            }
        }

        var tail = await LiveTailDelay.MeasureAsync(url, connectionString, quick ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(30));
        await app.StopAsync();
        await app.DisposeAsync();

        var report = new MarkdownReport(
            $"Dashboard data requests over HTTP, {rows:N0} rows in system_logs, {rows / 10:N0} trades ({(quick ? "quick" : "full")} mode, {runs} runs each after {Warmup} warm-up, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd})",
            "request", "range", "median", "p95", "max", "response");
        foreach (var r in results)
        {
            if (double.IsNaN(r.Median))
            {
                report.Row($"{r.Endpoint}", $"{r.Range}", $"timed out", $"(> {DashboardOptions.DefaultStatementTimeout.TotalSeconds:N0} s)", $"", $"");
                continue;
            }

            report.Row($"{r.Endpoint}", $"{r.Range}", $"{r.Median:N1} ms", $"{r.P95:N1} ms", $"{r.Max:N1} ms", $"{r.Bytes / 1024.0:N1} KiB");
        }

        report.Note($"Slowest p95 over the default range (1 h): {Slowest(results, "1h")}; over 24 h: {Slowest(results, "24h")}.");
        report.Note($"Live tail, log call to event in the browser's stream, six services logging {LiveTailDelay.RatePerSecond} events/s in total for {tail.Seconds:N0} s: {tail.Received:N0} of {tail.Sent:N0} events received ({tail.Skipped:N0} skipped as too slow to read), median {tail.Median:N0} ms, p95 {tail.P95:N0} ms, p99 {tail.P99:N0} ms, max {tail.Max:N0} ms.");
        await report.PublishAsync(output);
        if (json is not null)
        {
            await new BenchmarkFigures("dashboard", $"Dashboard data requests, p95 over {runs} runs, {rows:N0} rows", "milliseconds", true,
                [.. results.Where(r => !double.IsNaN(r.P95)).Select(r => new BarFigure(r.Endpoint.Replace("api/", "", StringComparison.Ordinal), r.Range, Math.Round(r.P95, 1)))]).SaveAsync(json);
        }

        return tail.Received == tail.Sent ? 0 : 1;
    }

    private static string Name(string endpoint) =>
        endpoint.Split('?')[0] + (endpoint.Contains("q=", StringComparison.Ordinal) ? " (search)" : "");

    private static string Slowest(List<(string Endpoint, string Range, double Median, double P95, double Max, long Bytes)> results, string range) =>
        results.Where(r => r.Range == range).Any(r => double.IsNaN(r.P95))
            ? "a request timed out"
            : $"{results.Where(r => r.Range == range).Max(r => r.P95):N1} ms ({results.Where(r => r.Range == range).MaxBy(r => r.P95).Endpoint})";
}
