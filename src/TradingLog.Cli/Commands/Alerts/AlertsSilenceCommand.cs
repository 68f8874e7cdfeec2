using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Alerting.Configuration;
using TradingLog.Cli.Infrastructure;

namespace TradingLog.Cli.Commands.Alerts;

/// <summary>
/// <c>tradelog alerts silence RULE --for 1h [--service S] [--comment TEXT] [--json]</c>: no notification for the rule's
/// alerts (or one service's) until the silence ends; the alerts are still evaluated, stored and shown. Prints its ID.
/// </summary>
internal sealed class AlertsSilenceCommand(IAnsiConsole console) : AsyncCommand<AlertsSilenceCommand.Settings>
{
    internal sealed class Settings : DatabaseCommandSettings
    {
        [CommandArgument(0, "<RULE>")]
        [Description("The rule to silence, as named in alerts.rules.")]
        public string Rule { get; init; } = "";

        [CommandOption("--for <DURATION>")]
        [Description("How long: 30m, 1h, 2h30m, 1d (at most 90d). Required.")]
        public string? For { get; init; }

        [CommandOption("--service <SERVICE>")]
        [Description("Only this service's alert of the rule.")]
        public string? Service { get; init; }

        [CommandOption("--comment <TEXT>")]
        [Description("Why, for whoever sees the silence (a deployment, a known outage).")]
        public string? Comment { get; init; }

        public TimeSpan Duration => AlertDuration.TryParse(For, out var d) ? d : TimeSpan.Zero;

        public override ValidationResult Validate() =>
            For is null ? ValidationResult.Error("--for is required: how long the silence lasts, such as 1h")
            : !AlertDuration.TryParse(For, out var d) || d <= TimeSpan.Zero || d > TimeSpan.FromDays(90)
                ? ValidationResult.Error($"--for: {TradingLog.Configuration.Echo.Of(For)} is not a duration from 1s to 90d; write 30m, 1h or 1d")
                : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            await using var alerts = await AlertsContext.OpenAsync(settings, cancellationToken);
            var rule = alerts.Rule(settings.Rule);
            var matchers = new Dictionary<string, string> { ["alertname"] = rule.Name };
            if (settings.Service is { } service)
            {
                var name = TradingLog.Configuration.TradingLogSettings.NormalizeServiceName(service);
                if (!alerts.Loaded.Settings.Services.ContainsKey(name))
                {
                    throw new BadOptionException($"--service: unknown service {TradingLog.Configuration.Echo.Of(service)}; known services are " +
                        string.Join(", ", alerts.Loaded.Settings.Services.Keys.Order(StringComparer.Ordinal)));
                }

                matchers["service"] = name;
            }

            var now = DateTimeOffset.UtcNow;
            var ends = now + settings.Duration;
            var id = await alerts.Store.AddSilenceAsync(matchers, now, ends, Environment.UserName, settings.Comment, cancellationToken);
            if (settings.Json)
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { Id = id, Matchers = matchers, StartsAt = now, EndsAt = ends, settings.Comment },
                    ResultWriter.Json));
                return ExitCodes.Success;
            }

            console.MarkupLine($"Silence {id}: {Markup.Escape(string.Join(", ", matchers.Select(m => $"{m.Key}={m.Value}")))} until " +
                $"{ends:yyyy-MM-dd HH:mm:ss} UTC. End it early with: tradelog alerts unsilence {id}");
            return ExitCodes.Success;
        });
}
