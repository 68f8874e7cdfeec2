using System.ComponentModel;
using Spectre.Console.Cli;
using TradingLog.Cli.Demo;
using TradingLog.Cli.Infrastructure;

namespace TradingLog.Cli.Commands.Demo;

/// <summary>Hidden: <c>tradelog demo-service NAME</c> runs one service of the demo; <c>tradelog demo</c> starts six of them.</summary>
internal sealed class DemoServiceCommand : AsyncCommand<DemoServiceCommand.Settings>
{
    internal sealed class Settings : DatabaseCommandSettings
    {
        [CommandArgument(0, "<SERVICE>")]
        public string Service { get; init; } = "";

        [CommandOption("--run <RUN_ID>")]
        public string RunId { get; init; } = "";

        [CommandOption("--ports <NAME=PORT,...>")]
        [Description("The loopback port of every service.")]
        public string Ports { get; init; } = "";

        [CommandOption("--summary-file <FILE>")]
        public string SummaryFile { get; init; } = "";
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var ports = settings.Ports.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        return DemoService.RunAsync(new DemoServiceOptions(settings.Service, settings.RunId, ports, settings.SummaryFile, settings.ToOptions()));
    }
}
