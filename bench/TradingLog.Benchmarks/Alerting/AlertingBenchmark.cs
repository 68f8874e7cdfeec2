using System.Diagnostics;
using Npgsql;
using TradingLog.Alerting.Configuration;
using TradingLog.Alerting.Engine;
using TradingLog.Alerting.Rules;
using TradingLog.Alerting.Store;
using TradingLog.Benchmarks.Charts;
using TradingLog.Benchmarks.Dashboard;
using TradingLog.Benchmarks.Reporting;
using TradingLog.Configuration;
using TradingLog.PostgreSql;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Benchmarks.Alerting;

/// <summary>
/// What one evaluation costs the store: each rule of <c>config/alerts.yaml</c> (one of every type) evaluated against N rows
/// in <c>system_logs</c> (the dashboard benchmark's week, <see cref="DashboardSeed"/>), then a whole pass of the engine
/// (every rule, the state machine and the transaction that stores states, history, values and notifications).
/// </summary>
internal static class AlertingBenchmark
{
    private const int Warmup = 3;

    public static async Task<int> RunAsync(bool quick, int? rowsOption, bool reuse, string? output, string? json)
    {
        var rows = rowsOption ?? (quick ? 500_000 : 10_000_000);
        var runs = quick ? 10 : 30;
        var database = await BenchDatabase.StartAsync();
        var connectionString = reuse ? await database.ExistingAsync("bench_dashboard", rows) : null;
        if (connectionString is null)
        {
            connectionString = await database.FreshAsync("bench_dashboard");
            Console.WriteLine($"Seeding {rows:N0} log rows, {rows / 10:N0} trades and {rows / 10:N0} performance rows over {DashboardSeed.Days} days…");
            await DashboardSeed.SeedAsync(connectionString, rows);
        }

        var settings = new TradingLogSettings();
        settings.Database.ConnectionString = connectionString;
        var store = await LogDatabase.ConnectAsync(settings, Directory.GetCurrentDirectory());
        await store.MigrateAsync(); // the alert tables of a database seeded before they existed
        var at = await NewestAsync(connectionString);
        var rules = AlertConfigurationReader.ReadFiles([(Path.GetFullPath(Path.Combine("config", "alerts.yaml")), "config/alerts.yaml")]);
        // The seed has no market-data ticks, so market_data_silent measures a silent feed (the slow path: the hour before
        // the window is searched); this variant measures a live one (the service logs every second).
        var live = rules.Rules.First(r => r.Type == AlertRuleType.Absence);
        rules.Rules.Add(live with { Name = live.Name + " (feed alive)", Scope = live.Scope with { Text = null } });
        await using var queries = LogQueries.Open(store, "tradelog-bench", statementTimeout: TimeSpan.FromSeconds(10));
        var results = new List<(string Rule, string Type, double Median, double P95, int Alerts)>();
        foreach (var rule in rules.Rules)
        {
            var times = new List<double>();
            var alerts = 0;
            for (var attempt = 0; attempt < Warmup + runs; attempt++)
            {
                var clock = Stopwatch.StartNew();
                alerts = (await RuleEvaluator.EvaluateAsync(rule, queries, at, CancellationToken.None)).Count;
                if (attempt >= Warmup)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            results.Add((rule.Name, AlertRuleTypes.NameOf(rule.Type), times[times.Count / 2], P95(times), alerts));
            Console.WriteLine($"  {rule.Name} ({AlertRuleTypes.NameOf(rule.Type)}, window {AlertDuration.Format(rule.Window)}): median {times[times.Count / 2]:N1} ms, p95 {P95(times):N1} ms");
        }

        await using var alertStore = AlertStore.Open(store, "tradelog-bench");
        var evaluator = new AlertEvaluator(rules, queries, alertStore);
        var passes = new List<double>();
        for (var attempt = 0; attempt < Warmup + runs; attempt++)
        {
            var clock = Stopwatch.StartNew();
            await evaluator.RunOnceAsync(at + TimeSpan.FromSeconds(attempt), CancellationToken.None);
            if (attempt >= Warmup)
            {
                passes.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        passes.Sort();
        var report = new MarkdownReport(
            $"Alert evaluation over {rows:N0} rows in system_logs, {rows / 10:N0} trades and performance rows ({(quick ? "quick" : "full")} mode, {runs} runs each after {Warmup} warm-up, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd})",
            "rule (config/alerts.yaml)", "type", "median", "p95", "alerts");
        foreach (var r in results)
        {
            report.Row($"{r.Rule}", $"{r.Type}", $"{r.Median:N1} ms", $"{r.P95:N1} ms", $"{r.Alerts}");
        }

        report.Row($"whole pass (all rules, state, one transaction)", $"", $"{passes[passes.Count / 2]:N1} ms", $"{P95(passes):N1} ms", $"");
        report.Note($"A whole pass at p95 takes {P95(passes):N1} ms, {P95(passes) / rules.Interval.TotalMilliseconds:P1} of the default 15 s interval.");
        await report.PublishAsync(output);
        if (json is not null)
        {
            await new BenchmarkFigures("alerts", $"Alert rule evaluation, p95 over {runs} runs, {rows:N0} rows", "milliseconds", true,
                [.. results.Select(r => new BarFigure(Label(r.Rule, r.Type), "p95", Math.Round(r.P95, 1))), new BarFigure("whole pass", "p95", Math.Round(P95(passes), 1))])
                .SaveAsync(json);
        }

        return 0;
    }

    private static string Label(string rule, string type) =>
        type != "absence" ? type : rule.EndsWith("(feed alive)", StringComparison.Ordinal) ? "absence, feed alive" : "absence, feed silent";

    private static double P95(List<double> sorted) => sorted[(int)Math.Ceiling(sorted.Count * 0.95) - 1];

    private static async Task<DateTimeOffset> NewestAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var newest = new NpgsqlCommand("SELECT max(timestamp) FROM system_logs", connection);
        return new DateTimeOffset(DateTime.SpecifyKind((DateTime)(await newest.ExecuteScalarAsync())!, DateTimeKind.Utc));
    }
}
