using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using TradingLog.Alerting.Configuration;
using TradingLog.Cli.Infrastructure;
using TradingLog.Configuration;
using TradingLog.Dashboard;

namespace TradingLog.Cli.Commands.Dashboard;

/// <summary>Starts the dashboard for <c>tradelog dashboard</c> and <c>tradelog demo --dashboard</c>, and says where it is.</summary>
internal static class DashboardServing
{
    public static async Task<(WebApplication App, string Url)> StartAsync(string urls, string? token, TradingLogSettings settings, bool open,
        AlertingSettings alerting, bool evaluateAlerts, CancellationToken cancellationToken)
    {
        var app = TradingLogDashboardServer.Create(urls, o =>
        {
            o.Settings = settings;
            o.WorkingDirectory = Directory.GetCurrentDirectory();
            o.AccessToken = token;
            o.Alerting = alerting;
            o.EvaluateAlerts = evaluateAlerts;
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
        try
        {
            await StopSignal.WaitAsync(cancellationToken);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }
}
