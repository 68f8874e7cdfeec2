using Microsoft.Extensions.Hosting;
using TradingLog.Alerting.Configuration;
using TradingLog.Alerting.Engine;
using TradingLog.PostgreSql;

namespace TradingLog.Alerting.Hosting;

/// <summary>Runs <see cref="AlertingService"/> inside a service's host; added by <c>builder.AddTradingLogAlerting()</c>.</summary>
internal sealed class AlertingHostedService(TradingLogHost host, AlertingOptions options) : BackgroundService
{
    private AlertingSettings? _settings;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // A bad rule stops start-up, as every other bad key does.
        _settings = AlertConfigurationReader.Read(host.ConfigurationFiles, host.WorkingDirectory);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = _settings!;
        var log = host.Logger.ForContext<AlertingHostedService>();
        void Report(string problem) => options.FailureOutput?.WriteLine($"tradelog alerting ({host.Service}): {problem}");
        if (!settings.Enabled || settings.Rules.Count == 0)
        {
            return;
        }

        try
        {
            LogDatabase.EnsureServerNamed(host.Settings);
            var database = await LogDatabase.ConnectAsync(host.Settings, host.WorkingDirectory, stoppingToken);
            await using var service = new AlertingService(settings, database, options.TimeProvider, log, Report);
            await service.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Report($"alerting stopped: {e.Message}");
            log.Serilog.Error(e, "Alerting stopped");
        }
    }
}
