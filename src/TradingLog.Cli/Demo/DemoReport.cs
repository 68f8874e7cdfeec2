using TradingSystem;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using TradingLog.PostgreSql;
using TradingLog.PostgreSql.Queries;
using Spectre.Console;
using TradingLog.Cli.Infrastructure;
using TradingLog.Configuration;

namespace TradingLog.Cli.Demo;

/// <summary>The end of a demo run: what the services emitted, what the database stored, and the design's three queries.</summary>
internal sealed class DemoReport
{
    private static readonly string[] Levels = ["TRACE", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"];
    private static readonly string[] Tables = ["system_logs", "trading_logs", "performance_logs"];

    private DemoReport(string runId, IReadOnlyList<ServiceSummary> services, Dictionary<string, long> stored, TimeSpan elapsed,
        string? sampleTrade, List<Dictionary<string, object?>> trace, List<Dictionary<string, object?>> joined, List<Dictionary<string, object?>> performance,
        DemoAlertSummary? alerts)
    {
        Alerts = alerts;
        RunId = runId;
        Services = services;
        Stored = stored;
        Elapsed = elapsed;
        SampleTrade = sampleTrade;
        Trace = trace;
        Joined = joined;
        Performance = performance;
    }

    public string RunId { get; }

    /// <summary>The run's incidents, alerts and deliveries; null when alerting did not run (the services did not start).</summary>
    public DemoAlertSummary? Alerts { get; }

    public IReadOnlyList<ServiceSummary> Services { get; }

    public Dictionary<string, long> Stored { get; }

    public TimeSpan Elapsed { get; }

    public string? SampleTrade { get; }

    public List<Dictionary<string, object?>> Trace { get; }

    public List<Dictionary<string, object?>> Joined { get; }

    public List<Dictionary<string, object?>> Performance { get; }

    public Dictionary<string, long> Emitted => Tables.ToDictionary(t => t, t => Services.Sum(s => s.Tables.GetValueOrDefault(t)));

    public bool Consistent => Tables.All(t => Emitted[t] == Stored[t]);

    /// <summary>Files some service could not write during the run (full path → the error), over every service.</summary>
    public Dictionary<string, string> UnwritableFiles => Services.SelectMany(s => s.UnwritableFiles ?? [])
        .GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    /// <summary>True when every event reached its rows and every file was written.</summary>
    public bool Healthy => Consistent && UnwritableFiles.Count == 0;

    public long TotalEvents => Services.Sum(s => s.Levels.Values.Sum());

    public static async Task<DemoReport> BuildAsync(LogDatabase database, string runId, IReadOnlyList<ServiceSummary> services, TimeSpan elapsed,
        DemoAlertSummary? alerts, CancellationToken cancellationToken)
    {
        await using var queries = LogQueries.Open(database, "tradelog-demo");
        var prefix = $"trade_{runId}_";
        var stored = new Dictionary<string, long>
        {
            ["system_logs"] = await queries.CountAsync(new LogFilter { PropertyName = "RunId", PropertyValue = runId }, cancellationToken),
            ["trading_logs"] = await queries.CountTradesAsync(prefix, cancellationToken),
            ["performance_logs"] = await queries.CountPerformanceAsync("RunId", runId, cancellationToken),
        };
        var sample = (await queries.TradesByIdPrefixAsync(prefix, 1000, cancellationToken)).FirstOrDefault(t => t.Status == "FILLED")?.TradeId;

        // The design's three analysis queries, as the design writes them (the first with this run's trade in place of
        // 'trade_12345'): the demo shows that they run verbatim, so they do not go through the read side.
        await using var dataSource = NpgsqlDataSource.Create(database.ReaderConnectionString);
        // The design's three analysis queries; the first with this run's trade in place of 'trade_12345'.
        var trace = await AnalysisDatabase.QueryAsync(dataSource, """
            SELECT * FROM system_logs 
            WHERE correlation_id = $1
            ORDER BY timestamp;
            """, cancellationToken, sample);
        var joined = await AnalysisDatabase.QueryAsync(dataSource, """
            SELECT t.*, s.message, s.level
            FROM trading_logs t
            JOIN system_logs s ON t.trade_id = s.correlation_id
            WHERE t.symbol = 'AAPL';
            """, cancellationToken);
        var performance = await AnalysisDatabase.QueryAsync(dataSource, """
            SELECT service, AVG(execution_time_ms) as avg_time
            FROM performance_logs 
            WHERE timestamp > NOW() - INTERVAL '1 day'
            GROUP BY service;
            """, cancellationToken);
        return new DemoReport(runId, services, stored, elapsed, sample, trace, joined, performance, alerts);
    }

    public void Print(IAnsiConsole console, TradingLogSettings settings)
    {
        var levels = new Table().Border(TableBorder.Rounded).Title("Events per service and level").AddColumn("service");
        var shown = Levels.Where(l => Services.Any(s => s.Levels.ContainsKey(l))).ToList();
        foreach (var level in shown)
        {
            levels.AddColumn(new TableColumn(level).RightAligned());
        }

        levels.AddColumn(new TableColumn("total").RightAligned());
        foreach (var service in Services)
        {
            levels.AddRow([service.Service, .. shown.Select(l => N(service.Levels.GetValueOrDefault(l))), N(service.Levels.Values.Sum())]);
        }

        console.Write(levels);

        var tables = new Table().Border(TableBorder.Rounded).Title("Rows per table (this run)").AddColumns("table", "emitted", "stored", "");
        foreach (var table in Tables)
        {
            tables.AddRow(table, N(Emitted[table]), N(Stored[table]), Emitted[table] == Stored[table] ? "[green]match[/]" : "[red]MISMATCH[/]");
        }

        console.Write(tables);
        console.MarkupLine($"Throughput: [bold]{N(TotalEvents)}[/] events in {Elapsed.TotalSeconds:0.0} s = " +
            $"[bold]{TotalEvents / Math.Max(0.001, Elapsed.TotalSeconds):N0}[/] events/s");

        console.MarkupLine($"\n[bold]1. All logs of one trade[/] ({Markup.Escape(SampleTrade ?? "no filled trade")}):");
        ResultWriter.Write(console, false, "SELECT * FROM system_logs WHERE correlation_id = … ORDER BY timestamp", Trace,
            "timestamp", "service", "level", "message");
        console.MarkupLine($"\n[bold]2. Trading logs joined with system logs for AAPL[/] ({Joined.Count} rows, first 10):");
        ResultWriter.Write(console, false, "trading_logs JOIN system_logs WHERE symbol = 'AAPL'", Joined.Take(10).ToList(),
            "trade_id", "side", "quantity", "price", "status", "level", "message");
        console.MarkupLine("\n[bold]3. Average execution time per service, last day[/] " +
            "(avg_time: the mean of execution_time_ms, the design's whole milliseconds, as its query asks; tradelog perf uses the precise durations):");
        ResultWriter.Write(console, false, "performance_logs", Performance.Select(r => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["service"] = r.GetValueOrDefault("service"),
            ["avg_time (ms)"] = r.GetValueOrDefault("avg_time") is decimal ms ? Math.Round(ms, 3) : r.GetValueOrDefault("avg_time"),
        }).ToList(), "service", "avg_time (ms)");

        console.MarkupLine("\n[bold]Log files[/]:");
        var unwritable = UnwritableFiles;
        foreach (var file in Services.Select(s => s.LogFile).Concat(new[] { settings.Files.Main, settings.Files.Errors, settings.Files.System,
                     settings.Files.Trades, settings.Files.Performance }.Where(f => f.Length > 0).Select(f => Path.GetFullPath(f)))
                     .Distinct(StringComparer.Ordinal))
        {
            if (unwritable.TryGetValue(file, out var error))
            {
                console.MarkupLine($"  [red]{Markup.Escape(file)}: NOT WRITTEN: {Markup.Escape(error)}[/]");
            }
            else if (!File.Exists(file))
            {
                console.MarkupLine($"  [red]{Markup.Escape(file)}: missing[/]");
            }
            else
            {
                console.MarkupLine($"  {Markup.Escape(file)}");
            }
        }

        if (unwritable.Count > 0)
        {
            console.MarkupLine($"[red]{unwritable.Count} log file(s) could not be written; their lines were kept in memory, " +
                "and lost when the services stopped. " +
                "The other files and the database have every event.[/]");
        }

        if (Alerts is not null)
        {
            DemoAlertReport.Print(console, Alerts);
        }

        console.MarkupLine($"\nTry: [bold]tradelog trace {Markup.Escape(SampleTrade ?? "trade_…")}[/], " +
            "tradelog stats --since 1h, tradelog tail --level WARNING");
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        run_id = RunId,
        elapsed_seconds = Elapsed.TotalSeconds,
        events = TotalEvents,
        events_per_second = TotalEvents / Math.Max(0.001, Elapsed.TotalSeconds),
        per_service = Services.ToDictionary(s => s.Service, s => s.Levels),
        per_level = Levels.Where(l => Services.Any(s => s.Levels.ContainsKey(l))).ToDictionary(l => l, l => Services.Sum(s => s.Levels.GetValueOrDefault(l))),
        per_table = Emitted,
        stored_per_table = Stored,
        sample_trade = SampleTrade,
        log_files = Services.ToDictionary(s => s.Service, s => s.LogFile),
        unwritable_files = UnwritableFiles,
        incidents = Alerts?.Incidents.Select(i => new { name = i.Name, starts_at = i.StartsAt, ends_at = i.EndsAt }),
        alerts = Alerts?.Alerts.Select(a => new
        {
            rule = a.Rule, service = a.Service, fired_at = a.FiredAt, resolved_at = a.ResolvedAt, incident = Alerts.IncidentOf(a), detail = a.Detail,
        }),
        deliveries = Alerts?.Deliveries.Select(d => new { rule = d.Rule, status = d.Status, count = d.Count }),
        detection = Alerts?.Detection.Select(d => new
        {
            type = d.Type, alerts = d.Alerts, attributed = d.Attributed, precision = d.Precision, incidents = d.Expected, detected = d.Detected,
            recall = d.Recall, delays_seconds = d.Delays, delay_from = d.DelayMeaning,
        }),
    }, Infrastructure.ResultWriter.Indented);

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
