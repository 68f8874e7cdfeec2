using System.Collections;
using System.Text.RegularExpressions;

namespace TradingLog.Configuration;

/// <summary>
/// Loads TradingLog's configuration. Precedence, lowest first: built-in defaults, <c>logging.yaml</c>,
/// <c>logging.{Environment}.yaml</c>, environment variables, command-line overrides.
/// </summary>
public static partial class TradingLogConfiguration
{
    /// <summary>TradingLog variables that are not settings: service launchers' and the embedded server's.</summary>
    // Variables TradingLog's programs read that are not settings (the dashboard's access token is kept out of files).
    private static readonly string[] OtherVariables = ["TRADINGLOG_SERVICE", "TRADINGLOG_PG_BIN", "TRADINGLOG_DASHBOARD_TOKEN"];

    private static readonly string[] ReservedVariables =
        [TradingLogConfigurationOptions.ConfigPathVariable, TradingLogConfigurationOptions.EnvironmentVariable];

    /// <summary>Loads and validates the configuration.</summary>
    /// <exception cref="TradingLogConfigurationException">A value is invalid, a file is missing or malformed; the message
    /// names the file, key and line.</exception>
    public static LoadedConfiguration Load(TradingLogConfigurationOptions? options = null)
    {
        options ??= new TradingLogConfigurationOptions();
        var variables = options.EnvironmentVariables ?? ReadProcessEnvironment();
        var workingDirectory = options.WorkingDirectory ?? Directory.GetCurrentDirectory();
        var errors = new List<string>();
        var warnings = new List<string>();
        var files = new List<string>();
        var layers = new List<SettingsLayer>();

        var basePath = ResolveBasePath(options, variables, workingDirectory, errors);
        var environmentName = options.Environment
            ?? Get(variables, TradingLogConfigurationOptions.EnvironmentVariable)
            ?? Get(variables, "DOTNET_ENVIRONMENT")
            ?? Get(variables, "ASPNETCORE_ENVIRONMENT");

        if (basePath is not null)
        {
            layers.Add(YamlSettingsReader.Read(basePath.Value.Full, basePath.Value.Display, SettingSourceKind.BaseFile, errors, warnings));
            files.Add(basePath.Value.Display);
            if (!string.IsNullOrWhiteSpace(environmentName))
            {
                var envDisplay = EnvironmentFileOf(basePath.Value.Display, environmentName);
                var envFull = EnvironmentFileOf(basePath.Value.Full, environmentName);
                if (File.Exists(envFull))
                {
                    layers.Add(YamlSettingsReader.Read(envFull, envDisplay, SettingSourceKind.EnvironmentFile, errors, warnings));
                    files.Add(envDisplay);
                }
            }
        }

        layers.Add(ReadEnvironment(variables, warnings));
        layers.Add(ReadOverrides(options.Overrides, errors));

        var services = TradingLogSettings.DesignServices.Keys.Concat(layers.SelectMany(l => l.Services));
        var catalog = SettingCatalog.Create(services);
        var settings = new TradingLogSettings();
        var sources = new Dictionary<string, SettingSource>(StringComparer.Ordinal);
        foreach (var definition in catalog)
        {
            sources[definition.Key] = Resolve(definition, layers, settings, errors);
        }

        Validate(settings, sources, errors);
        if (errors.Count > 0)
        {
            throw new TradingLogConfigurationException(errors);
        }

        var effective = catalog
            .Select(d => new EffectiveSetting(d.Key, d.Show(settings), sources[d.Key], d.EnvironmentVariables[0]))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        return new LoadedConfiguration(settings, environmentName, files, warnings, effective);
    }

    private static SettingSource Resolve(SettingDefinition definition, List<SettingsLayer> layers, TradingLogSettings settings, List<string> errors)
    {
        for (var i = layers.Count - 1; i >= 0; i--)
        {
            var found = definition.Keys.Select(k => layers[i].Values.GetValueOrDefault(k)).OfType<RawSetting>().ToList();
            if (found.Count == 0)
            {
                continue;
            }

            if (found.Select(f => f.Value).Distinct().Count() > 1)
            {
                errors.Add($"{string.Join(" and ", found.Select(f => $"{f.Key} ({f.Source})"))} set the same setting to different values; keep one");
                return found[0].Source;
            }

            var chosen = found[0];
            try
            {
                definition.Apply(settings, definition.Parse(chosen.Value));
            }
            catch (SettingValueException e)
            {
                var shown = definition.Secret ? "the value" : chosen.Key;
                errors.Add($"{chosen.Source}: {shown}: {(definition.Secret ? "is invalid" : e.Message)}");
            }

            return chosen.Source;
        }

        return SettingSource.Default;
    }

