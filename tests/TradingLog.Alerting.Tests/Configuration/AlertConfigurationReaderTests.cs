using TradingLog.Alerting.Configuration;
using TradingLog.Alerting.Tests.Support;
using TradingLog.Configuration;

namespace TradingLog.Alerting.Tests.Configuration;

public sealed class AlertConfigurationReaderTests
{
    private const string Valid = """
        logging:
          level: INFO
        alerts:
          interval: 10s
          group_wait: 1s
          receivers:
            - name: ops
              url: http://127.0.0.1:9/hook
              secret: s3cret
            - name: am
              type: alertmanager
              url: http://127.0.0.1:9093
          inhibit:
            - source: { alertname: broker_down }
              target: { type: error_rate }
              equal: [service]
          rules:
            - name: execution_errors
              type: error_rate
              service: execution
              window: 5m
              threshold: 5%
              min_events: 20
              for: 30s
              keep_firing_for: 1m
              severity: critical
              labels: { team: trading }
              summary: "{service} errors at {value}"
              receivers: [ops]
            - name: feed_silent
              type: absence
              service: data_ingestion
              query: 'type:market_data'
              window: 2m
        """;

    [Fact]
    public void AValidSectionGivesEveryRuleReceiverAndTiming()
    {
        var settings = AlertingKit.Read(Valid);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.Interval);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.GroupWait);
        Assert.Equal(["ops", "am"], settings.Receivers.Keys);
        Assert.Equal(ReceiverKind.Alertmanager, settings.Receivers["am"].Kind);
        Assert.Equal("s3cret", settings.Receivers["ops"].Secret);
        var rule = settings.Rules[0];
        Assert.Equal(AlertRuleType.ErrorRate, rule.Type);
        Assert.Equal(0.05, rule.Threshold, 6);
        Assert.Equal("execution", rule.Service);
        Assert.Equal(TimeSpan.FromSeconds(30), rule.For);
        Assert.Equal(TimeSpan.FromMinutes(1), rule.KeepFiringFor);
        Assert.Equal("trading", rule.Labels["team"]);
        Assert.Equal("market_data", settings.Rules[1].Scope.EventType);
        Assert.Single(settings.Inhibit);
    }

    [Theory]
    [InlineData("threshold: 5%", "threshold: 150%", "line 8: alerts.rules[r].threshold: '150%' is not a share")]
    [InlineData("threshold: 5%", "threshold: lots", "line 8: alerts.rules[r].threshold: 'lots' is not a share")]
    [InlineData("type: error_rate", "type: error_rates", "line 6: alerts.rules[r].type: 'error_rates' is not a rule type")]
    [InlineData("window: 5m", "window: five minutes", "line 7: alerts.rules[r].window: 'five minutes' is not a duration")]
    [InlineData("window: 5m", "windw: 5m", "line 7: alerts.rules[r].windw: unknown key (did you mean 'window'?)")]
    [InlineData("window: 5m", "percentile: p99", "line 7: alerts.rules[r].percentile: does not apply to error_rate rules")]
    [InlineData("window: 5m", "level: LOUD", "line 7: alerts.rules[r].level: 'LOUD' is not a level")]
    [InlineData("window: 5m", "for: -1s", "line 7: alerts.rules[r].for: '-1s' is not a duration")]
    [InlineData("window: 5m", "summary: '{servce} is bad'", "line 7: alerts.rules[r].summary: unknown placeholder {servce}")]
    [InlineData("window: 5m", "receivers: [pager]", "line 5: alerts.rules[r].receivers: no receiver is named 'pager'")]
    [InlineData("window: 5m", "query: 'level>=LOUD'", "line 7: alerts.rules[r].query:")]
    [InlineData("window: 5m", "labels: { severity: low }", "line 7: alerts.rules[r].labels.severity: is set by TradingLog")]
    public void ABadRuleStopsStartUpNamingTheRuleKeyAndLine(string good, string bad, string expected)
    {
        var yaml = """
            logging:
              level: INFO
            alerts:
              rules:
                - name: r
                  type: error_rate
                  window: 5m
                  threshold: 5%
            """.Replace(good, bad, StringComparison.Ordinal);
        var error = Assert.Throws<TradingLogConfigurationException>(() => AlertingKit.Read(yaml));
        Assert.Contains("logging.yaml " + expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- type: count\n      threshold: 1", "alerts.rules[1]: name is required")]
    [InlineData("- name: r\n      threshold: 1", "alerts.rules[r]: type is required")]
    [InlineData("- name: r\n      type: count", "alerts.rules[r]: threshold is required for count rules")]
    [InlineData("- name: r\n      type: absence", "alerts.rules[r]: window is required for absence rules")]
    [InlineData("- name: r\n      type: count\n      threshold: 1\n    - name: r\n      type: count\n      threshold: 2", "a rule of this name is already")]
    public void AMissingOrDuplicateKeyIsNamed(string rules, string expected)
    {
        var yaml = $"alerts:\n  rules:\n    {rules}\n";
        var error = Assert.Throws<TradingLogConfigurationException>(() => AlertingKit.Read(yaml));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("logging.yaml line ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type: new_pattern\n      level: ERROR", "alerts.rules[p].level: does not apply to new_pattern rules: they measure whole services")]
    [InlineData("type: anomaly\n      sensitivity: extreme", "alerts.rules[p].sensitivity: 'extreme' is not a sensitivity; use low, medium, high")]
    [InlineData("type: anomaly\n      direction: above", "alerts.rules[p].direction: 'above' is not a direction; use spike, drop or both")]
    [InlineData("type: forecast\n      metric: error_rate", "alerts.rules[p]: threshold is required for forecast rules")]
    [InlineData("type: forecast\n      metric: disk\n      threshold: 5", "alerts.rules[p].metric: 'disk' is not a forecast metric")]
    [InlineData("type: forecast\n      metric: table_size\n      threshold: lots", "alerts.rules[p].threshold: 'LOTS' is not a size")]
    [InlineData("type: forecast\n      threshold: 5%\n      method: arima", "alerts.rules[p].method: 'arima' is not a forecast method")]
    [InlineData("type: forecast\n      threshold: 5%\n      window: 2m\n      step: 1m", "alerts.rules[p]: step 1m leaves fewer than 3 points")]
    [InlineData("type: new_pattern\n      returns_after: 10m", "alerts.rules[p].returns_after:")]
    public void ABadPatternOrForecastRuleIsNamed(string keys, string expected)
    {
        var yaml = $"alerts:\n  rules:\n    - name: p\n      {keys}\n";
        var error = Assert.Throws<TradingLogConfigurationException>(() => AlertingKit.Read(yaml));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("logging.yaml line ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PatternAndForecastRulesReadTheirKeysWithTheirDefaults()
    {
        var settings = AlertingKit.Read("""
            alerts:
              rules:
                - { name: n, type: new_pattern, service: execution, returns_after: never }
                - { name: a, type: anomaly, sensitivity: high, direction: spike }
                - { name: f, type: forecast, metric: table_size, threshold: 5GB, gate: 500MB, horizon: 7d, method: holt }
            """);
        var n = settings.Rules[0];
        Assert.Equal(("execution", null, TimeSpan.FromHours(1)), (n.Service, n.ReturnAfter, n.WarmUp));
        var a = settings.Rules[1];
        Assert.Equal((3.5, "spike", TimeSpan.FromMinutes(1), TimeSpan.FromHours(1)), (a.Sensitivity, a.AnomalyDirection, a.Window, a.Baseline));
        var f = settings.Rules[2];
        Assert.Equal((5.0 * (1L << 30), 500.0 * (1L << 20), TimeSpan.FromDays(7), TimeSpan.FromHours(1)), (f.Threshold, f.Gate, f.Horizon, f.Window));
        Assert.Equal(TradingLog.Patterns.Forecasting.ForecastMethod.Holt, f.Method);
    }

    [Theory]
    [InlineData("url: http://127.0.0.1:9/hook", "url: ftp://x", "alerts.receivers[ops].url: 'ftp://x' is not an http:// or https:// URL")]
    [InlineData("url: http://127.0.0.1:9/hook", "url: http://127.0.0.1:9/hook\n      format: xml", "alerts.receivers[ops].format: 'xml' is not a payload format")]
    [InlineData("url: http://127.0.0.1:9/hook", "url: http://127.0.0.1:9/hook\n      secret_env: TRADINGLOG_TEST_UNSET_SECRET",
        "alerts.receivers[ops].secret_env: the environment variable 'TRADINGLOG_TEST_UNSET_SECRET' is not set")]
    [InlineData("url: http://127.0.0.1:9/hook", "timeout: 5s", "alerts.receivers[ops]: url is required")]
    public void ABadReceiverIsNamed(string good, string bad, string expected)
    {
        var yaml = """
            alerts:
              receivers:
                - name: ops
                  url: http://127.0.0.1:9/hook
            """.Replace(good, bad, StringComparison.Ordinal);
        var error = Assert.Throws<TradingLogConfigurationException>(() => AlertingKit.Read(yaml));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryProblemOfAFileIsNamedAtOnce()
    {
        var error = Assert.Throws<TradingLogConfigurationException>(() => AlertingKit.Read("""
            alerts:
              interval: soon
              rules:
                - name: a
                  type: count
                  threshold: many
                - name: b
                  type: latency
                  threshold: fast
            """));
        Assert.Equal(3, error.Problems.Count);
    }

    [Fact]
    public void IncludedFilesAddRulesAndLaterFilesReplaceARuleOfTheSameName()
    {
        using var folder = new TempFolder();
        folder.Write("alerts/trading.yaml", """
            alerts:
              rules:
                - name: broker_down
                  type: count
                  text: broker
                  threshold: 3
            """);
        var main = folder.Write("logging.yaml", """
            alerts:
              include: [alerts/*.yaml]
              rules:
                - name: quiet
                  type: absence
                  window: 1m
            """);
        var production = folder.Write("logging.Production.yaml", """
            alerts:
              rules:
                - name: broker_down
                  type: count
                  text: broker
                  threshold: 10
            """);
        var settings = AlertConfigurationReader.ReadFiles([(main, "logging.yaml"), (production, "logging.Production.yaml")]);
        Assert.Equal(["broker_down", "quiet"], settings.Rules.Select(r => r.Name)); // an include's rules come where it is
        Assert.Equal(10, settings.Rules[0].Threshold);
        Assert.Equal(3, settings.Files.Count);
    }

    [Fact]
    public void AnIncludedFilesErrorNamesThatFile()
    {
        using var folder = new TempFolder();
        folder.Write("more.yaml", "alerts:\n  rules:\n    - name: x\n      type: count\n      threshold: -3\n");
        var main = folder.Write("logging.yaml", "alerts:\n  include: [more.yaml]\n");
        var error = Assert.Throws<TradingLogConfigurationException>(() => AlertConfigurationReader.ReadFiles([(main, "logging.yaml")]));
        Assert.Contains("more.yaml line 5: alerts.rules[x].threshold: '-3' is not a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCoreLoaderNoLongerWarnsAboutTheAlertsSection()
    {
        using var folder = new TempFolder();
        folder.Write("config/logging.yaml", Valid);
        var loaded = TradingLogConfiguration.Load(new TradingLogConfigurationOptions { WorkingDirectory = folder.Path, EnvironmentVariables = new Dictionary<string, string>() });
        Assert.DoesNotContain(loaded.Warnings, w => w.Contains("alerts", StringComparison.Ordinal));
        Assert.Equal(2, AlertConfigurationReader.Read(loaded, folder.Path).Rules.Count);
    }
}
