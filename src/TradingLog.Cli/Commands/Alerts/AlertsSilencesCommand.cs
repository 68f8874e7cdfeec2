using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;

namespace TradingLog.Cli.Commands.Alerts;

/// <summary><c>tradelog alerts silences [--all] [--json]</c>: silences in force (with --all, ended ones too).</summary>
internal sealed class AlertsSilencesCommand(IAnsiConsole console) : AsyncCommand<AlertsSilencesCommand.Settings>
{
    internal sealed class Settings : DatabaseCommandSettings
    {
        [CommandOption("--all")]
        [Description("Also list silences that have ended.")]
        public bool All { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            await using var alerts = await AlertsContext.OpenAsync(settings, cancellationToken);
            var silences = await alerts.Store.SilencesAsync(DateTimeOffset.UtcNow, settings.All, cancellationToken);
            ResultWriter.Write(console, settings.Json, "Silences", silences,
                ("id", s => s.Id), ("matchers", s => string.Join(", ", s.Matchers.Select(m => $"{m.Key}={m.Value}"))), ("starts_at", s => s.StartsAt),
                ("ends_at", s => s.EndsAt), ("created_by", s => s.CreatedBy), ("comment", s => s.Comment));
            return ExitCodes.Success;
        });
}
