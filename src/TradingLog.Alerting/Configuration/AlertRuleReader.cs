using System.Text.RegularExpressions;
using TradingLog.Configuration;
using TradingLog.PostgreSql.Queries;
using YamlDotNet.RepresentationModel;

namespace TradingLog.Alerting.Configuration;

/// <summary>Reads one entry of <c>alerts.rules</c>; every problem names the rule, the key and the line.</summary>
internal static class AlertRuleReader
{
    private static readonly string[] Common =
    [
        "name", "type", "service", "category", "level", "event_type", "text", "regex", "field", "query", "window", "for", "keep_firing_for",
        "severity", "labels", "summary", "receivers",
    ];

    private static readonly Dictionary<AlertRuleType, string[]> Specific = new()
    {
        [AlertRuleType.ErrorRate] = ["threshold", "min_events"],
        [AlertRuleType.Count] = ["threshold", "direction"],
        [AlertRuleType.Absence] = [],
        [AlertRuleType.Latency] = ["threshold", "percentile", "operation", "min_events"],
        [AlertRuleType.Degradation] = ["factor", "baseline", "percentile", "operation", "min_events"],
        [AlertRuleType.TradeFailures] = ["threshold", "min_events", "symbol", "strategy"],
        [AlertRuleType.SinkHealth] = ["threshold", "signal"],
        [AlertRuleType.NewPattern] = ["warm_up", "returns_after"],
        [AlertRuleType.Anomaly] = ["baseline", "sensitivity", "direction", "min_events"],
        [AlertRuleType.Forecast] = ["metric", "threshold", "gate", "horizon", "step", "method", "percentile", "operation"],
    };

    // Pattern and forecast rules measure per service; the other scope keys select events, which their queries do not.
    private static readonly string[] EventScope = ["category", "level", "event_type", "text", "regex", "field", "query"];
    private static readonly string[] Metrics = ["error_rate", "latency", "table_size"];

