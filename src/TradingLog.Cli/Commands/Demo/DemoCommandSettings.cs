using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;

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

    public TimeSpan Duration => Since.TryParse(DurationText, out var d) ? d : TimeSpan.FromSeconds(20);

    public override ValidationResult Validate()
    {
        if (!Since.TryParse(DurationText, out _))
        {
            return ValidationResult.Error($"--duration takes a duration such as 20s or 2m, not '{DurationText}'");
        }

        return Rate is < 1 or > 100_000 ? ValidationResult.Error("--rate must be between 1 and 100000 events per second") : base.Validate();
    }
}
