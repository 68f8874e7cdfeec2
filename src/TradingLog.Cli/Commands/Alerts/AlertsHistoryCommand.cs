using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;

namespace TradingLog.Cli.Commands.Alerts;

/// <summary><c>tradelog alerts history [--since 1d] [--rule R] [-n 100] [--json]</c>: alert transitions, newest first.</summary>
internal sealed class AlertsHistoryCommand(IAnsiConsole console) : AsyncCommand<AlertsHistoryCommand.Settings>
{
    internal sealed class Settings : DatabaseCommandSettings
    {
        [CommandOption("--since <DURATION>")]
        [Description("How far back: 30m, 12h, 1d, 2w. Default: 1d.")]
        public string SinceText { get; init; } = "1d";

        [CommandOption("--rule <RULE>")]
        [Description("Only this rule.")]
        public string? Rule { get; init; }

        [CommandOption("-n|--limit <N>")]
        [Description("At most this many transitions, newest first; a cut listing says so on standard error. Default: 100.")]
        public int Limit { get; init; } = 100;

        public TimeSpan Window => Since.TryParse(SinceText, out var window) ? window : TimeSpan.FromDays(1);

        public override ValidationResult Validate() =>
            !Since.TryParse(SinceText, out _) ? ValidationResult.Error(Since.Error(SinceText)) : Listing.Check(Limit, base.Validate);
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            await using var alerts = await AlertsContext.OpenAsync(settings, cancellationToken);
            var history = Listing.Cut(await alerts.Store.HistoryAsync(DateTimeOffset.UtcNow - settings.Window, settings.Rule, settings.Limit + 1,
                cancellationToken), settings.Limit, "transitions");
            if (settings.Json)
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(history, ResultWriter.Json));
                return ExitCodes.Success;
            }

            ResultWriter.Write(console, false, $"Alert history since {settings.SinceText}", history,
                ("at", h => h.At), ("rule", h => h.Rule), ("service", h => h.Labels.GetValueOrDefault("service")), ("from", h => h.From),
                ("to", h => h.To), ("detail", h => h.Detail));
            return ExitCodes.Success;
        });
}
