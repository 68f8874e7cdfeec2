using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;

namespace TradingLog.Cli.Commands.Analysis;

/// <summary><c>tradelog audit [--since 7d] [--service NAME] [--json]</c>: the audit trail of system operations.</summary>
internal sealed class AuditCommand(IAnsiConsole console) : AsyncCommand<AuditCommand.Settings>
{
    internal sealed class Settings : QueryCommandSettings
    {
        [CommandOption("-n|--limit <N>")]
        [Description("At most this many events, newest first; a cut listing says so on standard error. Default: 100.")]
        public int Limit { get; init; } = 100;

        public override ValidationResult Validate() => Listing.Check(Limit, base.Validate);
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var (_, queries) = await AnalysisDatabase.OpenAsync(settings, settings.Service, cancellationToken);
            await using var read = queries;
            var events = Listing.Cut(await queries.AuditAsync(DateTimeOffset.UtcNow - settings.Window, settings.ServiceName, settings.Limit + 1,
                cancellationToken), settings.Limit, "audit events");
            if (settings.Json)
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(events.Select(ResultWriter.WithMetadataObject), ResultWriter.Json));
                return ExitCodes.Success;
            }

            ResultWriter.Write(console, false, $"Audit trail since {settings.SinceText}", events,
                ("timestamp", e => e.Timestamp), ("service", e => e.Service), ("event_type", e => e.EventType), ("message", e => e.Message));
            return ExitCodes.Success;
        });
}
