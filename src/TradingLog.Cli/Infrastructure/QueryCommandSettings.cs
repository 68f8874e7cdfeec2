using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TradingLog.Cli.Infrastructure;

/// <summary>Options of the analysis commands: a time window and a service filter.</summary>
internal class QueryCommandSettings : DatabaseCommandSettings
{
    [CommandOption("--since <DURATION>")]
    [Description("How far back to look: 30m, 12h, 1d, 2w. Default: 1d.")]
    public string SinceText { get; init; } = "1d";

    [CommandOption("--service <SERVICE>")]
    [Description("Only this service (data_ingestion, strategy_engine, execution, risk_management, analytics, notification, or one configured).")]
    public string? Service { get; init; }

    public TimeSpan Window => Since.TryParse(SinceText, out var window) ? window : TimeSpan.FromDays(1);

    public override ValidationResult Validate() =>
        !Since.TryParse(SinceText, out _) ? ValidationResult.Error(Since.Error(SinceText)) : base.Validate();
}
