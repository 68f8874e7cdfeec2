using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Cli.Commands.Analysis;

/// <summary><c>tradelog trace &lt;correlation-id&gt;</c>: every log of one correlation across services, in time order, with its trades.</summary>
internal sealed class TraceCommand(IAnsiConsole console) : AsyncCommand<TraceCommand.Settings>
{
    internal sealed class Settings : DatabaseCommandSettings
    {
        [CommandArgument(0, "<CORRELATION_ID>")]
        [Description("The correlation ID, such as trade_12345.")]
        public string CorrelationId { get; init; } = "";

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(CorrelationId) ? ValidationResult.Error("give a correlation ID, such as trade_12345") : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var (_, dataSource) = await AnalysisDatabase.OpenAsync(settings, null, cancellationToken);
            await using var source = dataSource;
            var (logs, trades) = await console.Status().StartAsync("Tracing…", async _ =>
            {
                var logs = await AnalysisDatabase.QueryAsync(dataSource, TraceQueries.Logs, cancellationToken, settings.CorrelationId);
                var trades = await AnalysisDatabase.QueryAsync(dataSource, TraceQueries.Trades, cancellationToken, settings.CorrelationId);
                return (logs, trades);
            });

            if (settings.Json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new { correlation_id = settings.CorrelationId, logs, trades }));
                return ExitCodes.Success;
            }

            var services = logs.Select(l => l["service"]).Distinct().Count();
            console.MarkupLine($"[bold]{Markup.Escape(settings.CorrelationId)}[/]: {logs.Count} logs from {services} services, {trades.Count} trade rows");
            ResultWriter.Write(console, false, "Logs", logs, "timestamp", "service", "level", "event_type", "message");
            ResultWriter.Write(console, false, "Trades", trades, "timestamp", "trade_id", "symbol", "side", "quantity", "price", "status", "error_message");
            return logs.Count + trades.Count == 0 ? ExitCodes.Failure : ExitCodes.Success;
        });
}
