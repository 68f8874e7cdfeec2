using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;

namespace TradingLog.Cli.Commands.Analysis;

/// <summary><c>tradelog trades [--symbol AAPL] [--since 1d]</c>: trading logs joined with system logs, as the design's second query.</summary>
internal sealed class TradesCommand(IAnsiConsole console) : AsyncCommand<TradesCommand.Settings>
{
    internal sealed class Settings : QueryCommandSettings
    {
        [CommandOption("--symbol <SYMBOL>")]
        [Description("Only this symbol, such as AAPL.")]
        public string? Symbol { get; init; }

        [CommandOption("-n|--limit <N>")]
        [Description("At most this many rows, newest first. Default: 200.")]
        public int Limit { get; init; } = 200;
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var (_, dataSource) = await AnalysisDatabase.OpenAsync(settings, null, cancellationToken);
            await using var source = dataSource;
            var rows = await console.Status().StartAsync("Querying trades…", _ => AnalysisDatabase.QueryAsync(dataSource, """
                SELECT t.timestamp, t.trade_id, t.symbol, t.side, t.quantity, t.price, t.status, t.error_message, s.level, s.message
                FROM trading_logs t
                JOIN system_logs s ON t.trade_id = s.correlation_id
                WHERE ($1::text IS NULL OR t.symbol = $1) AND t.timestamp > now() - $2::interval
                ORDER BY t.timestamp DESC, s.timestamp
                LIMIT $3
                """, cancellationToken, settings.Symbol, settings.Window, settings.Limit));
            ResultWriter.Write(console, settings.Json, $"Trades since {settings.SinceText}", rows,
                "timestamp", "trade_id", "symbol", "side", "quantity", "price", "status", "level", "message");
            return ExitCodes.Success;
        });
}
