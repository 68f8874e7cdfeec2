using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;

using TradingLog.Configuration;

namespace TradingLog.Cli.Commands.Demo;

/// <summary>Options of <c>tradelog demo</c>.</summary>
internal sealed class DemoCommandSettings : DatabaseCommandSettings
{
    [CommandOption("-d|--duration <DURATION>")]
    [Description("How long the trading system runs: 20s, 2m. Default: 20s.")]
    public string DurationText { get; init; } = "20s";

    [CommandOption("-r|--rate <EVENTS_PER_SECOND>")]
    [Description("About how many events per second the six services log together. Default: 200.")]
    public int Rate { get; init; } = 200;

    [CommandOption("--summary-json <FILE>")]
    [Description("Write the events emitted per service, per level and per table, and the rows stored, as JSON.")]
    public string? SummaryJson { get; init; }

    [CommandOption("--sample <FOLDER>")]
    [Description("The TradingSystem sample to run (its folder or project). Default: samples/TradingSystem of the checkout tradelog was built from.")]
    public string? Sample { get; init; }

    [CommandOption("--base-port <PORT>")]
    [Description("Listen on PORT to PORT+5 (data_ingestion first, in the order a trade flows). Default: free ports chosen at start.")]
    public int? BasePort { get; init; }

    [CommandOption("--dashboard")]
    [Description("Also serve the monitoring dashboard while the demo runs and after it ends, until Ctrl-C, and print its URL.")]
    public bool Dashboard { get; init; }

    [CommandOption("--urls <URLS>")]
    [Description("With --dashboard: where the dashboard listens. Default: " + TradingLog.Dashboard.DashboardOptions.DefaultUrls + " (loopback only).")]
    public string Urls { get; init; } = TradingLog.Dashboard.DashboardOptions.DefaultUrls;

    [CommandOption("--no-incidents")]
    [Description("Run without the labelled incidents (a broker outage, slow risk checks, a silent feed, a burst of risk violations) and their alerts.")]
    public bool NoIncidents { get; init; }

    [CommandOption("--open")]
    [Description("With --dashboard: open it in the default browser.")]
    public bool Open { get; init; }

    public TimeSpan Duration => Since.TryParse(DurationText, out var d) ? d : TimeSpan.FromSeconds(20);

    public override ValidationResult Validate()
    {
        if (!Since.TryParse(DurationText, out _))
        {
            return ValidationResult.Error($"--duration takes a duration such as 20s or 2m, not {Echo.Of(DurationText)}");
        }

        if (BasePort is < 1024 or > 65_530)
        {
            return ValidationResult.Error("--base-port must be between 1024 and 65530");
        }

        if (Dashboard)
        {
            if (TradingLog.Dashboard.TradingLogDashboardServer.UrlsProblem(Urls, hasToken: false) is { } problem)
            {
                return ValidationResult.Error(problem);
            }
        }
        else if (Open)
        {
            return ValidationResult.Error("--open needs --dashboard");
        }

        return Rate is < 1 or > 100_000 ? ValidationResult.Error("--rate must be between 1 and 100000 events per second") : base.Validate();
    }
}
