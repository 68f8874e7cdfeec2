using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;
using TradingLog.Dashboard;

namespace TradingLog.Cli.Commands.Dashboard;

/// <summary>Options of <c>tradelog dashboard</c>.</summary>
internal sealed class DashboardCommandSettings : DatabaseCommandSettings
{
    /// <summary>The environment variable an access token may come from instead of --token (kept out of the process list).</summary>
    public const string TokenVariable = "TRADINGLOG_DASHBOARD_TOKEN";

    [CommandOption("--urls <URLS>")]
    [Description("Where to listen, separated by ';'. Default: " + DashboardOptions.DefaultUrls + ". Any address but loopback needs --token.")]
    public string Urls { get; init; } = DashboardOptions.DefaultUrls;

    [CommandOption("--token <TOKEN>")]
    [Description("Access token (16 characters or more) every request must carry; default: " + TokenVariable + ". Needed to listen beyond loopback.")]
    public string? Token { get; init; }

    [CommandOption("--no-alerting")]
    [Description("Do not evaluate the alert rules in this process (tradelog monitor or a service does); the Alerts page still shows them.")]
    public bool NoAlerting { get; init; }

    [CommandOption("--open")]
    [Description("Open the dashboard in the default browser once it listens.")]
    public bool Open { get; init; }

    public string? EffectiveToken => Token ?? (System.Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } token ? token : null);

    public override ValidationResult Validate()
    {
        if (EffectiveToken is { Length: < 16 })
        {
            return ValidationResult.Error($"--token: the access token must be at least 16 characters long ({TokenVariable} too)");
        }

        if (TradingLogDashboardServer.UrlsProblem(Urls, EffectiveToken is not null) is { } problem)
        {
            return ValidationResult.Error(problem);
        }

        return base.Validate();
    }
}
