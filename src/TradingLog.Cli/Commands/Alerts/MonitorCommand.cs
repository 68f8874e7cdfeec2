using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Alerting.Configuration;
using TradingLog.Alerting.Engine;
using TradingLog.Cli.Infrastructure;
using TradingLog.OpenTelemetry;
using TradingLog.OpenTelemetry.Metrics;
using TradingLog.PostgreSql;

namespace TradingLog.Cli.Commands.Alerts;

/// <summary>
/// <c>tradelog monitor [--connection …] [--metrics HOST:PORT]</c>: evaluates the configured alert rules every <c>alerts.interval</c> and delivers
/// their notifications until Ctrl-C or SIGTERM. Several monitors (and services hosting alerting) may run: one evaluates,
/// the others stand by and take over within one interval. Each transition is printed and logged as a System event
/// (service <c>alerting</c>).
/// </summary>
internal sealed class MonitorCommand(IAnsiConsole console) : AsyncCommand<MonitorSettings>
{
    public const string Service = "alerting";

    public override Task<int> ExecuteAsync(CommandContext context, MonitorSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var loaded = settings.Load();
            var directory = Directory.GetCurrentDirectory();
            var alerting = AlertConfigurationReader.Read(loaded, directory);
            if (alerting.Rules.Count == 0 || !alerting.Enabled)
            {
                throw new BadOptionException(alerting.Rules.Count == 0
                    ? "no alert rules are configured: add rules to config/alerts.yaml or an alerts: section of " +
                      $"{string.Join(" or ", loaded.Files.DefaultIfEmpty("config/logging.yaml"))} " +
                      "(docs/alerting.md shows one)"
                    : "alerting is turned off (alerts.enabled: false)");
            }

            var database = await LogDatabase.ConnectRunningAsync(loaded.Settings, directory, cancellationToken);
            await database.MigrateAsync(cancellationToken);
            loaded.Settings.Console.Enabled = false;
            await using var logging = TradingLogging.Configure(Service, o =>
            {
                o.Settings = loaded.Settings;
                o.WorkingDirectory = directory;
                o.FailureOutput = Console.Error;
                o.Extensions.Add(new PostgreSqlExtension { Connect = (_, _) => Task.FromResult(database) });
                o.UseOpenTelemetry();
            });
            using var metrics = settings.MetricsAddress is { } address
                ? TradingLogMetrics.ListenPrometheus(address.Host, address.Port, loaded.Settings, Service)
                : null;
            if (settings.MetricsAddress is { } shown)
            {
                console.MarkupLine(Markup.Escape($"Prometheus metrics at http://{shown.Host}:{shown.Port}{TradingLogMetrics.DefaultPath}"));
            }

            await using var service = new AlertingService(alerting, database, TimeProvider.System, logging.Logger, Notices.Write);
            service.LeadershipChanged += leader => console.MarkupLine(Markup.Escape(leader
                ? $"{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}  evaluating: this process holds the evaluator lock"
                : $"{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}  standing by: another process (a monitor, dashboard or service) " +
                  "evaluates; this one takes over if it stops"));
            service.Evaluated += report =>
            {
                foreach (var t in report.Transitions)
                {
                    var service = t.Instance.Labels.TryGetValue("service", out var s) ? $" ({s})" : "";
                    console.MarkupLine(Markup.Escape(
                        $"{t.At.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}  {t.Instance.Rule}{service}: {t.From} -> {t.To}  {t.Detail}"));
                }
            };
            console.MarkupLine(Markup.Escape($"TradingLog monitor: {alerting.Rules.Count} rules every {AlertDuration.Format(alerting.Interval)}, " +
                $"receivers: {(alerting.Receivers.Count == 0 ? "none" : string.Join(", ", alerting.Receivers.Keys))}. Ctrl-C to stop."));
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var run = service.RunAsync(stop.Token);
            await StopSignal.WaitAsync(cancellationToken);
            await stop.CancelAsync();
            await run;
            return ExitCodes.Success;
        });
}
