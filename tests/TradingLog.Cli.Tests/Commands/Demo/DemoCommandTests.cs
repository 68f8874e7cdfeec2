using System.Text.Json;
using TradingLog.Cli.Tests.Support;

namespace TradingLog.Cli.Tests.Commands.Demo;

public sealed class DemoCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        Tradelog.Run(_folder.Path, null, "db", "stop");
        _folder.Dispose();
    }

    [Fact]
    public void SixServicesLogEveryEventToTheirFilesAndEveryRowToTheDatabase()
    {
        var summaryFile = Path.Combine(_folder.Path, "summary.json");
        var demo = Tradelog.Run(_folder.Path, null, "demo", "--duration", "5s", "--rate", "120", "--summary-json", summaryFile);
        Assert.True(demo.ExitCode == 0, demo.Output + demo.Error);

        var summary = JsonDocument.Parse(File.ReadAllText(summaryFile)).RootElement;
        var emitted = summary.GetProperty("per_table");
        var stored = summary.GetProperty("stored_per_table");
        foreach (var table in new[] { "system_logs", "trading_logs", "performance_logs" })
        {
            Assert.True(emitted.GetProperty(table).GetInt64() > 0, table);
            Assert.Equal(emitted.GetProperty(table).GetInt64(), stored.GetProperty(table).GetInt64());
        }

        Assert.Equal(6, summary.GetProperty("per_service").EnumerateObject().Count());
        Assert.True(summary.GetProperty("per_service").GetProperty("strategy_engine").GetProperty("DEBUG").GetInt64() > 0);

        // risk_management logs at WARNING: its DEBUG and INFO calls are filtered. Its only INFO lines are the audit trail's
        // start and stop and its heartbeats, whose level is pinned so that every service records them.
        var riskLevels = summary.GetProperty("per_service").GetProperty("risk_management");
        Assert.False(riskLevels.TryGetProperty("DEBUG", out _));
        var risk = File.ReadAllLines(Path.Combine(_folder.Path, "logs", "risk_management.log"));
        var heartbeats = risk.Count(l => l.Contains("| INFO     | TradingLog.Health:", StringComparison.Ordinal));
        Assert.Equal(2 + heartbeats, riskLevels.GetProperty("INFO").GetInt64());
        Assert.DoesNotContain(risk, l => l.Contains("| DEBUG ", StringComparison.Ordinal));
        Assert.Equal(2, risk.Count(l => l.Contains("| INFO     | TradingLog.Audit:", StringComparison.Ordinal)));
        Assert.DoesNotContain(risk, l => l.Contains("| INFO ", StringComparison.Ordinal) && !l.Contains("TradingLog.Audit", StringComparison.Ordinal)
            && !l.Contains("TradingLog.Health", StringComparison.Ordinal));
        Assert.Contains(File.ReadAllLines(Path.Combine(_folder.Path, "logs", "strategy_engine.log")), l => l.Contains("| DEBUG    |", StringComparison.Ordinal));
        Assert.All(new[] { "data_ingestion", "strategy_engine", "execution", "trading", "trades", "performance" },
            f => Assert.True(File.Exists(Path.Combine(_folder.Path, "logs", f + ".log")), f));

        // Every line names its caller (type or category, member, line): calls through ILogger get theirs from TradingLog's
        // interceptors, typed events from caller-info parameters. Target: at least 99% of the lines of every service.
        var callers = File.ReadAllLines(Path.Combine(_folder.Path, "logs", "trading.log"))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \| \S+ *\| ([^ :|]+):([^ :|]+):([^ :|]+) \|"))
            .Where(m => m.Success)
            .ToList();
        Assert.True(callers.Count > 100, $"{callers.Count} lines");
        var named = callers.Count(m => m.Groups[2].Value != "-" && m.Groups[3].Value != "-" && m.Groups[1].Value != "-");
        Assert.True(named >= callers.Count * 0.99, $"{named} of {callers.Count} lines name their caller");
        Assert.Contains(callers, m => m.Groups[1].Value == "TradingSystem.TradingService" && m.Groups[2].Value == "PlaceOrderAsync");

        var trade = summary.GetProperty("sample_trade").GetString()!;
        var trace = Tradelog.Run(_folder.Path, null, "trace", trade, "--json");
        Assert.Equal(0, trace.ExitCode);
        var services = JsonDocument.Parse(trace.Output.Trim().Split('\n').Last()).RootElement.GetProperty("logs").EnumerateArray()
            .Select(l => l.GetProperty("service").GetString()).Distinct().ToList();
        Assert.True(services.Count >= 3, string.Join(", ", services));
    }

    [Fact]
    public void TheDefaultRunsIncidentsFireAlertsThatResolveAndTheNotificationServiceReceivesThem()
    {
        var summaryFile = Path.Combine(_folder.Path, "summary.json");
        var demo = Tradelog.RunWithin(TimeSpan.FromMinutes(2), _folder.Path, null, "demo", "--summary-json", summaryFile);
        Assert.True(demo.ExitCode == 0, demo.Output + demo.Error);

        var summary = JsonDocument.Parse(File.ReadAllText(summaryFile)).RootElement;
        Assert.Equal(["broker_outage", "feed_silent", "risk_latency", "risk_burst", "latency_drift", "deployment"],
            summary.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        var alerts = summary.GetProperty("alerts").EnumerateArray().ToList();
        foreach (var rule in new[] { "broker_outage", "feed_gap" })
        {
            var fired = alerts.Where(a => a.GetProperty("rule").GetString() == rule).ToList();
            Assert.True(fired.Count > 0, $"{rule} did not fire: {demo.Output}");
            Assert.All(fired, a => Assert.NotEqual(JsonValueKind.Null, a.GetProperty("resolved_at").ValueKind));
        }

        var deliveries = summary.GetProperty("deliveries").EnumerateArray()
            .ToDictionary(d => (d.GetProperty("rule").GetString(), d.GetProperty("status").GetString()), d => d.GetProperty("count").GetInt64());
        Assert.True(deliveries.GetValueOrDefault(("broker_outage", "firing")) >= 1, demo.Output);
        Assert.True(deliveries.GetValueOrDefault(("broker_outage", "resolved")) >= 1, demo.Output);
        Assert.Contains("Incidents and alerts", demo.Output, StringComparison.Ordinal);

        // The labelled run scores each kind of detection against the incidents meant for it. The deployment's new error
        // message is certain to be logged, and its pattern is new to execution: new_pattern finds it.
        var detection = summary.GetProperty("detection").EnumerateArray().ToDictionary(d => d.GetProperty("type").GetString()!);
        Assert.Equal(["new_pattern", "anomaly", "forecast"], detection.Keys);
        Assert.Equal([1, 2, 1], detection.Values.Select(d => d.GetProperty("incidents").GetInt32()));
        Assert.Equal(1, detection["new_pattern"].GetProperty("detected").GetInt32());
        Assert.Contains("Pattern detection and forecasts against the labelled incidents", demo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ALogFileThatCannotBeWrittenIsNamedInTheSummaryAndOnStandardErrorAndFailsTheRun()
    {
        File.WriteAllText(Path.Combine(_folder.Path, "blocked"), "a file where the folder should be");
        var summaryFile = Path.Combine(_folder.Path, "summary.json");
        var demo = Tradelog.Run(_folder.Path, null, "demo", "--duration", "3s", "--rate", "60", "--summary-json", summaryFile,
            "--set", "files.errors=blocked/errors.log");
        var path = Path.Combine(_folder.Path, "blocked", "errors.log");

        Assert.Equal(1, demo.ExitCode);
        Assert.Contains($"cannot write {path}", demo.Error, StringComparison.Ordinal);
        Assert.Contains($"{path}: NOT WRITTEN", demo.Output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var unwritable = JsonDocument.Parse(File.ReadAllText(summaryFile)).RootElement.GetProperty("unwritable_files");
        Assert.Equal(path, Assert.Single(unwritable.EnumerateObject()).Name);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "logs", "trading.log")), "the other files are written");
    }

    [Theory]
    [InlineData("--duration", "soon", "--duration takes a duration")]
    [InlineData("--rate", "0", "--rate must be between")]
    public void BadArgumentsAreClearErrors(string option, string value, string message)
    {
        var result = Tradelog.Run(_folder.Path, null, "demo", option, value);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Output + result.Error);
    }

    [Fact]
    public void WhenOneServiceCannotStartTheOthersAreStoppedAndTheRunFails()
    {
        // execution listens on the third port; something else holds it, so execution exits at start-up.
        var basePort = FreePortRange(6);
        using var squatter = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, basePort + 2);
        squatter.Start();

        var demo = Tradelog.Run(_folder.Path, null, "demo", "--duration", "3s", "--base-port", basePort.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, demo.ExitCode);
        Assert.Contains("the execution service exited at start-up", demo.Error, StringComparison.Ordinal);
        Assert.Contains("the other services were stopped", demo.Error, StringComparison.Ordinal);
        for (var i = 0; i < 6; i++)
        {
            if (i == 2)
            {
                continue;
            }

            // Nothing listens any more on the ports of the services that did start.
            using var probe = new System.Net.Sockets.TcpClient();
            Assert.ThrowsAny<System.Net.Sockets.SocketException>(() => probe.Connect(System.Net.IPAddress.Loopback, basePort + i));
        }
    }

    private static int FreePortRange(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = Random.Shared.Next(20_000, 60_000);
            var listeners = new List<System.Net.Sockets.TcpListener>();
            try
            {
                for (var i = 0; i < count; i++)
                {
                    var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, first + i);
                    listener.Start();
                    listeners.Add(listener);
                }

                return first;
            }
            catch (System.Net.Sockets.SocketException)
            {
            }
            finally
            {
                listeners.ForEach(l => l.Stop());
            }
        }

        throw new InvalidOperationException("no free range of ports");
    }
}
