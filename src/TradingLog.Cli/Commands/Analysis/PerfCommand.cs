using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;
using TradingLog.Configuration;

namespace TradingLog.Cli.Commands.Analysis;

/// <summary><c>tradelog perf [--since 1d] [--service S]</c>: execution time percentiles, memory and CPU per service and operation.</summary>
internal sealed class PerfCommand(IAnsiConsole console) : AsyncCommand<QueryCommandSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, QueryCommandSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var (_, dataSource) = await AnalysisDatabase.OpenAsync(settings, settings.Service, cancellationToken);
            await using var source = dataSource;
            var service = settings.Service is null ? null : TradingLogSettings.NormalizeServiceName(settings.Service);
            var rows = await console.Status().StartAsync("Computing percentiles…", _ => AnalysisDatabase.QueryAsync(dataSource, """
                SELECT service, operation, count(*) AS calls,
                       round(avg(execution_time_ms), 2) AS avg_ms,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY execution_time_ms) AS p50_ms,
                       percentile_cont(0.95) WITHIN GROUP (ORDER BY execution_time_ms) AS p95_ms,
                       percentile_cont(0.99) WITHIN GROUP (ORDER BY execution_time_ms) AS p99_ms,
                       max(execution_time_ms) AS max_ms,
                       round(avg(memory_usage_mb), 1) AS avg_memory_mb,
                       round(avg(cpu_usage_percent), 2) AS avg_cpu_percent
                FROM performance_logs
                WHERE timestamp > now() - $1::interval AND ($2::text IS NULL OR service = $2)
                GROUP BY service, operation
                ORDER BY service, operation
                """, cancellationToken, settings.Window, service));
            ResultWriter.Write(console, settings.Json, $"Performance since {settings.SinceText}", rows,
                "service", "operation", "calls", "avg_ms", "p50_ms", "p95_ms", "p99_ms", "max_ms", "avg_memory_mb", "avg_cpu_percent");
            return ExitCodes.Success;
        });
}
