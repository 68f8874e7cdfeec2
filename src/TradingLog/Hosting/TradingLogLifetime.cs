using Microsoft.Extensions.Hosting;

namespace TradingLog.Hosting;

/// <summary>Resolves the <see cref="TradingLogHost"/> at start so that the container owns it and disposes it last.</summary>
internal sealed class TradingLogLifetime(TradingLogHost host) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        host.Logger.ForContext<TradingLogLifetime>().Info("Service {Service} started logging", host.Service);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
