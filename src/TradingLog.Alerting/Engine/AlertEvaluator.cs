using Serilog.Events;
using TradingLog.Alerting.Configuration;
using TradingLog.Alerting.Delivery;
using TradingLog.Alerting.Rules;
using TradingLog.Alerting.Store;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Alerting.Engine;

/// <summary>
/// One evaluation pass: measures every rule, moves each alert through its states, decides which receivers are told
/// (silences, inhibition, flapping, <c>repeat_interval</c>), and stores states, history, outbox and values in one
/// transaction. A rule whose query fails is marked in error and the others go on. Delivery is not done here.
/// </summary>
internal sealed class AlertEvaluator(AlertingSettings settings, LogQueries queries, AlertStore store, TradingLogger? log = null,
    Action<string>? report = null)
{
    /// <summary>The event types of the System events an evaluation logs.</summary>
    public const string TransitionEvent = "alert.transition";
    public const string ErrorEvent = "alert.rule_error";

    private readonly HashSet<string> _reportedErrors = new(StringComparer.Ordinal);

    public async Task<EvaluationReport> RunOnceAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var states = (await store.LoadStatesAsync(cancellationToken)).ToDictionary(s => (s.Rule, s.Fingerprint));
        var silences = await store.SilencesAsync(at, includeExpired: false, cancellationToken);
        var transitions = new List<AlertTransition>();
        var values = new List<AlertValue>();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var touched = new List<(AlertRule Rule, AlertInstance Alert, List<AlertTransition> Changes)>();
        var next = at + settings.Interval;
        foreach (var rule in settings.Rules)
        {
            IReadOnlyList<AlertSample> samples;
            try
            {
                samples = await RuleEvaluator.EvaluateAsync(rule, queries, at, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var message = $"{e.GetType().Name}: {e.Message}";
                errors[rule.Name] = message;
                MarkError(rule, states, message, at, touched);
                continue;
            }

            _reportedErrors.Remove(rule.Name);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var sample in samples)
            {
                var labels = AlertLabels.Of(rule, sample.Service, sample.Labels);
                var fingerprint = AlertLabels.Fingerprint(labels);
                seen.Add(fingerprint);
                var alert = states.GetValueOrDefault((rule.Name, fingerprint))
                    ?? new AlertInstance { Rule = rule.Name, Fingerprint = fingerprint, Labels = labels };
                states[(rule.Name, fingerprint)] = alert;
                var recovered = alert.Error is not null;
                alert.Value = sample.Value;
                alert.Description = sample.Description;
                alert.Error = null;
                var changes = AlertStateMachine.Step(alert, sample.Breached, at, rule, settings);
                if (recovered)
                {
                    changes.Add(new AlertTransition(alert, "error", AlertStateMachine.Name(alert.Status), at, "the rule evaluates again"));
                }

                alert.EvaluatedAt = at;
                touched.Add((rule, alert, changes));
                values.Add(new AlertValue(rule.Name, fingerprint, at, sample.Value));
            }

            // An alert the rule no longer measures (a service that fell silent in the window) is no longer breaching.
            foreach (var alert in states.Values.Where(a => a.Rule == rule.Name && !seen.Contains(a.Fingerprint) && a.Status != AlertStatus.Inactive))
            {
                alert.Value = null;
                alert.Description = "not measured in the window";
                alert.Error = null;
                var changes = AlertStateMachine.Step(alert, false, at, rule, settings);
                alert.EvaluatedAt = at;
                touched.Add((rule, alert, changes));
            }
        }

        var firing = states.Values.Where(a => a.Status == AlertStatus.Firing).ToList();
        var outbox = new List<OutboxEntry>();
        foreach (var (rule, alert, changes) in touched)
        {
            Notify(rule, alert, changes, at, Suppressed(alert, silences, firing), outbox);
            transitions.AddRange(changes);
            if (AlertStateMachine.Deadline(alert, rule) is { } deadline && deadline < next)
            {
                next = deadline > at ? deadline : at + TimeSpan.FromMilliseconds(100);
            }
        }

        await store.SaveEvaluationAsync(touched.Select(t => t.Alert).Distinct().ToList(), transitions, outbox, values, cancellationToken);
        foreach (var transition in transitions)
        {
            Log(transition);
        }

        return new EvaluationReport(at, states.Values.ToList(), transitions, outbox.Count, errors, next);
    }

    private void MarkError(AlertRule rule, Dictionary<(string, string), AlertInstance> states, string message, DateTimeOffset at,
        List<(AlertRule, AlertInstance, List<AlertTransition>)> touched)
    {
        var alerts = states.Values.Where(a => a.Rule == rule.Name).ToList();
        if (alerts.Count == 0)
        {
            var labels = AlertLabels.Of(rule, null);
            var alert = new AlertInstance { Rule = rule.Name, Fingerprint = AlertLabels.Fingerprint(labels), Labels = labels };
            states[(rule.Name, alert.Fingerprint)] = alert;
            alerts.Add(alert);
        }

        foreach (var alert in alerts)
        {
            var changes = new List<AlertTransition>();
            if (alert.Error is null)
            {
                changes.Add(new AlertTransition(alert, AlertStateMachine.Name(alert.Status), "error", at, message));
            }

            alert.Error = message;
            alert.EvaluatedAt = at;
            touched.Add((rule, alert, changes));
        }

        if (_reportedErrors.Add(rule.Name))
        {
            report?.Invoke($"alert rule {rule.Name} ({rule.Source}) cannot be evaluated: {message}; the other rules go on");
        }
    }

    /// <summary>Why the alert is not to be notified now (silenced, inhibited), or null.</summary>
    private string? Suppressed(AlertInstance alert, List<AlertSilence> silences, List<AlertInstance> firing)
    {
        if (silences.FirstOrDefault(s => AlertLabels.Matches(alert.Labels, s.Matchers)) is { } silence)
        {
            return $"silenced by silence {silence.Id}";
        }

        foreach (var inhibit in settings.Inhibit.Where(i => AlertLabels.Matches(alert.Labels, i.Target)))
        {
            var source = firing.FirstOrDefault(f => f != alert && AlertLabels.Matches(f.Labels, inhibit.Source)
                && inhibit.Equal.All(l => f.Labels.GetValueOrDefault(l) == alert.Labels.GetValueOrDefault(l)));
            if (source is not null)
            {
                return $"inhibited by {source.Rule}";
            }
        }

        return null;
    }

    private void Notify(AlertRule rule, AlertInstance alert, List<AlertTransition> changes, DateTimeOffset at, string? suppressed, List<OutboxEntry> outbox)
    {
        var flapStarted = changes.Any(c => c.To == "flapping");
        if (flapStarted)
        {
            Queue(rule, alert, "flapping", at, at, outbox, alertmanager: false);
            return;
        }

        if (alert.Flapping)
        {
            return; // summarised by the flapping notice; reconciled when flapping ends
        }

        if (alert.Status == AlertStatus.Firing)
        {
            var fresh = changes.Any(c => c.To == "firing");
            if (suppressed is not null)
            {
                if (fresh && changes.FirstOrDefault(c => c.To == "firing") is { } t)
                {
                    changes[changes.IndexOf(t)] = t with { Detail = $"{t.Detail}; not notified: {suppressed}" };
                }

                return;
            }

            if (!alert.Notified)
            {
                Queue(rule, alert, "firing", at, at + settings.GroupWait, outbox, alertmanager: true);
                alert.Notified = true;
                alert.LastNotifiedAt = at;
                alert.LastResentAt = at;
                return;
            }

            if (at - alert.LastNotifiedAt >= settings.RepeatInterval)
            {
                Queue(rule, alert, "firing", at, at, outbox, alertmanager: false);
                alert.LastNotifiedAt = at;
            }

            if (at - alert.LastResentAt >= settings.ResendInterval)
            {
                // Alertmanager resolves an alert that stops arriving; it is sent again while it fires, as Prometheus does.
                QueueAlertmanagerOnly(rule, alert, at, outbox);
                alert.LastResentAt = at;
            }

            return;
        }

        if (alert.Notified && alert.Status is AlertStatus.Resolved or AlertStatus.Inactive)
        {
            Queue(rule, alert, "resolved", at, at, outbox, alertmanager: true);
            alert.Notified = false;
        }
    }

    private void Queue(AlertRule rule, AlertInstance alert, string status, DateTimeOffset at, DateTimeOffset due, List<OutboxEntry> outbox, bool alertmanager)
    {
        var json = AlertDocument.Of(status, rule, alert, settings).ToJson();
        foreach (var receiver in Receivers(rule))
        {
            if (receiver.Kind == ReceiverKind.Alertmanager && !alertmanager)
            {
                continue;
            }

            outbox.Add(new OutboxEntry(receiver.Name, GroupKey(alert), rule.Name, alert.Fingerprint, status, json, at, due));
        }
    }

    private void QueueAlertmanagerOnly(AlertRule rule, AlertInstance alert, DateTimeOffset at, List<OutboxEntry> outbox)
    {
        var json = AlertDocument.Of("firing", rule, alert, settings).ToJson();
        foreach (var receiver in Receivers(rule).Where(r => r.Kind == ReceiverKind.Alertmanager))
        {
            outbox.Add(new OutboxEntry(receiver.Name, GroupKey(alert), rule.Name, alert.Fingerprint, "firing", json, at, at));
        }
    }

    private IEnumerable<AlertReceiver> Receivers(AlertRule rule) =>
        rule.Receivers.Count == 0 ? settings.Receivers.Values : rule.Receivers.Select(r => settings.Receivers[r]);

    private string GroupKey(AlertInstance alert) =>
        string.Join(",", settings.GroupBy.Where(alert.Labels.ContainsKey).Select(l => $"{l}={alert.Labels[l]}"));

    private void Log(AlertTransition transition)
    {
        if (log is null)
        {
            return;
        }

        var level = transition.To switch
        {
            "firing" => LogEventLevel.Warning,
            "error" => LogEventLevel.Error,
            "flapping" => LogEventLevel.Warning,
            _ => LogEventLevel.Information,
        };
        log.ForCategory(LogCategory.System)
            .WithProperty(LogProperties.EventType, transition.To == "error" ? ErrorEvent : TransitionEvent)
            .WithProperty("AlertFingerprint", transition.Instance.Fingerprint)
            .Write(level, null, "Alert {Alert} {From} -> {To}: {Detail}",
                [transition.Instance.Rule, transition.From ?? "new", transition.To, transition.Detail ?? ""]);
    }
}
