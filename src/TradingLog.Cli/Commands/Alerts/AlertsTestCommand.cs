using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Alerting.Delivery;
using TradingLog.Alerting.Engine;
using TradingLog.Alerting.Rules;
using TradingLog.Cli.Infrastructure;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Cli.Commands.Alerts;

/// <summary>
/// <c>tradelog alerts test RULE [--at TIME] [--send] [--json]</c>: evaluates one rule once, without changing any alert's
/// state, and shows each value, whether it breaches and what would be sent to whom; <c>--send</c> sends it (labelled
/// <c>test=true</c>) to the rule's receivers now and reports each answer.
/// </summary>
internal sealed class AlertsTestCommand(IAnsiConsole console) : AsyncCommand<AlertsTestCommand.Settings>
{
    internal sealed class Settings : DatabaseCommandSettings
    {
        [CommandArgument(0, "<RULE>")]
        [Description("The rule's name, as in alerts.rules.")]
        public string Rule { get; init; } = "";

        [CommandOption("--at <TIME>")]
        [Description("Evaluate as of this time (ISO 8601, UTC unless an offset is given: 2026-11-30T14:05:00Z). Default: now.")]
        public string? At { get; init; }

        [CommandOption("--send")]
        [Description("Send the result to the rule's receivers now, labelled test=true (breaching alerts as they would fire; else one test alert).")]
        public bool Send { get; init; }

        public DateTimeOffset Time => At is null ? DateTimeOffset.UtcNow
            : DateTimeOffset.Parse(At, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

        public override ValidationResult Validate() =>
            At is not null && !DateTimeOffset.TryParse(At, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
                ? ValidationResult.Error($"--at: {TradingLog.Configuration.Echo.Of(At)} is not a time; write it as 2026-11-30T14:05:00Z")
                : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            await using var alerts = await AlertsContext.OpenAsync(settings, cancellationToken);
            var rule = alerts.Rule(settings.Rule);
            await using var queries = LogQueries.Open(alerts.Database, "tradelog-cli");
            var at = settings.Time;
            var samples = await RuleEvaluator.EvaluateAsync(rule, queries, at, cancellationToken);
            var receivers = rule.Receivers.Count == 0
                ? alerts.Alerting.Receivers.Values.ToList()
                : rule.Receivers.Select(r => alerts.Alerting.Receivers[r]).ToList();
            var documents = samples.Select(s => (Sample: s, Document: Document(rule, s, at, alerts))).ToList();
            var sent = new List<Dictionary<string, object?>>();
            var failed = false;
            if (settings.Send)
            {
                var toSend = documents.Where(d => d.Sample.Breached).Select(d => d.Document).ToList();
                if (toSend.Count == 0)
                {
                    toSend = [Document(rule, (samples.Count > 0 ? samples[0] : null) ?? new AlertSample(rule.Service, null, false, "no value"), at, alerts) with
                    {
                        Summary = $"[test] {rule.Name}: a test notification from tradelog alerts test (nothing breaches now)",
                    }];
                }

                using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
                var dispatcher = new NotificationDispatcher(alerts.Alerting, alerts.Store, http, TimeProvider.System);
                foreach (var receiver in receivers)
                {
                    var (error, _) = await dispatcher.PostAsync(receiver, Guid.NewGuid(), "test", toSend, cancellationToken);
                    failed |= error is not null;
                    sent.Add(new() { ["receiver"] = receiver.Name, ["delivered"] = error is null, ["error"] = error });
                }
            }

            if (settings.Json)
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    Rule = rule.Name, At = at, Threshold = AlertFormat.Threshold(rule),
                    Alerts = documents.Select(d => new
                    {
                        d.Sample.Service, d.Sample.Value, d.Sample.Breached, d.Sample.Description, d.Document.Summary, d.Document.Labels,
                    }),
                    Receivers = receivers.Select(r => r.Name),
                    Sent = settings.Send ? sent : null,
                }, ResultWriter.Json));
                return failed ? ExitCodes.Failure : ExitCodes.Success;
            }

            ResultWriter.Write(console, false, $"{rule.Name} ({rule.Source}) as of {at:yyyy-MM-dd HH:mm:ss} UTC, threshold {AlertFormat.Threshold(rule)}",
                documents.Select(d => new Dictionary<string, object?>
                {
                    ["service"] = d.Sample.Service ?? "(whole scope)", ["value"] = d.Document.ValueText,
                    ["breaches"] = d.Sample.Breached ? "yes" : "no", ["summary"] = d.Document.Summary, ["measured"] = d.Sample.Description,
                }).ToList(),
                "service", "value", "breaches", "summary", "measured");
            var breaching = documents.Count(d => d.Sample.Breached);
            console.MarkupLine(receivers.Count == 0
                ? "No receiver is configured (alerts.receivers): a firing alert would be stored and shown, not sent."
                : $"{breaching} alert(s) breach; firing ones would go to {Markup.Escape(string.Join(", ", receivers.Select(r => r.Name)))}" +
                  (rule.For > TimeSpan.Zero ? $" once true for {Markup.Escape(AlertingDuration(rule.For))}" : "") + ".");
            foreach (var result in sent)
            {
                console.MarkupLine(result["delivered"] is true
                    ? $"Sent to {Markup.Escape((string)result["receiver"]!)}."
                    : $"[red]Not delivered to {Markup.Escape((string)result["receiver"]!)}:[/] {Markup.Escape((string)result["error"]!)}");
            }

            return failed ? ExitCodes.Failure : ExitCodes.Success;
        });

    private static string AlertingDuration(TimeSpan value) => TradingLog.Alerting.Configuration.AlertDuration.Format(value);

    private static AlertDocument Document(TradingLog.Alerting.Configuration.AlertRule rule, AlertSample sample, DateTimeOffset at, AlertsContext alerts)
    {
        var labels = AlertLabels.Of(rule, sample.Service, sample.Labels);
        labels["test"] = "true";
        var alert = new AlertInstance
        {
            Rule = rule.Name, Fingerprint = AlertLabels.Fingerprint(labels), Labels = labels, Value = sample.Value, Description = sample.Description,
            FiringSince = at, Status = AlertStatus.Firing,
        };
        return AlertDocument.Of("firing", rule, alert, alerts.Alerting);
    }
}
