using System.Security.Cryptography;
using TradingLog.Alerting.Configuration;
using TradingLog.Alerting.Engine;
using TradingLog.Configuration;
using TradingLog.PostgreSql;
using TradingSystem;

namespace TradingLog.Cli.Demo;

/// <summary>
/// The demo's alerting: the sample's rules (<c>samples/TradingSystem/alerts.yaml</c>) with the notification service's
/// <c>POST /alerts</c> as a signed webhook receiver, evaluated in this process while the services run, its transitions
/// logged by the tool's own <c>alerting</c> pipeline.
/// </summary>
internal sealed class DemoAlerting : IAsyncDisposable
{
    public const string Receiver = "notification_service";

    private readonly TradingLogHost _logging;
    private readonly AlertingService _service;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    private DemoAlerting(AlertingSettings settings, LogDatabase database, TradingLogHost logging)
    {
        _logging = logging;
        _service = new AlertingService(settings, database, TimeProvider.System, logging.Logger, Infrastructure.Notices.Write);
        _run = RunAsync();
    }

    /// <summary>
    /// How long after trading starts the rules are first evaluated: the services' first rows take a moment to be
    /// written, and a rule judged before that (a market-data feed not yet seen) would fire on the start-up itself.
    /// </summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    private async Task RunAsync()
    {
        try
        {
            await Task.Delay(WarmUp, _stop.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await _service.RunAsync(_stop.Token);
    }

    /// <summary>The sample's rules, notifying its notification service on <paramref name="notificationPort"/>, signed with <paramref name="secret"/>.</summary>
    /// <exception cref="TradingLogConfigurationException">The rules file is invalid; the message names the file, key and line.</exception>
    public static AlertingSettings Rules(string sampleFolder, int notificationPort, string secret)
    {
        var file = Path.Combine(sampleFolder, "alerts.yaml");
        var settings = File.Exists(file)
            ? AlertConfigurationReader.ReadFiles([(file, Path.GetRelativePath(Directory.GetCurrentDirectory(), file))])
            : new AlertingSettings();
        settings.Receivers[Receiver] = new AlertReceiver
        {
            Name = Receiver, Url = new Uri($"http://127.0.0.1:{notificationPort}/alerts"), Secret = secret, RetryInterval = TimeSpan.FromMilliseconds(250),
        };
        return settings;
    }

    /// <summary>A secret for this run's webhook signatures.</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static DemoAlerting Start(AlertingSettings settings, LogDatabase database, TradingLogSettings tool, string directory)
    {
        tool.Console.Enabled = false;
        var logging = TradingLogging.Configure(Commands.Alerts.MonitorCommand.Service, o =>
        {
            o.Settings = tool;
            o.WorkingDirectory = directory;
            o.AuditEvents = false;
            o.FailureOutput = Console.Error;
            o.Extensions.Add(new PostgreSqlExtension { Connect = (_, _) => Task.FromResult(database) });
        });
        return new DemoAlerting(settings, database, logging);
    }

    /// <summary>Waits, up to <paramref name="bound"/>, until every queued notification has been delivered or given up.</summary>
    public async Task DrainAsync(TimeSpan bound)
    {
        var deadline = DateTimeOffset.UtcNow + bound;
        while (DateTimeOffset.UtcNow < deadline && await _service.Store.NextDueAsync(CancellationToken.None) is not null)
        {
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        await _service.DisposeAsync();
        await _logging.DisposeAsync();
        _stop.Dispose();
    }

    /// <summary>Each incident of the plan, told to every service.</summary>
    public static async Task AnnounceAsync(HttpClient http, IReadOnlyDictionary<string, int> ports, IReadOnlyList<Incident> plan,
        CancellationToken cancellationToken)
    {
        foreach (var port in ports.Values)
        {
            using var content = System.Net.Http.Json.JsonContent.Create(plan);
            using var response = await http.PostAsync(new Uri($"http://127.0.0.1:{port}/incidents"), content, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }
}
