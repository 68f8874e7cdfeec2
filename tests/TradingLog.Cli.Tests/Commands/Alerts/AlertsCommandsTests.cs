using System.Text.Json;
using TradingLog.Cli.Tests.Support;

namespace TradingLog.Cli.Tests.Commands.Alerts;

/// <summary><c>tradelog monitor</c> and <c>tradelog alerts …</c> over a folder's embedded store and its config/alerts.yaml.</summary>
public sealed class AlertsCommandsTests : IDisposable
{
    private const string Rules = """
        alerts:
          interval: 1s
          rules:
            - name: execution_errors
              type: error_rate
              service: execution
              window: 1h
              threshold: 10%
              min_events: 3
            - name: feed_silent
              type: absence
              service: data_ingestion
              window: 1m
        """;

    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        Tradelog.Run(_folder.Path, null, "db", "stop");
        _folder.Dispose();
    }

    [Fact]
    public async Task MonitorFiresTheRulesAndTheAlertsCommandsShowTestAndSilenceThem()
    {
        _folder.Write("config/alerts.yaml", Rules);
        Assert.Equal(0, Tradelog.Run(_folder.Path, null, "db", "start").ExitCode);
        EmbeddedStore.Log(_folder.Path, "execution", log =>
        {
            for (var i = 0; i < 4; i++)
            {
                log.Error("broker gateway returned 503");
            }
        });

        var test = Tradelog.Run(_folder.Path, null, "alerts", "test", "execution_errors", "--json");
        Assert.True(test.ExitCode == 0, test.Error);
        var measured = JsonDocument.Parse(test.Output).RootElement.GetProperty("alerts")[0];
        Assert.True(measured.GetProperty("breached").GetBoolean());
        Assert.Equal(1.0, measured.GetProperty("value").GetDouble());

        var port = FreePort();
        using (var monitor = Tradelog.Start(_folder.Path, "monitor", "--metrics", $"127.0.0.1:{port}"))
        {
            await Eventually.TrueAsync(() => monitor.Output.Contains("execution_errors (execution): inactive -> firing", StringComparison.Ordinal)
                && monitor.Output.Contains("feed_silent (data_ingestion): inactive -> firing", StringComparison.Ordinal), 60,
                "monitor did not report both alerts firing");
            Assert.Contains($"Prometheus metrics at http://127.0.0.1:{port}/metrics", monitor.Output, StringComparison.Ordinal);
            using var http = new HttpClient();
            var firing = "";
            await Eventually.TrueAsync(async () =>
            {
                var metrics = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
                firing = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("tradinglog_alerts{", StringComparison.Ordinal)
                    && l.Contains("state=\"firing\"", StringComparison.Ordinal)) ?? "";
                return firing.EndsWith(" 2", StringComparison.Ordinal);
            }, 30, "the monitor's /metrics counts both alerts firing");
            Assert.Equal(0, await monitor.StopAsync());
        }

        var list = Tradelog.Run(_folder.Path, null, "alerts", "list", "--json");
        Assert.True(list.ExitCode == 0, list.Error);
        var states = JsonDocument.Parse(list.Output).RootElement.EnumerateArray()
            .ToDictionary(a => a.GetProperty("rule").GetString()!, a => a.GetProperty("state").GetString());
        Assert.Equal("firing", states["execution_errors"]);
        Assert.Equal("firing", states["feed_silent"]);

        var history = Tradelog.Run(_folder.Path, null, "alerts", "history", "--rule", "feed_silent", "--json");
        Assert.Equal("firing", JsonDocument.Parse(history.Output).RootElement[0].GetProperty("to").GetString());

        var silence = Tradelog.Run(_folder.Path, null, "alerts", "silence", "feed_silent", "--for", "1h", "--comment", "feed maintenance", "--json");
        Assert.True(silence.ExitCode == 0, silence.Error);
        var id = JsonDocument.Parse(silence.Output).RootElement.GetProperty("id").GetInt64();
        var silenced = Tradelog.Run(_folder.Path, null, "alerts", "list", "--json");
        Assert.Contains(JsonDocument.Parse(silenced.Output).RootElement.EnumerateArray(),
            a => a.GetProperty("rule").GetString() == "feed_silent" && a.GetProperty("silenced_by").GetInt64() == id);
        Assert.Equal(0, Tradelog.Run(_folder.Path, null, "alerts", "unsilence", id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ExitCode);
        var again = Tradelog.Run(_folder.Path, null, "alerts", "unsilence", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, again.ExitCode);
        Assert.Contains($"no silence {id} is in force", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadRuleStopsTheCommandNamingTheFileLineRuleAndKey()
    {
        _folder.Write("config/alerts.yaml", Rules.Replace("threshold: 10%", "threshold: lots", StringComparison.Ordinal));
        foreach (var command in new[] { new[] { "alerts", "list" }, ["monitor"], ["alerts", "test", "execution_errors"] })
        {
            var result = Tradelog.Run(_folder.Path, null, command);
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("config/alerts.yaml line 8: alerts.rules[execution_errors].threshold: 'lots' is not a share", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnUnknownRuleIsNamedWithTheConfiguredOnes()
    {
        _folder.Write("config/alerts.yaml", Rules);
        Assert.Equal(0, Tradelog.Run(_folder.Path, null, "db", "migrate").ExitCode);
        var result = Tradelog.Run(_folder.Path, null, "alerts", "silence", "execution_error", "--for", "1h");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no alert rule is named 'execution_error'; configured: execution_errors, feed_silent", result.Error, StringComparison.Ordinal);
        var badFor = Tradelog.Run(_folder.Path, null, "alerts", "silence", "execution_errors", "--for", "forever");
        Assert.Equal(2, badFor.ExitCode);
        Assert.Contains("--for: 'forever' is not a duration", badFor.Error, StringComparison.Ordinal);
        var badService = Tradelog.Run(_folder.Path, null, "alerts", "silence", "execution_errors", "--for", "1h", "--service", "nosuch");
        Assert.Equal(2, badService.ExitCode);
        Assert.Contains("--service: unknown service 'nosuch'; known services are analytics, data_ingestion", badService.Error, StringComparison.Ordinal);
        var badId = Tradelog.Run(_folder.Path, null, "alerts", "unsilence", "abc");
        Assert.Equal(2, badId.ExitCode);
        Assert.Contains("ID: 'abc' is not a silence ID", badId.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("127.0.0.1:99999")]
    [InlineData(":9464")]
    [InlineData("::1")]
    [InlineData("ex ample:9464")]
    public void ABadMetricsAddressIsRefusedNamingTheOption(string address)
    {
        _folder.Write("config/alerts.yaml", Rules);
        var result = Tradelog.Run(_folder.Path, null, "monitor", "--metrics", address);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--metrics", result.Error, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public void MonitorWithoutRulesSaysWhereToWriteThem()
    {
        _folder.Write("config/logging.yaml", "logging:\n  level: INFO\n"); // a configuration of its own, without rules
        var result = Tradelog.Run(_folder.Path, null, "monitor");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no alert rules are configured: add rules to config/alerts.yaml", result.Error, StringComparison.Ordinal);
    }
}
