using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Cli.Commands.Analysis;

/// <summary><c>tradelog stats [--since 1h]</c>: events per service and level, error rate per service, busiest event types.</summary>
internal sealed class StatsCommand(IAnsiConsole console) : AsyncCommand<QueryCommandSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, QueryCommandSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var (_, queries) = await AnalysisDatabase.OpenAsync(settings, settings.Service, cancellationToken);
            await using var read = queries;
            var filter = settings.Filter();
            var levels = await queries.CountsByServiceAndLevelAsync(filter, cancellationToken);
            var rates = await queries.ErrorRatesAsync(filter, cancellationToken);
            var types = await queries.BusiestEventTypesAsync(filter, 10, cancellationToken);
            if (settings.Json)
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(
                    new { since = settings.SinceText, by_service_and_level = levels, error_rates = rates, busiest_event_types = types }, ResultWriter.Json));
                return ExitCodes.Success;
            }

            ResultWriter.Write(console, false, $"Events per service and level since {settings.SinceText}", levels,
                ("service", r => r.Service), ("level", r => r.Level), ("events", r => r.Events));
            ResultWriter.Write(console, false, "Error rate per service", rates,
                ("service", r => r.Service), ("events", r => r.Events), ("errors", r => r.Errors), ("error_rate_percent", r => r.ErrorRatePercent));
            ResultWriter.Write(console, false, "Busiest event types", types, ("event_type", r => r.EventType), ("events", r => r.Events));
            return ExitCodes.Success;
        });
}
