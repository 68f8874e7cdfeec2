using System.Diagnostics;
using System.Text.Json;

namespace TradingLog.Alerting.Tests.Support;

/// <summary>
/// A real Prometheus Alertmanager (Debian's <c>prometheus-alertmanager</c>) on a loopback port, with gossip off and its
/// own storage folder, stopped when disposed.
/// </summary>
internal sealed class AlertmanagerProcess : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus-alertmanager";

    private readonly Process _process;
    private readonly TempFolder _folder;
    private readonly HttpClient _http = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private AlertmanagerProcess(Process process, string url, TempFolder folder)
    {
        _process = process;
        Url = url;
        _folder = folder;
    }

    public string Url { get; }

    public static async Task<AlertmanagerProcess> StartAsync()
    {
        Assert.True(File.Exists(Binary), $"{Binary} is missing: apt-get install prometheus-alertmanager (scripts/prerequisites.sh does it as root)");
        var port = WebhookReceiver.FreePort();
        var folder = new TempFolder();
        var config = folder.Write("alertmanager.yml", """
            route:
              receiver: none
              group_wait: 1s
              group_interval: 1s
            receivers:
              - name: none
            """);
        var start = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[]
                 {
                     "--config.file=" + config, "--storage.path=" + folder["data"], $"--web.listen-address=127.0.0.1:{port}",
                     "--cluster.listen-address=", "--log.level=warn",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var manager = new AlertmanagerProcess(process, $"http://127.0.0.1:{port}", folder);
        process.ErrorDataReceived += (_, e) => manager._output.Enqueue(e.Data ?? "");
        process.OutputDataReceived += (_, e) => manager._output.Enqueue(e.Data ?? "");
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var ready = await manager._http.GetAsync(manager.Url + "/-/ready");
                return ready.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                Assert.False(process.HasExited, "alertmanager exited at start: " + string.Join("\n", manager._output));
                return false;
            }
        }, 30, "alertmanager did not become ready");
        return manager;
    }

    /// <summary>The alerts Alertmanager holds as active (not resolved), as (alertname, service, state).</summary>
    public async Task<List<(string AlertName, string? Service, string State)>> ActiveAlertsAsync()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(Url + "/api/v2/alerts"));
        return document.RootElement.EnumerateArray()
            .Select(a => (a.GetProperty("labels").GetProperty("alertname").GetString()!,
                a.GetProperty("labels").TryGetProperty("service", out var s) ? s.GetString() : null,
                a.GetProperty("status").GetProperty("state").GetString()!))
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        _http.Dispose();
        _folder.Dispose();
    }
}
