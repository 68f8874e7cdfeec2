using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Alerting.Configuration;
using TradingLog.Cli.Infrastructure;
using TradingLog.PostgreSql;

namespace TradingLog.Cli.Commands.Dashboard;

/// <summary>
/// <c>tradelog dashboard [--urls http://127.0.0.1:5080] [--connection …] [--open]</c>: serves the monitoring dashboard over
/// the configured log store until Ctrl-C. It reads through the reader role when one is configured and never migrates.
/// </summary>
internal sealed class DashboardCommand(IAnsiConsole console) : AsyncCommand<DashboardCommandSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, DashboardCommandSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var loaded = settings.Load();
            var alerting = AlertConfigurationReader.Read(loaded, Directory.GetCurrentDirectory()); // a bad rule stops start-up
            try
            {
                _ = await LogDatabase.ConnectRunningAsync(loaded.Settings, Directory.GetCurrentDirectory(), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The dashboard still starts: its pages say the store is unavailable until it is.
                Notices.Write("the log store is not reachable yet (" + e.Message.TrimEnd('.') + "); the dashboard will show it until it is");
            }

            var (app, url) = await DashboardServing.StartAsync(settings.Urls, settings.EffectiveToken, loaded.Settings, settings.Open,
                alerting, !settings.NoAlerting, cancellationToken);
            console.MarkupLine($"TradingLog dashboard: [link]{Markup.Escape(url)}[/]  (Ctrl-C to stop)");
            await DashboardServing.ServeUntilStoppedAsync(app, cancellationToken);
            return ExitCodes.Success;
        });
}
