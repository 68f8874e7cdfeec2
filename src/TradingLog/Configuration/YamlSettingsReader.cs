using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TradingLog.Configuration;

/// <summary>Reads a <c>logging.yaml</c> file into a <see cref="SettingsLayer"/>, keeping the line of every value.</summary>
internal static partial class YamlSettingsReader
{
    /// <summary>The first tab in a line's leading whitespace (1-based line and column), or null when there is none.</summary>
    internal static (int Line, int Column)? TabIndentation(string text)
    {
        var line = 1;
        var column = 1;
        var leading = true;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                (line, column, leading) = (line + 1, 1, true);
                continue;
            }

            if (leading && c == '\t')
            {
                return (line, column);
            }

            leading &= c == ' ';
            column++;
        }

        return null;
    }

    public static SettingsLayer Read(string path, string displayPath, SettingSourceKind kind, ICollection<string> errors, ICollection<string> warnings)
    {
        var layer = new SettingsLayer();
        YamlStream stream = new();
        try
        {
            var text = File.ReadAllText(path);
            // YAML forbids tabs in indentation, and the parser reports them where its scan began (line 1): name the line.
            if (TabIndentation(text) is { } tab)
            {
                errors.Add($"{displayPath} line {tab.Line}, column {tab.Column}: YAML syntax error: a tab in the indentation; YAML indents with spaces");
                return layer;
            }

            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var inner = e.InnerException as YamlException;
            var message = LocationPrefix().Replace(inner?.Message ?? e.Message, "");
            var at = inner?.Start ?? e.Start;
            errors.Add($"{displayPath} line {at.Line}, column {at.Column}: YAML syntax error: {message}");
            return layer;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{displayPath}: the configuration file cannot be read: {e.Message}");
            return layer;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            warnings.Add($"{displayPath}: the file is empty; built-in defaults apply");
            return layer;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add($"{displayPath} line {stream.Documents[0].RootNode.Start.Line}: expected a 'logging:' section at the top of the file");
            return layer;
        }

        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (PackageSections.Contains(key))
            {
                continue; // read by the package that owns it (alerts: TradingLog.Alerting), with its own validation
            }

            if (key != "logging")
            {
                warnings.Add($"{displayPath} line {keyNode.Start.Line}: unknown top-level key {Echo.Of(key)} is ignored (TradingLog reads 'logging:')");
                continue;
            }

            Walk(value, "logging", displayPath, kind, layer, errors, warnings);
        }

        return layer;
    }

    private static void Walk(YamlNode node, string key, string displayPath, SettingSourceKind kind, SettingsLayer layer,
        ICollection<string> errors, ICollection<string> warnings)
    {
        var line = node.Start.Line;
        var isSection = IsSection(key, out var isServiceEntry);
        switch (node)
        {
            case YamlMappingNode mapping when isSection || isServiceEntry:
                if (isServiceEntry)
                {
                    layer.Services.Add(key["logging.services.".Length..]);
                }

                foreach (var (childKey, child) in mapping.Children)
                {
                    var name = (childKey as YamlScalarNode)?.Value ?? "";
                    var childPath = key == "logging.services"
                        ? key + "." + TradingLogSettings.NormalizeServiceName(name)
                        : key + "." + name;
                    if (!IsKnown(childPath))
                    {
                        var message = $"{displayPath} line {childKey.Start.Line}: unknown key {Echo.Of(childPath)}{Suggest(childPath)}";
                        if (key == "logging")
                        {
                            warnings.Add(message + " is ignored");
                        }
                        else
                        {
                            errors.Add(message);
                        }

                        continue;
                    }

                    Walk(child, childPath, displayPath, kind, layer, errors, warnings);
                }

                break;
            case YamlMappingNode map when MapKeys.Contains(key):
                var pairs = new List<string>();
                foreach (var (name, item) in map.Children)
                {
                    if (item is not YamlScalarNode { Value: var text })
                    {
                        errors.Add($"{displayPath} line {item.Start.Line}: {key}.{(name as YamlScalarNode)?.Value} must be a single value");
                        continue;
                    }

                    pairs.Add(Uri.EscapeDataString((name as YamlScalarNode)?.Value ?? "") + "=" + Uri.EscapeDataString(text ?? ""));
                }

                layer.Add(key, string.Join(",", pairs), new SettingSource(kind, $"{displayPath} line {line}"));
                break;
            case YamlMappingNode or YamlSequenceNode:
                errors.Add($"{displayPath} line {line}: {key} must be a single value, not a {(node is YamlMappingNode ? "section" : "list")}");
                break;
            case YamlScalarNode scalar when isSection || isServiceEntry:
                if (isServiceEntry && IsNull(scalar))
                {
                    layer.Services.Add(key["logging.services.".Length..]);
                    break;
                }

                errors.Add($"{displayPath} line {line}: {key} must be a section of keys, not the value {Echo.Of(scalar.Value)}");
                break;
            case YamlScalarNode scalar:
                var source = new SettingSource(kind, $"{displayPath} line {line}");
                layer.Add(key, IsNull(scalar) ? null : scalar.Value, source);
                break;
        }
    }

    /// <summary>Keys whose value may be a map of names to values as well as <c>name=value,...</c> text.</summary>
    internal static readonly HashSet<string> MapKeys = new(StringComparer.Ordinal) { "logging.otlp.headers", "logging.otlp.resource_attributes" };

    /// <summary>Top-level sections other packages read from the same files.</summary>
    internal static readonly HashSet<string> PackageSections = new(StringComparer.Ordinal) { "alerts" };

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private static bool IsSection(string key, out bool isServiceEntry)
    {
        isServiceEntry = key.StartsWith("logging.services.", StringComparison.Ordinal) && key.Count(c => c == '.') == 2;
        return SettingCatalog.Sections.Contains(key);
    }

    internal static bool IsKnown(string key)
    {
        if (SettingCatalog.Sections.Contains(key) || KnownKeys.Contains(key))
        {
            return true;
        }

        var parts = key.Split('.');
        return parts.Length >= 3 && parts[0] == "logging" && parts[1] == "services"
            && (parts.Length == 3 || parts.Length == 4 && SettingCatalog.ServiceFields.Contains(parts[3]));
    }

    private static readonly HashSet<string> KnownKeys = SettingCatalog.Create([]).SelectMany(d => d.Keys).ToHashSet(StringComparer.Ordinal);

    private static string Suggest(string key)
    {
        var best = KnownKeys.Concat(SettingCatalog.Sections)
            .Select(k => (Key: k, Distance: Distance(k, key)))
            .Where(c => c.Distance <= 3)
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return best.Key is null ? "" : $" (did you mean '{best.Key}'?)";
    }

    /// <summary>The edit distance of two keys, for "did you mean" suggestions (also the alerts: section's).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex LocationPrefix();
}
