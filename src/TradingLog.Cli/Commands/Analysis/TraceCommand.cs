using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;

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
            var (_, queries) = await AnalysisDatabase.OpenAsync(settings, null, cancellationToken);
            await using var read = queries;
            var (logs, trades) = await queries.TraceAsync(settings.CorrelationId, cancellationToken);
            // One rule for every command: asking about one thing that is not there exits 1, in text and JSON alike; an
            // empty listing exits 0.
            var found = logs.Count + trades.Count > 0;
            if (!found)
            {
                Notices.Write($"nothing is stored for correlation ID {TradingLog.Configuration.Echo.Of(settings.CorrelationId)}");
            }

            if (settings.Json)
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { correlation_id = settings.CorrelationId, logs, trades }, ResultWriter.Json));
                return found ? ExitCodes.Success : ExitCodes.Failure;
            }

            var services = logs.Select(l => l.Service).Distinct().Count();
            console.MarkupLine($"[bold]{Markup.Escape(settings.CorrelationId)}[/]: {Plural(logs.Count, "log")} from {Plural(services, "service")}, " +
                $"{Plural(trades.Count, "trade row")}");
            ResultWriter.Write(console, false, "Logs", logs, ("timestamp", l => l.Timestamp), ("service", l => l.Service), ("level", l => l.Level),
                ("event_type", l => l.EventType), ("message", l => l.Message));
            ResultWriter.Write(console, false, "Trades", trades, ("timestamp", t => t.Timestamp), ("trade_id", t => t.TradeId), ("symbol", t => t.Symbol),
                ("side", t => t.Side), ("quantity", t => t.Quantity), ("price", t => t.Price), ("status", t => t.Status),
                ("error_message", t => t.ErrorMessage));
            return found ? ExitCodes.Success : ExitCodes.Failure;
        });

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count:N0} {noun}s";
}
