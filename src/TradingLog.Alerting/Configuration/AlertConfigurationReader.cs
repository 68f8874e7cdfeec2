using TradingLog.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TradingLog.Alerting.Configuration;

/// <summary>
/// Reads the <c>alerts:</c> section of <c>alerts.yaml</c> beside the base file and of the configuration files TradingLog
/// loaded (<c>logging.yaml</c>, then
/// <c>logging.{Environment}.yaml</c>) and of the files they include (<c>alerts.include</c>, relative to the including
/// file, <c>*</c> allowed in the file name). Later files win: a rule or receiver of the same name replaces the earlier
/// one, single values are overridden, inhibitions add up.
/// </summary>
internal static class AlertConfigurationReader
{
    private static readonly string[] SectionKeys =
    [
        "enabled", "interval", "group_by", "group_wait", "repeat_interval", "resend_interval", "flapping", "history_days", "dashboard_url",
        "include", "receivers", "inhibit", "rules",
    ];

    private static readonly string[] ReceiverKeys =
        ["name", "type", "url", "format", "secret", "secret_env", "timeout", "retry_interval", "retry_for", "headers"];

    /// <summary>
    /// The rules file read first when it exists: <c>config/alerts.yaml</c> of the working folder, else <c>alerts.yaml</c>
    /// beside the base configuration file.
    /// </summary>
    public const string RulesFile = "alerts.yaml";

    /// <summary>The alerting settings of <paramref name="configuration"/>, and of its <see cref="RulesFile"/>.</summary>
    /// <param name="configuration">The loaded configuration whose files are read.</param>
    /// <param name="workingDirectory">The folder relative file names are resolved against.</param>
    /// <param name="variables">Environment variables, for <c>secret_env</c>; null for the process's.</param>
    /// <exception cref="TradingLogConfigurationException">A rule, receiver or key is invalid; every problem names the file, line and key.</exception>
    public static AlertingSettings Read(LoadedConfiguration configuration, string workingDirectory, IReadOnlyDictionary<string, string>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Read(configuration.Files, workingDirectory, variables);
    }

    /// <summary>
    /// The alerting settings of configuration files as the loader names them (relative to <paramref name="workingDirectory"/>),
    /// and of their <see cref="RulesFile"/>.
    /// </summary>
    /// <exception cref="TradingLogConfigurationException">A rule, receiver or key is invalid; every problem names the file, line and key.</exception>
    public static AlertingSettings Read(IReadOnlyList<string> configurationFiles, string workingDirectory,
        IReadOnlyDictionary<string, string>? variables = null)
    {
        var files = configurationFiles.Select(f => (Full: Path.GetFullPath(f, workingDirectory), Display: f)).ToList();
        // Rules may live in alerts.yaml (Prometheus keeps rule files apart too): the working folder's config/alerts.yaml,
        // else the one beside the base file. logging.yaml's own alerts: section and the environment file come after it and win.
        var candidates = new List<(string Full, string Display)>
        {
            (Path.Combine(workingDirectory, "config", RulesFile), Path.Combine("config", RulesFile)),
        };
        if (files.Count > 0)
        {
            candidates.Add((Path.Combine(Path.GetDirectoryName(files[0].Full)!, RulesFile),
                Path.Combine(Path.GetDirectoryName(files[0].Display) ?? "", RulesFile)));
        }

        if (candidates.FirstOrDefault(c => File.Exists(c.Full)) is { Full: not null } rules)
        {
            files.Insert(0, rules);
        }

        return ReadFiles(files, variables);
    }

    /// <summary>The alerting settings of these files, in order (full path, path as shown in messages).</summary>
    public static AlertingSettings ReadFiles(IEnumerable<(string Full, string Display)> files, IReadOnlyDictionary<string, string>? variables = null)
    {
        var settings = new AlertingSettings();
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (full, display) in files)
        {
            ReadFile(full, display, settings, errors, seen, variables, depth: 0);
        }

        foreach (var rule in settings.Rules)
        {
            foreach (var receiver in rule.Receivers.Where(r => !settings.Receivers.ContainsKey(r)))
            {
                errors.Add($"{rule.Source}: alerts.rules[{rule.Name}].receivers: no receiver is named {Echo.Of(receiver)}" +
                    (settings.Receivers.Count == 0 ? "; add it under alerts.receivers" : $"; configured: {string.Join(", ", settings.Receivers.Keys)}"));
            }
        }

        if (errors.Count > 0)
        {
            throw new TradingLogConfigurationException(errors);
        }

