using System.Runtime.InteropServices;

namespace TradingLog.Cli.Infrastructure;

/// <summary>Waits for the stop a long-running command is given: Ctrl-C, SIGTERM (docker stop, systemd) or cancellation.</summary>
internal static class StopSignal
{
    public static async Task WaitAsync(CancellationToken cancellationToken)
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.TrySetResult();
        };
        Console.CancelKeyPress += onCancel;
        using var terminate = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.TrySetResult();
        });
        try
        {
            await using var registration = cancellationToken.Register(() => stop.TrySetResult());
            await stop.Task;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
