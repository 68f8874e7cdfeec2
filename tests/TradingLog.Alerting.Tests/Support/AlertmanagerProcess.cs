using System.Text.Json;

namespace TradingLog.Alerting.Tests.Support;

/// <summary>
/// A real Prometheus Alertmanager (Debian's <c>prometheus-alertmanager</c>) on a loopback port, with gossip off and its
/// own storage folder, stopped when disposed.
/// </summary>
internal sealed class AlertmanagerProcess : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus-alertmanager";

    private readonly LoopbackProgram _program;
    private readonly HttpClient _http = new();

    private AlertmanagerProcess(LoopbackProgram program, string url)
    {
        _program = program;
        Url = url;
    }

    public string Url { get; }

    public static async Task<AlertmanagerProcess> StartAsync()
    {
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
        var url = $"http://127.0.0.1:{port}";
        var program = await LoopbackProgram.StartAsync(Binary, "prometheus-alertmanager",
            ["--config.file=" + config, "--storage.path=" + folder["data"], $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=",
             "--log.level=warn"], url + "/-/ready", folder, 30);
        return new AlertmanagerProcess(program, url);
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
        await _program.DisposeAsync();
        _http.Dispose();
    }
}
