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

    private readonly LoopbackProgram _program;
    private readonly HttpClient _http = new();

    private PrometheusServer(LoopbackProgram program, string url)
    {
        _program = program;
        Url = url;
    }

    public string Url { get; }

    public static async Task<PrometheusServer> StartAsync(string target, string job)
    {
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
        var url = $"http://127.0.0.1:{port}";
        var program = await LoopbackProgram.StartAsync(Binary, "prometheus",
            ["--config.file=" + config, "--storage.tsdb.path=" + folder["data"], $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn"],
            url + "/-/ready", folder);
        return new PrometheusServer(program, url);
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
        await _program.DisposeAsync();
        _http.Dispose();
    }
}
