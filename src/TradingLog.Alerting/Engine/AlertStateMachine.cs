using TradingLog.Alerting.Configuration;

namespace TradingLog.Alerting.Engine;

/// <summary>
/// Moves an alert through its states on one evaluation, as Prometheus does (<c>for</c>, <c>keep_firing_for</c>), and
/// detects flapping: <c>flapping.transitions</c> firing/resolve flips within <c>flapping.window</c> mark the alert flapping;
/// a whole window without a flip ends it.
/// </summary>
internal static class AlertStateMachine
{
    /// <summary>The state names as stored and shown.</summary>
    public static string Name(AlertStatus status) => status.ToString().ToLowerInvariant();

    public static List<AlertTransition> Step(AlertInstance alert, bool breached, DateTimeOffset now, AlertRule rule, AlertingSettings settings)
    {
        var transitions = new List<AlertTransition>();
        var before = alert.Status;
        if (breached)
        {
            // Nobody evaluated for a while (every host was down): the condition was not seen to hold all that time, so
            // a pending period starts again rather than firing at once on the first evaluation back.
            if (alert.Status == AlertStatus.Pending && alert.EvaluatedAt != default && now - alert.EvaluatedAt > 3 * settings.Interval)
            {
                alert.ActiveSince = now;
            }

            alert.LastTrueAt = now;
            switch (alert.Status)
            {
                case AlertStatus.Inactive or AlertStatus.Resolved:
                    alert.ActiveSince = now;
                    alert.Status = rule.For <= TimeSpan.Zero ? AlertStatus.Firing : AlertStatus.Pending;
                    break;
                case AlertStatus.Pending when now - alert.ActiveSince >= rule.For:
                    alert.Status = AlertStatus.Firing;
                    break;
            }

            if (alert.Status == AlertStatus.Firing && before != AlertStatus.Firing)
            {
                alert.FiringSince = now;
                alert.ResolvedAt = null;
            }
        }
        else
        {
            switch (alert.Status)
            {
                case AlertStatus.Pending:
                    alert.Status = AlertStatus.Inactive;
                    alert.ActiveSince = null;
                    break;
                case AlertStatus.Firing when rule.KeepFiringFor <= TimeSpan.Zero || alert.LastTrueAt is null || now - alert.LastTrueAt >= rule.KeepFiringFor:
                    alert.Status = AlertStatus.Resolved;
                    alert.ResolvedAt = now;
                    alert.ActiveSince = null;
                    break;
            }
        }

        if (alert.Status != before)
        {
            transitions.Add(new AlertTransition(alert, Name(before), Name(alert.Status), now, alert.Description));
            if (alert.Status == AlertStatus.Firing || (before == AlertStatus.Firing && alert.Status == AlertStatus.Resolved))
            {
                alert.Flips.Add(now);
            }
        }

        alert.Flips.RemoveAll(f => now - f > settings.FlapWindow);
        if (!alert.Flapping && alert.Flips.Count >= settings.FlapTransitions)
        {
            alert.Flapping = true;
            transitions.Add(new AlertTransition(alert, Name(alert.Status), "flapping", now,
                $"{alert.Flips.Count} firing/resolve flips within {AlertDuration.Format(settings.FlapWindow)}"));
        }
        else if (alert.Flapping && alert.Flips.Count == 0)
        {
            alert.Flapping = false;
            transitions.Add(new AlertTransition(alert, "flapping", Name(alert.Status), now,
                $"no flip for {AlertDuration.Format(settings.FlapWindow)}"));
        }

        return transitions;
    }

    /// <summary>
    /// When this alert next needs an evaluation of its own, sooner than the interval: the end of its pending period or of
    /// its <c>keep_firing_for</c>, so that a notification leaves on time. Null when the interval suffices.
    /// </summary>
    public static DateTimeOffset? Deadline(AlertInstance alert, AlertRule rule) => alert.Status switch
    {
        AlertStatus.Pending when alert.ActiveSince is { } since => since + rule.For,
        AlertStatus.Firing when rule.KeepFiringFor > TimeSpan.Zero && alert.LastTrueAt is { } last && last < alert.EvaluatedAt => last + rule.KeepFiringFor,
        _ => null,
    };
}
