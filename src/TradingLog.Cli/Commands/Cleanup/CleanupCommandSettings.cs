using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;

using TradingLog.Configuration;

namespace TradingLog.Cli.Commands.Cleanup;

/// <summary>Options of <c>tradelog cleanup</c>.</summary>
internal sealed class CleanupCommandSettings : DatabaseCommandSettings
{
    [CommandArgument(0, "[ACTION]")]
    [Description("Leave out to run a cleanup now; 'history' lists recent runs.")]
    public string? Action { get; init; }

    [CommandOption("-n|--limit <N>")]
    [Description("With history: how many runs to list. Default: 20.")]
    public int Limit { get; init; } = 20;

    [CommandOption("--dry-run")]
    [Description("Print what would be archived or purged, per table and partition, and change nothing.")]
    public bool DryRun { get; set; }

    [CommandOption("--as-of <TIMESTAMP>")]
    [Description("Evaluate the rules as if now were this time (ISO 8601, e.g. 2026-11-27T02:00:00Z).")]
    public string? AsOf { get; init; }

    public DateTimeOffset? ParsedAsOf => AsOf is null ? null : DateTimeOffset.Parse(AsOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override ValidationResult Validate()
    {
        if (Action is not null && Action != "history")
        {
            return ValidationResult.Error($"unknown cleanup action {Echo.Of(Action)}; use 'tradelog cleanup' or 'tradelog cleanup history'");
        }

        if (Limit < 1)
        {
            return ValidationResult.Error("--limit must be at least 1");
        }

        if (AsOf is not null && !DateTimeOffset.TryParse(AsOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            return ValidationResult.Error($"--as-of takes a timestamp such as 2026-11-27T02:00:00Z, not {Echo.Of(AsOf)}");
        }

        return base.Validate();
    }
}
