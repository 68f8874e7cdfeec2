using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;

namespace TradingLog.Cli.Commands.Alerts;

/// <summary><c>tradelog alerts unsilence ID [--json]</c>: ends a silence now; alerts it held back are notified at the next evaluation.</summary>
internal sealed class AlertsUnsilenceCommand(IAnsiConsole console) : AsyncCommand<AlertsUnsilenceCommand.Settings>
{
    internal sealed class Settings : DatabaseCommandSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The silence's ID, as 'alerts silence' printed it or 'alerts silences' lists it.")]
        public string IdText { get; init; } = "";

        public long Id => long.TryParse(IdText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0;

        public override ValidationResult Validate() =>
            Id <= 0
                ? ValidationResult.Error($"ID: {TradingLog.Configuration.Echo.Of(IdText)} is not a silence ID; 'tradelog alerts silences' lists them")
                : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            await using var alerts = await AlertsContext.OpenAsync(settings, cancellationToken);
            if (!await alerts.Store.ExpireSilenceAsync(settings.Id, DateTimeOffset.UtcNow, cancellationToken))
            {
                throw new BadOptionException($"no silence {settings.Id} is in force; 'tradelog alerts silences' lists them");
            }

            if (settings.Json)
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { settings.Id, Ended = true }, ResultWriter.Json));
            }
            else
            {
                console.MarkupLine($"Silence {settings.Id} ended.");
            }

            return ExitCodes.Success;
        });
}
