using Microsoft.AspNetCore.Builder;
using TradingLog.Configuration;
using TradingLog.PostgreSql;

namespace TradingLog.Dashboard.Tests.Support;

/// <summary>
/// A log store filled by the real demo (six services, trades, failures, heartbeats) in a folder of its own, and the
/// dashboard serving it on a free loopback port. Shared by the tests of <see cref="DemoStoreCollection"/>; the embedded
/// server is stopped at the end.
/// </summary>
public sealed class DemoStore : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private WebApplication? _app;

    public string Folder => _folder.Path;

    /// <summary>The dashboard's root URL, with a trailing slash.</summary>
    public string Url { get; private set; } = "";

    public TradingLogSettings Settings { get; private set; } = new();

    /// <summary>The demo's alert rules (samples/TradingSystem/alerts.yaml).</summary>
    internal TradingLog.Alerting.Configuration.AlertingSettings Alerting { get; private set; } = new();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        // A heartbeat a second, so that the health page has every process's sink health.
        var demo = Tradelog.RunWithin(TimeSpan.FromMinutes(3), Folder, null, "demo", "--duration", "10s", "--rate", "300", "--set", "heartbeat_interval=1s");
        Assert.True(demo.ExitCode == 0, demo.Output + demo.Error);
        Settings = TradingLogConfiguration.Load(new TradingLogConfigurationOptions
        {
            WorkingDirectory = Folder,
            EnvironmentVariables = new Dictionary<string, string>(),
        }).Settings;
        // The demo's own rules, which this dashboard evaluates from now on (the feed is silent once the demo ended).
        Alerting = TradingLog.Alerting.Configuration.AlertConfigurationReader.ReadFiles(
            [(Path.Combine(Repository.Root, "samples", "TradingSystem", "alerts.yaml"), "samples/TradingSystem/alerts.yaml")]);
        _app = TradingLogDashboardServer.Create("http://127.0.0.1:0", o =>
        {
            o.Settings = Settings;
            o.WorkingDirectory = Folder;
            o.Alerting = Alerting;
        });
        await _app.StartAsync();
        Url = TradingLogDashboardServer.RootUrl(_app);
    }

    /// <summary>Logs through a real pipeline with the PostgreSQL sink into this store; the host stays open until disposed.</summary>
    public TradingLogHost OpenService(string service)
    {
        var settings = TradingLogConfiguration.Load(new TradingLogConfigurationOptions
        {
            WorkingDirectory = Folder,
            EnvironmentVariables = new Dictionary<string, string>(),
        }).Settings;
        settings.Console.Enabled = false;
        settings.HeartbeatInterval = TimeSpan.Zero;
        return TradingLogging.Configure(service, o =>
        {
            o.Settings = settings;
            o.WorkingDirectory = Folder;
            o.AuditEvents = false;
            o.FlushOnTermination = false;
            o.UseEmbeddedPostgreSql();
        });
    }

    public async Task<System.Text.Json.JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(Url + path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return System.Text.Json.JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Http.Dispose();
        Tradelog.Run(Folder, null, "db", "stop");
        _folder.Dispose();
    }
}
