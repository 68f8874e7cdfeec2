using TradingSystem;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Commands.Dashboard;
using TradingLog.Cli.Demo;
using TradingLog.Cli.Infrastructure;
using TradingLog.Configuration;
using TradingLog.PostgreSql;

namespace TradingLog.Cli.Commands.Demo;

/// <summary>
/// <c>tradelog demo</c>: the main job. Starts the design's six services as separate processes on loopback HTTP, drives
/// market data through them for <c>--duration</c>, stops them gracefully (Ctrl-C too), then prints events per service
/// and level, rows per table (checked against what the services emitted), throughput, the design's three queries and
/// where the log files are.
/// </summary>
internal sealed class DemoCommand(IAnsiConsole console) : AsyncCommand<DemoCommandSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, DemoCommandSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var loaded = settings.Load();
            var directory = Directory.GetCurrentDirectory();
            var database = await StatusLine.Status().StartAsync("Preparing the log store…", async _ =>
            {
                var db = await LogDatabase.ConnectAsync(loaded.Settings, directory, Notices.Write, cancellationToken);
                await MaintenanceLog.AuditPreparedAsync(loaded.Settings, directory, db, db.Embedded, await db.MigrateAsync(cancellationToken), "demo");
                return db;
            });

            var sample = await TradingSystemSample.LocateAsync(settings.Sample, Notices.Write, cancellationToken);
            var ports = ServiceNames.All.Select((s, i) => (s, i)).ToDictionary(p => p.s,
                p => settings.BasePort is { } first ? first + p.i : TradingLog.PostgreSql.Server.EmbeddedPostgres.FreePort());
            var secret = DemoAlerting.NewSecret();
            var alerting = DemoAlerting.Rules(TradingSystemSample.FolderOf(settings.Sample)!, ports[ServiceNames.Notification], secret);
            Microsoft.AspNetCore.Builder.WebApplication? dashboard = null;
            if (settings.Dashboard)
            {
                // The demo evaluates its rules itself; the dashboard shows them.
                (dashboard, var url) = await DashboardServing.StartAsync(settings.Urls, null, loaded.Settings, settings.Open, alerting,
                    evaluateAlerts: false, cancellationToken);
                console.MarkupLine($"TradingLog dashboard: [link]{Markup.Escape(url)}[/]  (it serves after the demo too, until Ctrl-C)");
            }

            var environment = ServiceEnvironment(settings, loaded, database);
            environment[AlertDelivery.SecretVariable] = secret;
            var runId = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            var work = Path.Combine(directory, ".tradelog", "demo", runId);
            Directory.CreateDirectory(work);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            var processes = ServiceNames.All.ToDictionary(s => s, s => Start(sample, s, environment, runId, ports, Path.Combine(work, s + ".json")));
            var clock = Stopwatch.StartNew();
            DemoAlerting? alerts = null;
            IReadOnlyList<Incident> incidents = [];
            var start = DateTimeOffset.UtcNow;
            try
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
                try
                {
                    await StatusLine.Status().StartAsync("Starting six services…", _ => WaitHealthyAsync(http, ports, processes, stop.Token));
                }
                catch (Exception e) when (e is InvalidOperationException or TimeoutException or OperationCanceledException)
                {
                    // One service did not come up: the others must not be left running.
                    await StopAsync(ports, processes);
                    if (e is OperationCanceledException)
                    {
                        throw;
                    }

                    await Console.Error.WriteLineAsync($"tradelog: {e.Message}; the other services were stopped.");
                    return ExitCodes.Failure;
                }

                console.MarkupLine($"Run [bold]{runId}[/]: six services up on ports {string.Join(", ", ports.Select(p => $"{p.Key}={p.Value}"))}");
                console.MarkupLine("Each service serves Prometheus metrics at http://127.0.0.1:PORT/metrics and health at /health/live and " +
                    $"/health/ready (execution: http://127.0.0.1:{ports.GetValueOrDefault("execution")}/metrics)");
                var ticks = Math.Max(1, settings.Rate / 4);
                start = DateTimeOffset.UtcNow;
                incidents = settings.NoIncidents ? [] : Incident.Plan(start, settings.Duration);
                await DemoAlerting.AnnounceAsync(http, ports, incidents, stop.Token);
                alerts = DemoAlerting.Start(alerting, database, loaded.Settings, directory);
                clock.Restart();
                await http.PostAsync(new Uri($"http://127.0.0.1:{ports[ServiceNames.DataIngestion]}/start?ticksPerSecond={ticks}"), null, stop.Token);
                await StatusLine.Progress().StartAsync(async progress =>
                {
                    var task = progress.AddTask("Trading", maxValue: settings.Duration.TotalSeconds);
                    while (!stop.IsCancellationRequested && clock.Elapsed < settings.Duration)
                    {
                        await Task.Delay(250, CancellationToken.None);
                        task.Value = Math.Min(settings.Duration.TotalSeconds, clock.Elapsed.TotalSeconds);
                    }
                });
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }

            var elapsed = clock.Elapsed;
            DemoAlertSummary? alertSummary = null;
            if (alerts is not null)
            {
                // Notifications still queued reach the notification service before it stops.
                await StatusLine.Status().StartAsync("Delivering the last alert notifications…", _ => alerts.DrainAsync(TimeSpan.FromSeconds(5)));
                await alerts.DisposeAsync();
            }

            await StatusLine.Status().StartAsync("Stopping the services and flushing their logs…", _ => StopAsync(ports, processes));
            if (alerts is not null)
            {
                await using var store = TradingLog.Alerting.Store.AlertStore.Open(database, "tradelog-demo");
                await using var queries = TradingLog.PostgreSql.Queries.LogQueries.Open(database, "tradelog-demo");
                alertSummary = await DemoAlertSummary.BuildAsync(store, queries, runId, start, incidents, alerting, cancellationToken);
            }
            var summaries = ServiceNames.All
                .Select(s => Path.Combine(work, s + ".json"))
                .Where(File.Exists)
                .Select(f => JsonSerializer.Deserialize<ServiceSummary>(File.ReadAllText(f))!)
                .ToList();
            if (summaries.Count != ServiceNames.All.Length)
            {
                console.MarkupLine("[red]Not every service reported; see the logs.[/]");
                return ExitCodes.Failure;
            }

            var report = await DemoReport.BuildAsync(database, runId, summaries, elapsed, alertSummary, cancellationToken);
            report.Print(console, loaded.Settings);
            if (settings.SummaryJson is not null)
            {
                await File.WriteAllTextAsync(settings.SummaryJson, report.ToJson(), CancellationToken.None);
            }

            if (dashboard is not null)
            {
                console.MarkupLine("The dashboard keeps serving; Ctrl-C stops it.");
                await DashboardServing.ServeUntilStoppedAsync(dashboard, cancellationToken);
            }

            return report.Healthy ? ExitCodes.Success : ExitCodes.Failure;
        });

    /// <summary>
    /// The configuration of the six services, as a deployment would give it to a service: environment variables. The
    /// connection string is the store the orchestrator prepared; the command's --config, --environment and --set follow.
    /// </summary>
    private static Dictionary<string, string> ServiceEnvironment(DemoCommandSettings settings, LoadedConfiguration loaded, LogDatabase database)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Empty: no environment file, as for this command; not the host's default "Production".
            [TradingLogConfigurationOptions.EnvironmentVariable] = loaded.EnvironmentName ?? "",
            [SettingDefinition.VariableOf("logging.database.connection_string")] = database.AdminConnectionString,
            [SettingDefinition.VariableOf("logging.console.enabled")] = "false",
            [SettingDefinition.VariableOf("logging.root_level")] = "WARNING",
            // A heartbeat every 5 s, so that the dashboard's health page has every process's sink health within seconds.
            [SettingDefinition.VariableOf("logging.heartbeat_interval")] = "5 s",
            // A scope slower than 100 ms is a WARNING: risk_management logs at WARNING (the design's file), so its slow
            // risk checks reach the store and the latency rule sees them.
            [SettingDefinition.VariableOf("logging.performance.slow_operation_ms")] = "100",
        };
        if (loaded.Files.Count > 0)
        {
            environment[TradingLogConfigurationOptions.ConfigPathVariable] = Path.GetFullPath(loaded.Files[0]);
        }

        foreach (var pair in settings.Set)
        {
            var index = pair.IndexOf('=', StringComparison.Ordinal);
            var key = pair[..index].Trim().ToLowerInvariant();
            environment[SettingDefinition.VariableOf(key.StartsWith("logging.", StringComparison.Ordinal) ? key : "logging." + key)] = pair[(index + 1)..];
        }

        return environment;
    }

    private static Process Start(string sample, string service, Dictionary<string, string> environment, string runId, Dictionary<string, int> ports,
        string summaryFile)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { sample, service, "--run", runId, "--summary-file", summaryFile, "--ports",
            string.Join(',', ports.Select(p => $"{p.Key}={p.Value}")) })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        // A service's own warnings (a log file it cannot write, a crash) reach the person running the demo.
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine($"[{service}] {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(HttpClient http, Dictionary<string, int> ports, Dictionary<string, Process> processes,
        CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var (service, port) in ports)
        {
            while (true)
            {
                if (processes[service].HasExited)
                {
                    throw new InvalidOperationException($"the {service} service exited at start-up (code {processes[service].ExitCode})");
                }

                try
                {
                    // A short bound per probe: something else may hold the port and never answer.
                    using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    probe.CancelAfter(TimeSpan.FromSeconds(1));
                    using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"), probe.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"the {service} service did not start within 60 s");
                }

                await Task.Delay(100, cancellationToken);
            }
        }
    }

    /// <summary>Stops market data first, lets in-flight trades finish, then stops the rest; each flushes its logs as it stops.</summary>
    private static async Task StopAsync(Dictionary<string, int> ports, Dictionary<string, Process> processes)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var service in ServiceNames.All)
        {
            try
            {
                await http.PostAsync(new Uri($"http://127.0.0.1:{ports[service]}/shutdown"), null);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            if (service == ServiceNames.DataIngestion)
            {
                await processes[service].WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
                await Task.Delay(1000);
            }
        }

        foreach (var process in processes.Values)
        {
            try
            {
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

}
