using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;

namespace TradingLog.Cli.Commands.Analysis;

/// <summary><c>tradelog stats [--since 1h]</c>: events per service and level, error rate per service, busiest event types.</summary>
internal sealed class StatsCommand(IAnsiConsole console) : AsyncCommand<QueryCommandSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, QueryCommandSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var (_, dataSource) = await AnalysisDatabase.OpenAsync(settings, settings.Service, cancellationToken);
            await using var source = dataSource;
            var window = settings.Window;
            var (levels, rates, types) = await console.Status().StartAsync("Counting…", async _ =>
            {
                var levels = await AnalysisDatabase.QueryAsync(dataSource, """
                    SELECT service, level, count(*) AS events FROM system_logs
                    WHERE timestamp > now() - $1::interval GROUP BY service, level ORDER BY service, level
                    """, cancellationToken, window);
                var rates = await AnalysisDatabase.QueryAsync(dataSource, """
                    SELECT service, count(*) AS events, count(*) FILTER (WHERE level IN ('ERROR', 'CRITICAL')) AS errors,
                           round(100.0 * count(*) FILTER (WHERE level IN ('ERROR', 'CRITICAL')) / count(*), 2) AS error_rate_percent
                    FROM system_logs WHERE timestamp > now() - $1::interval GROUP BY service ORDER BY service
                    """, cancellationToken, window);
                var types = await AnalysisDatabase.QueryAsync(dataSource, """
                    SELECT coalesce(event_type, '(none)') AS event_type, count(*) AS events FROM system_logs
                    WHERE timestamp > now() - $1::interval GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10
                    """, cancellationToken, window);
                return (levels, rates, types);
            });

            if (settings.Json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new { since = settings.SinceText, by_service_and_level = levels, error_rates = rates, busiest_event_types = types }));
                return ExitCodes.Success;
            }

            ResultWriter.Write(console, false, $"Events per service and level since {settings.SinceText}", levels, "service", "level", "events");
            ResultWriter.Write(console, false, "Error rate per service", rates, "service", "events", "errors", "error_rate_percent");
            ResultWriter.Write(console, false, "Busiest event types", types, "event_type", "events");
            return ExitCodes.Success;
        });
}
