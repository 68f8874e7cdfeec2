namespace TradingLog.Configuration;

/// <summary>The raw values of one precedence layer (a file, the environment, the command line), keyed by YAML key.</summary>
internal sealed class SettingsLayer
{
    public Dictionary<string, RawSetting> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Service names this layer mentions, so that their settings exist even with no value.</summary>
    public HashSet<string> Services { get; } = new(StringComparer.Ordinal);

    public void Add(string key, string? value, SettingSource source) => Values[key] = new RawSetting(key, value, source);
}
