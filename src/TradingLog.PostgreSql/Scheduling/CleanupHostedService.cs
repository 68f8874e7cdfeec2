using Microsoft.Extensions.Hosting;
using TradingLog.PostgreSql.Retention;

namespace TradingLog.PostgreSql.Scheduling;

/// <summary>Runs the cleanup scheduler inside a service's host; added by <c>builder.AddTradingLogCleanup()</c>.</summary>
internal sealed class CleanupHostedService(TradingLogHost host) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = host.Settings;
        var directory = host.WorkingDirectory;
        var log = host.Logger.ForContext<CleanupHostedService>();
        try
        {
            LogDatabase.EnsureServerNamed(settings);
            var database = await LogDatabase.ConnectAsync(settings, directory, stoppingToken);
            var runner = new CleanupRunner(database, settings, directory, log);
            var scheduler = new CleanupScheduler(new CleanupSchedule(settings.Retention.CleanupSchedule, settings.Retention.CleanupTimeZone),
                (request, ct) => runner.RunAsync(request, null, ct), database.MaintenanceConnectionString);
            await scheduler.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            log.Error(e, "The cleanup scheduler stopped");
        }
    }
}
