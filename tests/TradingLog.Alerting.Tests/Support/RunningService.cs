using TradingLog.Alerting.Engine;

namespace TradingLog.Alerting.Tests.Support;

/// <summary>An <see cref="AlertingService"/> running in the background until disposed (as a process that stops would).</summary>
internal sealed class RunningService : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    public RunningService(AlertingService service)
    {
        Service = service;
        _run = Task.Run(() => service.RunAsync(_stop.Token));
    }

    public AlertingService Service { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        await Service.DisposeAsync();
        _stop.Dispose();
    }
}
