using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Builder;
using TradingLog.Cli.Infrastructure;
using TradingLog.Configuration;
using TradingLog.Dashboard;

namespace TradingLog.Cli.Commands.Dashboard;

/// <summary>Starts the dashboard for <c>tradelog dashboard</c> and <c>tradelog demo --dashboard</c>, and says where it is.</summary>
internal static class DashboardServing
{
    public static async Task<(WebApplication App, string Url)> StartAsync(string urls, string? token, TradingLogSettings settings, bool open,
        CancellationToken cancellationToken)
    {
        var app = TradingLogDashboardServer.Create(urls, o =>
        {
            o.Settings = settings;
            o.WorkingDirectory = Directory.GetCurrentDirectory();
            o.AccessToken = token;
        });
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new BadOptionException($"--urls: cannot listen on {urls}: {e.Message}");
        }

        var url = TradingLogDashboardServer.RootUrl(app);
        // Listening on every address: name this host, which a browser can open, rather than 0.0.0.0 or [::].
        url = url.Replace("://0.0.0.0:", "://" + System.Net.Dns.GetHostName() + ":", StringComparison.Ordinal)
            .Replace("://[::]:", "://" + System.Net.Dns.GetHostName() + ":", StringComparison.Ordinal);
        if (open)
        {
            try
            {
                Process.Start(new ProcessStartInfo(OperatingSystem.IsMacOS() ? "open" : "xdg-open", url) { UseShellExecute = false })?.Dispose();
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                Notices.Write($"--open: no browser could be started ({e.Message}); open {url} yourself");
            }
        }

        return (app, url);
    }

    /// <summary>
    /// Waits for Ctrl-C, SIGTERM (systemd, Docker, <c>timeout</c>) or the end of <paramref name="cancellationToken"/>, then
    /// stops the dashboard.
    /// </summary>
    public static async Task ServeUntilStoppedAsync(WebApplication app, CancellationToken cancellationToken)
    {
        var stop = new TaskCompletionSource();
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
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }
}
