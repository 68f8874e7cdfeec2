using System.Globalization;
using TradingLog.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TradingLog.Alerting.Configuration;

/// <summary>
/// Reads values out of YAML nodes for the <c>alerts:</c> section. Every problem is added to the error list as
/// <c>{file} line {n}: {key}: {what is wrong}</c>, and reading goes on so that one start-up names every problem.
/// </summary>
internal sealed class YamlNodes(string file, List<string> errors)
{
    public string File { get; } = file;

    public void Error(YamlNode node, string key, string problem) => errors.Add($"{File} line {node.Start.Line}: {key}: {problem}");

    public string Where(YamlNode node) => $"{File} line {node.Start.Line}";

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public string? Text(YamlNode node, string key)
    {
        if (node is YamlScalarNode scalar)
        {
            return IsNull(scalar) ? null : scalar.Value;
        }

        Error(node, key, $"must be a single value, not a {(node is YamlMappingNode ? "section" : "list")}");
        return null;
    }

    public string? Name(YamlNode node, string key)
    {
        var text = Text(node, key)?.Trim();
        if (text is null || text.Length == 0 || text.Length > 100 || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            Error(node, key, $"{Echo.Of(text)} is not a name; use letters, digits, '_', '-' and '.' (at most 100)");
            return null;
        }

        return text;
    }

    public TimeSpan? Duration(YamlNode node, string key, TimeSpan min, TimeSpan max)
    {
        var text = Text(node, key);
        if (AlertDuration.TryParse(text, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Error(node, key, $"{Echo.Of(text)} is not a duration from {AlertDuration.Format(min)} to {AlertDuration.Format(max)}; " +
            "write it as 30s, 5m, 1h or 1h30m");
        return null;
    }

    public double? Number(YamlNode node, string key, double min, double max, string what = "a number")
    {
        var text = Text(node, key);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= min && value <= max)
        {
            return value;
        }

        Error(node, key, $"{Echo.Of(text)} is not {what} from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        return null;
    }

    /// <summary>A share from 0 to 1, written as 0.05 or 5%.</summary>
    public double? Share(YamlNode node, string key)
    {
        var text = Text(node, key)?.Trim();
        if (text is not null && text.EndsWith('%')
            && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent is >= 0 and <= 100)
        {
            return percent / 100;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share is >= 0 and <= 1)
        {
            return share;
        }

        Error(node, key, $"{Echo.Of(text)} is not a share; write 0.05 or 5%");
        return null;
    }

    public bool? Bool(YamlNode node, string key)
    {
        var text = Text(node, key)?.Trim().ToLowerInvariant();
        switch (text)
        {
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                Error(node, key, $"{Echo.Of(text)} is not true or false");
                return null;
        }
    }

    public IReadOnlyList<string>? List(YamlNode node, string key)
    {
        switch (node)
        {
            case YamlSequenceNode sequence:
                var items = new List<string>();
                foreach (var item in sequence)
                {
                    if (Text(item, key) is { } text)
                    {
                        items.Add(text);
                    }
                }

                return items;
            case YamlScalarNode scalar when !IsNull(scalar):
                return [scalar.Value!];
            default:
                Error(node, key, "must be a list such as [a, b]");
                return null;
        }
    }

    public Dictionary<string, string>? Map(YamlNode node, string key)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, key, "must be a section of name: value pairs");
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in mapping.Children)
        {
            var label = (name as YamlScalarNode)?.Value ?? "";
            if (Text(value, $"{key}.{label}") is { } text)
            {
                map[label] = text;
            }
        }

        return map;
    }

    /// <summary>The children of a section, refusing keys not in <paramref name="known"/> with a suggestion.</summary>
    public IEnumerable<(string Key, YamlNode Value, YamlNode KeyNode)> Section(YamlNode node, string key, IReadOnlyCollection<string> known)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, key, "must be a section of keys");
            yield break;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name))
            {
                var near = known.OrderBy(k => Distance(k, name)).First();
                var hint = Distance(near, name) <= 3 ? $" (did you mean '{near}'?)" : $"; known keys: {string.Join(", ", known)}";
                Error(keyNode, $"{key}.{name}", "unknown key" + hint);
                continue;
            }

            yield return (name, value, keyNode);
        }
    }

    private static int Distance(string a, string b) => YamlSettingsReader.Distance(a, b);
}
