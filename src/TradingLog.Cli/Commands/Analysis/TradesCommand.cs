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

        /// <summary>Symbols are stored as exchanges write them, in capitals: <c>--symbol aapl</c> finds AAPL.</summary>
        public string? SymbolKey => Symbol?.Trim().ToUpperInvariant();

        [CommandOption("-n|--limit <N>")]
        [Description("At most this many rows, newest first; a cut listing says so on standard error. Default: 200.")]
        public int Limit { get; init; } = 200;

        public override ValidationResult Validate() => Listing.Check(Limit, base.Validate);
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var (_, queries) = await AnalysisDatabase.OpenAsync(settings, settings.Service, cancellationToken);
            await using var read = queries;
            var joined = Listing.Cut(await queries.TradesWithLogsAsync(DateTimeOffset.UtcNow - settings.Window, settings.SymbolKey, settings.ServiceName,
                settings.Limit + 1, cancellationToken), settings.Limit, "rows");
            // Flat rows: each log with its own time beside the trade's.
            var rows = joined.Select(j => new TradeLogLine(j.Trade.Timestamp, j.Trade.TradeId, j.Trade.Symbol, j.Trade.Side, j.Trade.Quantity,
                j.Trade.Price, j.Trade.Status, j.Trade.ErrorMessage, j.LogTimestamp, j.LogService, j.LogLevel, j.LogMessage)).ToList();
            ResultWriter.Write(console, settings.Json, $"Trades since {settings.SinceText}", rows,
                ("timestamp", r => r.Timestamp), ("trade_id", r => r.TradeId), ("symbol", r => r.Symbol), ("side", r => r.Side),
                ("quantity", r => r.Quantity), ("price", r => r.Price), ("status", r => r.Status), ("log_timestamp", r => r.LogTimestamp),
                ("service", r => r.Service), ("level", r => r.Level), ("message", r => r.Message));
            return ExitCodes.Success;
        });
}

/// <summary>One line of <c>tradelog trades</c>: a trade and one of its logs.</summary>
internal sealed record TradeLogLine(DateTimeOffset Timestamp, string? TradeId, string? Symbol, string? Side, decimal? Quantity, decimal? Price,
    string? Status, string? ErrorMessage, DateTimeOffset LogTimestamp, string Service, string Level, string? Message);