    private static readonly string[] Signals = ["any", "spooled", "dropped", "dead_lettered", "file_write_failures"];
    private static readonly string[] Severities = ["critical", "error", "warning", "info"];
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public static AlertRule? Read(YamlNode node, int index, YamlNodes yaml)
    {
        if (node is not YamlMappingNode mapping)
        {
            yaml.Error(node, $"alerts.rules[{index + 1}]", "must be a section of keys (name, type, ...)");
            return null;
        }

        var nameNode = Child(mapping, "name");
        var name = nameNode is null ? null : yaml.Name(nameNode, $"alerts.rules[{index + 1}].name");
        var prefix = $"alerts.rules[{name ?? (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}]";
        if (nameNode is null)
        {
            yaml.Error(node, prefix, "name is required");
        }

        var typeNode = Child(mapping, "type");
        AlertRuleType? type = null;
        if (typeNode is null)
        {
            yaml.Error(node, prefix, $"type is required: one of {string.Join(", ", AlertRuleTypes.ByName.Keys)}");
        }
        else if (yaml.Text(typeNode, prefix + ".type") is { } typeText)
        {
            if (AlertRuleTypes.ByName.TryGetValue(typeText.Trim().ToLowerInvariant(), out var parsed))
            {
                type = parsed;
            }
            else
            {
                yaml.Error(typeNode, prefix + ".type", $"{Echo.Of(typeText)} is not a rule type; use one of {string.Join(", ", AlertRuleTypes.ByName.Keys)}");
            }
        }

        if (type is null || name is null)
        {
            return null;
        }

        var rule = new AlertRule { Name = name, Type = type.Value, Source = yaml.Where(node) };
        rule = type.Value switch
        {
            AlertRuleType.Anomaly => rule with { Window = AlertRule.DefaultAnomalyWindow },
            AlertRuleType.Forecast => rule with { Window = AlertRule.DefaultForecastWindow },
            _ => rule,
        };
        var metricNode = type.Value == AlertRuleType.Forecast ? Child(mapping, "metric") : null;
        var metric = metricNode is null ? "error_rate" : yaml.Text(metricNode, prefix + ".metric")?.Trim().ToLowerInvariant() ?? "error_rate";
        var scope = new LogFilter();
        var known = Common.Concat(Specific[type.Value]).ToList();
        var allKeys = Common.Concat(Specific.Values.SelectMany(v => v)).Distinct().ToList();
        var hasThreshold = false;
        foreach (var (key, value, keyNode) in yaml.Section(node, prefix, allKeys))
        {
            var at = $"{prefix}.{key}";
            if (!known.Contains(key))
            {
                yaml.Error(keyNode, at, $"does not apply to {AlertRuleTypes.NameOf(type.Value)} rules");
                continue;
            }

            if (type.Value is AlertRuleType.NewPattern or AlertRuleType.Anomaly or AlertRuleType.Forecast && EventScope.Contains(key))
            {
                yaml.Error(keyNode, at, $"does not apply to {AlertRuleTypes.NameOf(type.Value)} rules: they measure whole services (use service)");
                continue;
            }

            switch (key)
            {
                case "name" or "type":
                    break;
                case "service":
                    if (yaml.Text(value, at) is { } service)
                    {
                        scope = scope with { Services = [TradingLogSettings.NormalizeServiceName(service)] };
                    }

                    break;
                case "category":
                    if (yaml.Text(value, at) is { } category)
                    {
                        if (Enum.TryParse<LogCategory>(category.Trim(), ignoreCase: true, out var parsed) && !int.TryParse(category, out _))
                        {
                            scope = scope with { Category = parsed };
                        }
                        else
                        {
                            var names = string.Join(", ", Enum.GetNames<LogCategory>().Select(n => n.ToUpperInvariant()));
                            yaml.Error(value, at, $"{Echo.Of(category)} is not a category; use one of {names}");
                        }
                    }

                    break;
                case "level":
                    if (yaml.Text(value, at) is { } level)
                    {
                        if (LevelNames.TryParse(level, out var minimum))
                        {
                            scope = scope with { MinimumLevel = minimum };
                        }
                        else
                        {
                            yaml.Error(value, at, $"{Echo.Of(level)} is not a level; use one of DEBUG, INFO, WARNING, ERROR, CRITICAL");
                        }
                    }

                    break;
                case "event_type":
                    scope = scope with { EventType = yaml.Text(value, at) };
                    break;
                case "text":
                    scope = scope with { Text = yaml.Text(value, at) };
                    break;
                case "regex":
                    if (yaml.Text(value, at) is { } pattern)
                    {
                        try
                        {
                            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
                            scope = scope with { Pattern = pattern };
                        }
                        catch (ArgumentException e)
                        {
                            yaml.Error(value, at, $"{Echo.Of(pattern)} is not a regular expression: {e.Message}");
                        }
                    }

                    break;
                case "field":
                    if (yaml.Map(value, at) is { } fields)
                    {
                        scope = scope with { Properties = [.. scope.Properties ?? [], .. fields] };
                    }

                    break;
                case "query":
                    if (yaml.Text(value, at) is { } query)
                    {
                        try
                        {
                            scope = LogFilterSyntax.Parse(query, scope);
                        }
                        catch (FilterSyntaxException e)
                        {
                            yaml.Error(value, at, e.Message);
                        }
                    }

                    break;
                case "window":
                    rule = rule with { Window = yaml.Duration(value, at, TimeSpan.FromSeconds(1), Day * 7) ?? rule.Window };
                    break;
                case "baseline":
                    rule = rule with { Baseline = yaml.Duration(value, at, TimeSpan.FromSeconds(1), Day * 7) ?? rule.Baseline };
                    break;
                case "for":
                    rule = rule with { For = yaml.Duration(value, at, TimeSpan.Zero, Day) ?? rule.For };
                    break;
                case "keep_firing_for":
                    rule = rule with { KeepFiringFor = yaml.Duration(value, at, TimeSpan.Zero, Day) ?? rule.KeepFiringFor };
                    break;
                case "threshold":
                    hasThreshold = true;
                    rule = rule with
                    {
                        Threshold = (type.Value == AlertRuleType.Forecast ? ForecastValue(metric, value, at, yaml) : Threshold(type.Value, value, at, yaml))
                            ?? rule.Threshold,
                    };
                    break;
                case "direction" when type.Value == AlertRuleType.Anomaly:
                    var departure = yaml.Text(value, at)?.Trim().ToLowerInvariant();
                    if (departure is "spike" or "drop" or "both")
                    {
                        rule = rule with { AnomalyDirection = departure };
                    }
                    else
                    {
                        yaml.Error(value, at, $"{Echo.Of(departure)} is not a direction; use spike, drop or both");
                    }

                    break;
                case "sensitivity":
                    var sensitivity = yaml.Text(value, at)?.Trim().ToLowerInvariant();
                    if (sensitivity is not null && Patterns.Anomalies.RateAnomalyDetector.Sensitivities.TryGetValue(sensitivity, out var z))
                    {
                        rule = rule with { Sensitivity = z };
                    }
                    else if (double.TryParse(sensitivity, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture,
                        out var spreads) && spreads is >= 1 and <= 100)
                    {
                        rule = rule with { Sensitivity = spreads };
                    }
                    else
                    {
                        yaml.Error(value, at, $"{Echo.Of(sensitivity)} is not a sensitivity; use low, medium, high or a number of spreads from 1 to 100");
                    }

                    break;
                case "warm_up":
                    rule = rule with { WarmUp = yaml.Duration(value, at, TimeSpan.Zero, Day * 30) ?? rule.WarmUp };
                    break;
                case "returns_after":
                    var never = yaml.Text(value, at)?.Trim().ToLowerInvariant() is "never" or "off" or "false";
                    rule = rule with { ReturnAfter = never ? null : yaml.Duration(value, at, TimeSpan.FromHours(1), Day * 365) ?? rule.ReturnAfter };
                    break;
                case "metric":
                    if (!Metrics.Contains(metric))
                    {
                        yaml.Error(value, at, $"{Echo.Of(metric)} is not a forecast metric; use one of {string.Join(", ", Metrics)}");
                    }

                    rule = rule with { Metric = metric };
                    break;
                case "gate":
                    rule = rule with { Gate = ForecastValue(metric, value, at, yaml) ?? rule.Gate };
                    break;
                case "horizon":
                    rule = rule with { Horizon = yaml.Duration(value, at, TimeSpan.FromSeconds(1), Day * 30) ?? rule.Horizon };
                    break;
                case "step":
                    rule = rule with { Step = yaml.Duration(value, at, TimeSpan.FromSeconds(1), Day) ?? rule.Step };
                    break;
                case "method":
                    var method = yaml.Text(value, at)?.Trim().ToLowerInvariant();
                    if (method is "linear" or "holt")
                    {
                        rule = rule with { Method = method == "holt" ? Patterns.Forecasting.ForecastMethod.Holt : Patterns.Forecasting.ForecastMethod.Linear };
                    }
                    else
                    {
                        yaml.Error(value, at, $"{Echo.Of(method)} is not a forecast method; use linear or holt");
                    }

                    break;
                case "direction":
                    var direction = yaml.Text(value, at)?.Trim().ToLowerInvariant();
                    if (direction is "above" or "below")
                    {
                        rule = rule with { Below = direction == "below" };
                    }
                    else
                    {
                        yaml.Error(value, at, $"{Echo.Of(direction)} is not a direction; use above or below");
                    }

                    break;
                case "min_events":
                    rule = rule with { MinEvents = (int)(yaml.Number(value, at, 0, 1_000_000_000, "a whole number") ?? rule.MinEvents) };
                    break;
                case "percentile":
                    rule = rule with { Percentile = Percentile(value, at, yaml) ?? rule.Percentile };
                    break;
                case "operation":
                    rule = rule with { Operation = yaml.Text(value, at) };
                    break;
                case "factor":
                    rule = rule with { Factor = yaml.Number(value, at, 1.01, 1000) ?? rule.Factor };
                    break;
                case "symbol":
                    rule = rule with { Symbol = yaml.Text(value, at) };
                    break;
                case "strategy":
                    rule = rule with { Strategy = yaml.Text(value, at) };
                    break;
                case "signal":
                    var signal = yaml.Text(value, at)?.Trim().ToLowerInvariant();
                    if (signal is not null && Signals.Contains(signal))
                    {
                        rule = rule with { Signal = signal };
                    }
                    else
                    {
                        yaml.Error(value, at, $"{Echo.Of(signal)} is not a signal; use one of {string.Join(", ", Signals)}");
                    }

                    break;
                case "severity":
                    var severity = yaml.Text(value, at)?.Trim().ToLowerInvariant();
                    if (severity is not null && Severities.Contains(severity))
                    {
                        rule = rule with { Severity = severity };
                    }
                    else
                    {
                        yaml.Error(value, at, $"{Echo.Of(severity)} is not a severity; use one of {string.Join(", ", Severities)}");
                    }

                    break;
                case "labels":
                    if (yaml.Map(value, at) is { } labels)
                    {
                        foreach (var reserved in labels.Keys.Where(k => k is "alertname" or "severity" or "type" or "service"))
                        {
                            yaml.Error(value, $"{at}.{reserved}", "is set by TradingLog; choose another label name");
                        }

                        rule = rule with { Labels = labels };
                    }

                    break;
                case "summary":
                    if (yaml.Text(value, at) is { } summary)
                    {
                        if (SummaryTemplate.Problem(summary) is { } problem)
                        {
                            yaml.Error(value, at, problem);
                        }
                        else
                        {
                            rule = rule with { Summary = summary };
                        }
                    }

                    break;
                case "receivers":
                    rule = rule with { Receivers = yaml.List(value, at) ?? [] };
                    break;
            }
        }

        if (type.Value == AlertRuleType.Forecast && rule.Step is { } step && step * TrendForecasterMinPoints > rule.Window)
        {
            yaml.Error(node, prefix, $"step {AlertDuration.Format(step)} leaves fewer than {TrendForecasterMinPoints} points in the window; shorten it");
        }

        if (!hasThreshold && type.Value is AlertRuleType.ErrorRate or AlertRuleType.Count or AlertRuleType.Latency or AlertRuleType.TradeFailures
            or AlertRuleType.Forecast)
        {
            yaml.Error(node, prefix, $"threshold is required for {AlertRuleTypes.NameOf(type.Value)} rules");
        }

        if (type.Value == AlertRuleType.Absence && Child(mapping, "window") is null)
        {
            yaml.Error(node, prefix, "window is required for absence rules: how long without a matching event is too long");
        }

        return rule with { Scope = scope };
    }