    private static void Validate(TradingLogSettings settings, Dictionary<string, SettingSource> sources, List<string> errors)
    {
        if (settings.Retention.ArchiveDays < settings.Retention.ActiveDays)
        {
            errors.Add($"{sources["logging.retention.archive_days"]}: logging.retention.archive_days ({settings.Retention.ArchiveDays}) " +
                $"must be at least logging.retention.active_days ({settings.Retention.ActiveDays}, {sources["logging.retention.active_days"]}): " +
                "archived rows are deleted after archive_days counted from their timestamp");
        }
    }

    private static (string Full, string Display)? ResolveBasePath(TradingLogConfigurationOptions options,
        IReadOnlyDictionary<string, string> variables, string workingDirectory, List<string> errors)
    {
        var requested = options.ConfigPath ?? Get(variables, TradingLogConfigurationOptions.ConfigPathVariable);
        if (requested is not null)
        {
            var full = Path.GetFullPath(requested, workingDirectory);
            if (File.Exists(full))
            {
                return (full, requested);
            }

            var via = options.ConfigPath is null ? $" (from {TradingLogConfigurationOptions.ConfigPathVariable})" : "";
            errors.Add(Directory.Exists(full)
                ? $"{requested}{via}: is a folder, not a configuration file"
                : $"{requested}{via}: the configuration file does not exist");
            return null;
        }

        foreach (var folder in options.SearchApplicationDirectory ? new[] { workingDirectory, AppContext.BaseDirectory } : [workingDirectory])
        {
            var candidate = Path.Combine(folder, TradingLogConfigurationOptions.DefaultConfigPath);
            if (File.Exists(candidate))
            {
                var display = folder == workingDirectory ? TradingLogConfigurationOptions.DefaultConfigPath : candidate;
                return (candidate, display);
            }
        }

        return null;
    }

    private static string EnvironmentFileOf(string basePath, string environmentName)
    {
        var extension = Path.GetExtension(basePath);
        return basePath[..^extension.Length] + "." + environmentName + extension;
    }

    private static SettingsLayer ReadEnvironment(IReadOnlyDictionary<string, string> variables, List<string> warnings)
    {
        var layer = new SettingsLayer();
        var byVariable = SettingCatalog.Create([])
            .SelectMany(d => d.EnvironmentVariables.Select((v, i) => (Variable: v, Key: d.Keys[Math.Min(i, d.Keys.Length - 1)])))
            .ToDictionary(x => x.Variable, x => x.Key, StringComparer.OrdinalIgnoreCase);

        foreach (var (name, value) in variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (!name.StartsWith("TRADINGLOG_", StringComparison.OrdinalIgnoreCase) || ReservedVariables.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var source = new SettingSource(SettingSourceKind.EnvironmentVariable, "environment variable " + name);
            if (byVariable.TryGetValue(name, out var key))
            {
                layer.Add(key, value, source);
            }
            else if (ServiceVariable().Match(name) is { Success: true } match)
            {
                var service = match.Groups[1].Value.ToLowerInvariant();
                layer.Services.Add(service);
                layer.Add($"logging.services.{service}.{match.Groups[2].Value.ToLowerInvariant()}", value, source);
            }
            else if (!OtherVariables.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                warnings.Add($"environment variable {name} is not a TradingLog setting and is ignored");
            }
        }

        return layer;
    }

    private static SettingsLayer ReadOverrides(IDictionary<string, string> overrides, List<string> errors)
    {
        var layer = new SettingsLayer();
        foreach (var (rawKey, value) in overrides)
        {
            var key = rawKey.Trim().ToLowerInvariant();
            key = key.StartsWith("logging.", StringComparison.Ordinal) ? key : "logging." + key;
            var source = new SettingSource(SettingSourceKind.CommandLine, $"command-line option --set {rawKey}");
            if (!YamlSettingsReader.IsKnown(key) || SettingCatalog.Sections.Contains(key))
            {
                errors.Add($"{source}: unknown key {Echo.Of(key)}");
                continue;
            }

            var parts = key.Split('.');
            if (parts.Length == 4 && parts[1] == "services")
            {
                layer.Services.Add(parts[2]);
            }

            layer.Add(key, value, source);
        }

        return layer;
    }

    private static string? Get(IReadOnlyDictionary<string, string> variables, string name) =>
        variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static Dictionary<string, string> ReadProcessEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string ?? "";
        }

        return result;
    }

    [GeneratedRegex(@"^TRADINGLOG_SERVICES__([A-Za-z0-9_\-]+?)__(LEVEL|FILE)$", RegexOptions.IgnoreCase)]
    private static partial Regex ServiceVariable();
}