        return settings;
    }

    private static void ReadFile(string full, string display, AlertingSettings settings, List<string> errors, HashSet<string> seen,
        IReadOnlyDictionary<string, string>? variables, int depth)
    {
        if (!seen.Add(full))
        {
            return;
        }

        YamlStream stream = new();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(full)));
        }
        catch (YamlException e)
        {
            // logging.yaml's own syntax errors are reported by the core loader; an included file's are reported here.
            errors.Add($"{display} line {e.Start.Line}, column {e.Start.Column}: YAML syntax error: {(e.InnerException ?? e).Message}");
            return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{display}: the file cannot be read: {e.Message}");
            return;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return;
        }

        var section = root.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: "alerts" }).Value;
        if (section is null || YamlNodes.IsNull(section))
        {
            return;
        }

        settings.Files.Add(display);
        var yaml = new YamlNodes(display, errors);
        foreach (var (key, value, _) in yaml.Section(section, "alerts", SectionKeys))
        {
            var at = "alerts." + key;
            switch (key)
            {
                case "enabled":
                    settings.Enabled = yaml.Bool(value, at) ?? settings.Enabled;
                    break;
                case "interval":
                    settings.Interval = yaml.Duration(value, at, TimeSpan.FromMilliseconds(200), TimeSpan.FromHours(1)) ?? settings.Interval;
                    break;
                case "group_by":
                    settings.GroupBy = yaml.List(value, at) ?? settings.GroupBy;
                    break;
                case "group_wait":
                    settings.GroupWait = yaml.Duration(value, at, TimeSpan.Zero, TimeSpan.FromMinutes(10)) ?? settings.GroupWait;
                    break;
                case "repeat_interval":
                    settings.RepeatInterval = yaml.Duration(value, at, TimeSpan.FromSeconds(1), TimeSpan.FromDays(30)) ?? settings.RepeatInterval;
                    break;
                case "resend_interval":
                    settings.ResendInterval = yaml.Duration(value, at, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)) ?? settings.ResendInterval;
                    break;
                case "history_days":
                    settings.HistoryDays = (int)(yaml.Number(value, at, 1, 3650, "a whole number of days") ?? settings.HistoryDays);
                    break;
                case "dashboard_url":
                    var url = yaml.Text(value, at);
                    if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out var dashboard))
                    {
                        yaml.Error(value, at, $"{Echo.Of(url)} is not an absolute URL such as http://127.0.0.1:5080/");
                    }
                    else
                    {
                        settings.DashboardUrl = url is null ? null : new Uri(url);
                    }

                    break;
                case "flapping":
                    foreach (var (flapKey, flapValue, _) in yaml.Section(value, at, ["window", "transitions"]))
                    {
                        if (flapKey == "window")
                        {
                            settings.FlapWindow = yaml.Duration(flapValue, at + ".window", TimeSpan.FromSeconds(1), TimeSpan.FromDays(1))
                                ?? settings.FlapWindow;
                        }
                        else
                        {
                            settings.FlapTransitions = (int)(yaml.Number(flapValue, at + ".transitions", 2, 1000, "a whole number")
                                ?? settings.FlapTransitions);
                        }
                    }

                    break;
                case "include":
                    foreach (var pattern in yaml.List(value, at) ?? [])
                    {
                        var folder = Path.GetDirectoryName(full)!;
                        var matches = Expand(folder, pattern);
                        if (matches.Count == 0 && !pattern.Contains('*'))
                        {
                            var relativeTo = Path.GetDirectoryName(display) is { Length: > 0 } d ? d : ".";
                            yaml.Error(value, at, $"{Echo.Of(pattern)} does not exist (relative to {relativeTo})");
                        }

                        foreach (var match in matches)
                        {
                            var shown = Path.Combine(Path.GetDirectoryName(display) ?? "", Path.GetRelativePath(folder, match));
                            if (depth < 5)
                            {
                                ReadFile(match, shown, settings, errors, seen, variables, depth + 1);
                            }
                        }
                    }

                    break;
                case "receivers":
                    foreach (var receiver in Items(value, at, yaml).Select(item => ReadReceiver(item, yaml, variables)).OfType<AlertReceiver>())
                    {
                        settings.Receivers[receiver.Name] = receiver;
                    }

                    break;
                case "inhibit":
                    var n = 0;
                    foreach (var item in Items(value, at, yaml))
                    {
                        n++;
                        if (ReadInhibit(item, $"{at}[{n}]", yaml) is { } inhibit)
                        {
                            settings.Inhibit.Add(inhibit);
                        }
                    }

                    break;
                case "rules":
                    var index = 0;
                    var names = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var item in Items(value, at, yaml))
                    {
                        if (AlertRuleReader.Read(item, index++, yaml) is not { } rule)
                        {
                            continue;
                        }

                        if (!names.Add(rule.Name))
                        {
                            yaml.Error(item, $"alerts.rules[{rule.Name}]", "a rule of this name is already in this file; names are unique");
                            continue;
                        }

                        var existing = settings.Rules.FindIndex(r => r.Name == rule.Name);
                        if (existing >= 0)
                        {
                            settings.Rules[existing] = rule;
                        }
                        else
                        {
                            settings.Rules.Add(rule);
                        }
                    }

                    break;
            }
        }
    }

    private static List<string> Expand(string folder, string pattern)
    {
        var path = Path.GetFullPath(pattern, folder);
        if (!Path.GetFileName(path).Contains('*'))
        {
            return File.Exists(path) ? [path] : [];
        }

        var directory = Path.GetDirectoryName(path)!;
        return Directory.Exists(directory) ? Directory.GetFiles(directory, Path.GetFileName(path)).Order(StringComparer.Ordinal).ToList() : [];
    }

    private static IEnumerable<YamlNode> Items(YamlNode node, string key, YamlNodes yaml)
    {
        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children;
        }

        if (!YamlNodes.IsNull(node))
        {
            yaml.Error(node, key, "must be a list (each entry starting with '- ')");
        }

        return [];
    }

    private static AlertReceiver? ReadReceiver(YamlNode node, YamlNodes yaml, IReadOnlyDictionary<string, string>? variables)
    {
        var nameNode = (node as YamlMappingNode)?.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: "name" }).Value;
        var name = nameNode is null ? null : yaml.Name(nameNode, "alerts.receivers[].name");
        var prefix = $"alerts.receivers[{name ?? "?"}]";
        if (nameNode is null)
        {
            yaml.Error(node, prefix, "name is required");
        }

        Uri? url = null;
        var kind = ReceiverKind.Webhook;
        var slack = false;
        string? secret = null;
        var timeout = AlertReceiver.DefaultTimeout;
        var retryInterval = AlertReceiver.DefaultRetryInterval;
        var retryFor = AlertReceiver.DefaultRetryFor;
        IReadOnlyDictionary<string, string> headers = new Dictionary<string, string>();
        foreach (var (key, value, _) in yaml.Section(node, prefix, ReceiverKeys))
        {
            var at = $"{prefix}.{key}";
            switch (key)
            {
                case "type":
                    var type = yaml.Text(value, at)?.Trim().ToLowerInvariant();
                    if (type is "webhook" or "alertmanager" or "slack")
                    {
                        kind = type == "alertmanager" ? ReceiverKind.Alertmanager : ReceiverKind.Webhook;
                        slack |= type == "slack";
                    }
                    else
                    {
                        yaml.Error(value, at, $"{Echo.Of(type)} is not a receiver type; use webhook, slack or alertmanager");
                    }

                    break;
                case "url":
                    var text = yaml.Text(value, at);
                    if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https")
                    {
                        url = parsed;
                    }
                    else
                    {
                        yaml.Error(value, at, $"{Echo.Of(text)} is not an http:// or https:// URL");
                    }

                    break;
                case "format":
                    var format = yaml.Text(value, at)?.Trim().ToLowerInvariant();
                    if (format is "json" or "slack")
                    {
                        slack = format == "slack";
                    }
                    else
                    {
                        yaml.Error(value, at, $"{Echo.Of(format)} is not a payload format; use json or slack");
                    }

                    break;
                case "secret":
                    secret = yaml.Text(value, at);
                    break;
                case "secret_env":
                    var variable = yaml.Text(value, at);
                    var found = variable is null ? null
                        : variables is not null ? variables.GetValueOrDefault(variable) : Environment.GetEnvironmentVariable(variable);
                    if (string.IsNullOrEmpty(found))
                    {
                        yaml.Error(value, at, $"the environment variable {Echo.Of(variable)} is not set");
                    }

                    secret = found;
                    break;
                case "timeout":
                    timeout = yaml.Duration(value, at, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5)) ?? timeout;
                    break;
                case "retry_interval":
                    retryInterval = yaml.Duration(value, at, TimeSpan.FromMilliseconds(100), AlertReceiver.MaxRetryInterval) ?? retryInterval;
                    break;
                case "retry_for":
                    retryFor = yaml.Duration(value, at, TimeSpan.FromSeconds(1), TimeSpan.FromDays(30)) ?? retryFor;
                    break;
                case "headers":
                    headers = yaml.Map(value, at) ?? headers;
                    break;
            }
        }

        if (url is null && node is YamlMappingNode mapping && !mapping.Children.Any(c => c.Key is YamlScalarNode { Value: "url" }))
        {
            yaml.Error(node, prefix, "url is required");
        }

        if (kind == ReceiverKind.Alertmanager && slack)
        {
            yaml.Error(node, prefix + ".format", "slack applies to webhook receivers only");
        }

        return name is null || url is null
            ? null
            : new AlertReceiver
            {
                Name = name, Kind = kind, Url = url, Slack = slack, Secret = secret, Timeout = timeout, RetryInterval = retryInterval,
                RetryFor = retryFor, Headers = headers,
            };
    }

    private static InhibitRule? ReadInhibit(YamlNode node, string prefix, YamlNodes yaml)
    {
        Dictionary<string, string>? source = null, target = null;
        IReadOnlyList<string> equal = [];
        foreach (var (key, value, _) in yaml.Section(node, prefix, ["source", "target", "equal"]))
        {
            switch (key)
            {
                case "source":
                    source = yaml.Map(value, $"{prefix}.source");
                    break;
                case "target":
                    target = yaml.Map(value, $"{prefix}.target");
                    break;
                default:
                    equal = yaml.List(value, $"{prefix}.equal") ?? [];
                    break;
            }
        }

        if (source is not { Count: > 0 } || target is not { Count: > 0 })
        {
            yaml.Error(node, prefix, "source and target are both required, each with at least one label such as alertname: database_unreachable");
            return null;
        }

        return new InhibitRule(source, target, equal);
    }
}
