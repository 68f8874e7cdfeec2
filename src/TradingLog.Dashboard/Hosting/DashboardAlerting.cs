using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TradingLog.Alerting.Engine;

namespace TradingLog.Dashboard.Hosting;

/// <summary>
/// The alerting engine inside the dashboard (<see cref="DashboardOptions.EvaluateAlerts"/>): waits for the store, then
/// evaluates and delivers as <c>tradelog monitor</c> does, standing by while another process holds the evaluator lock.
/// Problems go to standard error and to the Alerts page.
/// </summary>
internal sealed class DashboardAlerting(DashboardStore store, IOptions<DashboardOptions> options, TimeProvider time) : BackgroundService
{
    /// <summary>The running engine, once the store was reached; null before, or when this dashboard does not evaluate.</summary>
    public AlertingService? Service { get; private set; }

    /// <summary>Why alerting does not run here (a bad alerts: section), or null.</summary>
    public string? Problem { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.EvaluateAlerts)
        {
            return;
        }

        try
        {
            if (store.Alerting.Rules.Count == 0 || !store.Alerting.Enabled)
            {
                return;
            }
        }
        catch (TradingLog.Configuration.TradingLogConfigurationException e)
        {
            Problem = e.Message;
            await Console.Error.WriteLineAsync("tradelog dashboard: alerting does not run: " + e.Message);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var database = await store.DatabaseAsync(stoppingToken);
                await using var service = new AlertingService(store.Alerting, database, time,
                    report: problem => Console.Error.WriteLine("tradelog dashboard: " + problem));
                Service = service;
                await service.RunAsync(stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store is not reachable yet: the pages say so; alerting starts when it is.
                Problem = e.Message;
                await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
