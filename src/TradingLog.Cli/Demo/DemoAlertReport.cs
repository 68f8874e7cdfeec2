using System.Globalization;
using Spectre.Console;

namespace TradingLog.Cli.Demo;

/// <summary>The alerting part of the demo's summary: incidents injected, alerts fired and resolved, notifications delivered.</summary>
internal static class DemoAlertReport
{
    public static void Print(IAnsiConsole console, DemoAlertSummary summary)
    {
        string At(DateTimeOffset? t) => t is { } value ? $"+{(value - summary.Start).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s" : "";
        console.MarkupLine("\n[bold]Incidents and alerts[/] (times since trading started):");
        if (summary.Incidents.Count > 0)
        {
            var incidents = new Table().Border(TableBorder.Rounded).Title("Incidents injected").AddColumns("incident", "from", "to");
            foreach (var i in summary.Incidents)
            {
                incidents.AddRow(i.Name, At(i.StartsAt), At(i.EndsAt));
            }

            console.Write(incidents);
        }
        else
        {
            console.MarkupLine("No incidents were injected (--no-incidents).");
        }

        var alerts = new Table().Border(TableBorder.Rounded).Title("Alerts").AddColumns("rule", "service", "fired", "resolved", "during", "when it fired");
        foreach (var a in summary.Alerts)
        {
            var resolved = a.ResolvedAt is null ? "[yellow]still firing[/]" : At(a.ResolvedAt);
            alerts.AddRow(Markup.Escape(a.Rule), Markup.Escape(a.Service ?? ""), At(a.FiredAt), resolved, summary.IncidentOf(a) ?? "[grey]no incident[/]",
                Markup.Escape(a.Detail ?? ""));
        }

        if (summary.Alerts.Count == 0)
        {
            console.MarkupLine("No alert fired.");
        }
        else
        {
            console.Write(alerts);
        }

        var deliveries = new Table().Border(TableBorder.Rounded).Title("Delivered to the notification service (POST /alerts)")
            .AddColumn("rule").AddColumn("status").AddColumn(new TableColumn("notifications").RightAligned());
        foreach (var d in summary.Deliveries)
        {
            deliveries.AddRow(Markup.Escape(d.Rule), d.Status, d.Count.ToString(CultureInfo.InvariantCulture));
        }

        if (summary.Deliveries.Count > 0)
        {
            console.Write(deliveries);
        }

        if (summary.Detection.Count > 0)
        {
            string Share(double? share) => share is { } s ? s.ToString("0.00", CultureInfo.InvariantCulture) : "-";
            var detection = new Table().Border(TableBorder.Rounded).Title("Pattern detection and forecasts against the labelled incidents")
                .AddColumns("rule type", "alerts", "during an incident", "precision", "incidents", "found", "recall", "delays (s)");
            foreach (var d in summary.Detection)
            {
                detection.AddRow(d.Type, d.Alerts.ToString(CultureInfo.InvariantCulture), d.Attributed.ToString(CultureInfo.InvariantCulture),
                    Share(d.Precision), d.Expected.ToString(CultureInfo.InvariantCulture), d.Detected.ToString(CultureInfo.InvariantCulture),
                    Share(d.Recall), Markup.Escape(string.Join(", ", d.Delays.Select(x => x.ToString("+0.0;-0.0", CultureInfo.InvariantCulture))) +
                        " " + d.DelayMeaning));
            }

            console.Write(detection);
        }

        console.MarkupLine("See them with [bold]tradelog alerts history --since 10m[/], or on the dashboard's Alerts page (tradelog demo --dashboard).");
    }
}
