using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;

namespace TradingLog.Cli.Commands.Analysis;

/// <summary><c>tradelog perf [--since 1d] [--service S]</c>: execution time percentiles, memory and CPU per service and operation.</summary>
internal sealed class PerfCommand(IAnsiConsole console) : AsyncCommand<QueryCommandSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, QueryCommandSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var (_, queries) = await AnalysisDatabase.OpenAsync(settings, settings.Service, cancellationToken);
            await using var read = queries;
            var rows = await queries.PerformanceAsync(DateTimeOffset.UtcNow - settings.Window, settings.ServiceName, cancellationToken);
            ResultWriter.Write(console, settings.Json, $"Performance since {settings.SinceText}", rows,
                ("service", r => r.Service), ("operation", r => r.Operation), ("calls", r => r.Calls), ("avg_ms", r => r.AvgMs),
                ("p50_ms", r => r.P50Ms), ("p95_ms", r => r.P95Ms), ("p99_ms", r => r.P99Ms), ("max_ms", r => r.MaxMs),
                ("avg_memory_mb", r => r.AvgMemoryMb), ("avg_cpu_percent", r => r.AvgCpuPercent));
            return ExitCodes.Success;
        });
}