    private static double? Threshold(AlertRuleType type, YamlNode value, string at, YamlNodes yaml) => type switch
    {
        AlertRuleType.ErrorRate or AlertRuleType.TradeFailures => yaml.Share(value, at),
        AlertRuleType.Latency => LatencyThreshold(value, at, yaml),
        _ => yaml.Number(value, at, 0, 1e12),
    };

    private const int TrendForecasterMinPoints = Patterns.Forecasting.TrendForecaster.MinPoints;

    /// <summary>A forecast's threshold or gate in its metric's unit: a share, milliseconds, or bytes (<c>5GB</c>).</summary>
    private static double? ForecastValue(string metric, YamlNode value, string at, YamlNodes yaml) => metric switch
    {
        "error_rate" => yaml.Share(value, at),
        "latency" => LatencyThreshold(value, at, yaml),
        _ => Bytes(value, at, yaml),
    };

    /// <summary>Bytes: <c>5000000</c>, <c>500MB</c>, <c>5GB</c> (powers of 1024).</summary>
    private static double? Bytes(YamlNode value, string at, YamlNodes yaml)
    {
        var text = yaml.Text(value, at)?.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        var units = new (string Suffix, double Factor)[] { ("TB", 1L << 40), ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10), ("B", 1) };
        var (suffix, factor) = units.FirstOrDefault(u => text?.EndsWith(u.Suffix, StringComparison.Ordinal) == true);
        var digits = suffix is null ? text : text![..^suffix.Length];
        if (double.TryParse(digits, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && number > 0)
        {
            return number * (suffix is null ? 1 : factor);
        }

        yaml.Error(value, at, $"{Echo.Of(text)} is not a size; write 500MB, 5GB or a number of bytes");
        return null;
    }

