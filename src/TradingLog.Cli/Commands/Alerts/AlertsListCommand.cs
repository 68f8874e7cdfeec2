using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Alerting.Configuration;
using TradingLog.Alerting.Engine;
using TradingLog.Cli.Infrastructure;

namespace TradingLog.Cli.Commands.Alerts;

/// <summary><c>tradelog alerts list [--json]</c>: every rule's alerts with their state, since when, current value, silences and errors.</summary>
internal sealed class AlertsListCommand(IAnsiConsole console) : AsyncCommand<DatabaseCommandSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, DatabaseCommandSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            await using var alerts = await AlertsContext.OpenAsync(settings, cancellationToken);
            var now = DateTimeOffset.UtcNow;
            var states = await alerts.Store.LoadStatesAsync(cancellationToken);
            var silences = await alerts.Store.SilencesAsync(now, includeExpired: false, cancellationToken);
            var rows = new List<Dictionary<string, object?>>();
            foreach (var rule in alerts.Alerting.Rules)
            {
                var instances = states.Where(s => s.Rule == rule.Name).OrderBy(s => s.Labels.GetValueOrDefault("service"), StringComparer.Ordinal).ToList();
                if (instances.Count == 0)
                {
                    rows.Add(Row(rule, null, "not evaluated", null, null));
                    continue;
                }

                foreach (var alert in instances)
                {
                    var silence = silences.FirstOrDefault(s => AlertLabels.Matches(alert.Labels, s.Matchers));
                    rows.Add(Row(rule, alert, AlertStateMachine.Name(alert.Status), silence?.Id, alert.Error));
                }
            }

            // Alerts of rules this configuration does not have (the demo's own rules, or rules since removed): shown apart.
            var configured = alerts.Alerting.Rules.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var alert in states.Where(s => !configured.Contains(s.Rule) && s.Status != AlertStatus.Inactive))
            {
                rows.Add(new Dictionary<string, object?>
                {
                    ["rule"] = alert.Rule, ["type"] = alert.Labels.GetValueOrDefault("type"), ["severity"] = alert.Labels.GetValueOrDefault("severity"),
                    ["service"] = alert.Labels.GetValueOrDefault("service"), ["state"] = AlertStateMachine.Name(alert.Status),
                    ["since"] = alert.FiringSince ?? alert.ActiveSince ?? alert.ResolvedAt, ["value"] = alert.Value,
                    ["value_text"] = alert.Value?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), ["threshold"] = null,
                    ["description"] = alert.Description, ["silenced_by"] = null, ["flapping"] = alert.Flapping, ["error"] = alert.Error,
                    ["evaluated_at"] = alert.EvaluatedAt, ["fingerprint"] = alert.Fingerprint, ["configured"] = false,
                });
            }

            if (settings.Json)
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(rows, ResultWriter.Json));
                return ExitCodes.Success;
            }

            ResultWriter.Write(console, false, $"Alert rules ({alerts.Alerting.Rules.Count})",
                rows.Select(r => new Dictionary<string, object?>
                {
                    ["rule"] = r["rule"], ["type"] = r["type"], ["service"] = r["service"], ["state"] = r["state"], ["since"] = r["since"],
                    ["value"] = r["value_text"], ["notes"] = Notes(r),
                }).ToList(),
                "rule", "type", "service", "state", "since", "value", "notes");
            return ExitCodes.Success;
        });

    private static Dictionary<string, object?> Row(AlertRule rule, AlertInstance? alert, string state, long? silence, string? error) => new()
    {
        ["rule"] = rule.Name,
        ["type"] = AlertRuleTypes.NameOf(rule.Type),
        ["severity"] = rule.Severity,
        ["service"] = alert?.Labels.GetValueOrDefault("service") ?? rule.Service,
        ["state"] = state,
        ["since"] = alert?.Status switch
        {
            AlertStatus.Firing => alert.FiringSince,
            AlertStatus.Pending => alert.ActiveSince,
            AlertStatus.Resolved => alert.ResolvedAt,
            _ => null,
        },
        ["value"] = alert?.Value,
        ["value_text"] = alert is null ? null : AlertFormat.Value(rule, alert.Value),
        ["threshold"] = AlertFormat.Threshold(rule),
        ["description"] = alert?.Description,
        ["silenced_by"] = silence,
        ["flapping"] = alert?.Flapping ?? false,
        ["error"] = error,
        ["evaluated_at"] = alert?.EvaluatedAt,
        ["fingerprint"] = alert?.Fingerprint,
        ["configured"] = true,
    };

    private static string Notes(Dictionary<string, object?> row) => string.Join("; ", new[]
    {
        row["silenced_by"] is long id ? $"silenced (#{id})" : null,
        row["flapping"] is true ? "flapping" : null,
        row["error"] is string error ? "error: " + error : null,
        row["state"] is "not evaluated"
            ? "no evaluation stored: is tradelog monitor (or a host with AddTradingLogAlerting) running? A rule over services has no alert " +
              "until one logs in its scope"
            : null,
        row["configured"] is false ? "not a rule of this configuration (the demo's own rules, or a rule since removed)" : null,
    }.OfType<string>());
}
