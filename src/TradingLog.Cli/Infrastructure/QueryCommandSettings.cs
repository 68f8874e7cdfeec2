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

    /// <summary>The service, normalised (<c>risk_management</c>), or null for all.</summary>
    public string? ServiceName => Service is null ? null : TradingLog.Configuration.TradingLogSettings.NormalizeServiceName(Service);

    /// <summary>The read side's filter for these options: the window, and the service if one is given.</summary>
    public TradingLog.PostgreSql.Queries.LogFilter Filter() =>
        TradingLog.PostgreSql.Queries.LogFilter.Since(Window) with { Services = ServiceName is { } name ? [name] : null };

    public override ValidationResult Validate() =>
        !Since.TryParse(SinceText, out _) ? ValidationResult.Error(Since.Error(SinceText)) : base.Validate();
}