    /// <summary>Milliseconds: <c>250</c>, <c>250ms</c> or <c>1.5s</c>.</summary>
    private static double? LatencyThreshold(YamlNode value, string at, YamlNodes yaml)
    {
        var text = yaml.Text(value, at);
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var ms) && ms > 0)
        {
            return ms;
        }

        if (AlertDuration.TryParse(text, out var duration) && duration > TimeSpan.Zero)
        {
            return duration.TotalMilliseconds;
        }

        yaml.Error(value, at, $"{Echo.Of(text)} is not a duration; write 250ms, 1.5s or a number of milliseconds");
        return null;
    }

    /// <summary><c>p95</c>, <c>95</c> or <c>0.95</c>.</summary>
    private static double? Percentile(YamlNode value, string at, YamlNodes yaml)
    {
        var text = yaml.Text(value, at)?.Trim().ToLowerInvariant();
        var digits = text?.TrimStart('p');
        if (double.TryParse(digits, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var p))
        {
            var share = text!.StartsWith('p') || p > 1 ? p / 100 : p;
            if (share is > 0 and <= 1)
            {
                return share;
            }
        }

        yaml.Error(value, at, $"{Echo.Of(text)} is not a percentile; write p95, p99 or 0.95");
        return null;
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: var k } && k == key).Value;
}
