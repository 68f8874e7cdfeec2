using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace TradingLog.OpenTelemetry.Tests.Support;

/// <summary>
/// A real Prometheus server (Debian's <c>prometheus</c>) on a loopback port that scrapes one target every second, with
/// its own storage folder; stopped when disposed. Queried through its HTTP API as Grafana would.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus";

    private readonly Process _process;
    private readonly TempFolder _folder;
    private readonly HttpClient _http = new();
    private readonly ConcurrentQueue<string> _output = new();

    private PrometheusServer(Process process, string url, TempFolder folder)
    {
        _process = process;
        Url = url;
        _folder = folder;
    }

    public string Url { get; }

    public static async Task<PrometheusServer> StartAsync(string target, string job)
    {
        Assert.True(File.Exists(Binary), $"{Binary} is missing: apt-get install prometheus (scripts/prerequisites.sh does it as root)");
        var port = OtlpReceiver.FreePort();
        var folder = new TempFolder();
        var config = folder.Write("prometheus.yml", $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: {job}
                static_configs:
                  - targets: ['{target}']
            """);
        var start = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[]
                 {
                     "--config.file=" + config, "--storage.tsdb.path=" + folder["data"], $"--web.listen-address=127.0.0.1:{port}",
                     "--log.level=warn",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var server = new PrometheusServer(process, $"http://127.0.0.1:{port}", folder);
        process.ErrorDataReceived += (_, e) => server._output.Enqueue(e.Data ?? "");
        process.OutputDataReceived += (_, e) => server._output.Enqueue(e.Data ?? "");
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var ready = await server._http.GetAsync(server.Url + "/-/ready");
                return ready.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                Assert.False(process.HasExited, "prometheus exited at start: " + string.Join("\n", server._output));
                return false;
            }
        }, 60, "prometheus did not become ready");
        return server;
    }

    /// <summary>The value of every series an instant PromQL query returns, by the value of <paramref name="label"/>.</summary>
    public async Task<Dictionary<string, double>> QueryAsync(string promql, string label)
    {
        var json = await _http.GetStringAsync(Url + "/api/v1/query?query=" + Uri.EscapeDataString(promql));
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("data").GetProperty("result").EnumerateArray().ToDictionary(
            r => r.GetProperty("metric").TryGetProperty(label, out var l) ? l.GetString()! : "",
            r => double.Parse(r.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture));
    }

    /// <summary>Whether Prometheus's last scrape of its target succeeded (<c>up == 1</c>).</summary>
    public async Task<bool> TargetUpAsync(string job) => (await QueryAsync($"up{{job=\"{job}\"}}", "job")).GetValueOrDefault(job) == 1;

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
