namespace TradingLog.Configuration;

/// <summary>One line of <c>tradelog config show</c>: a key, its effective value (secrets masked) and where it came from.</summary>
/// <param name="Key">The YAML key, such as <c>logging.database.batch_size</c>.</param>
/// <param name="Value">The effective value as text; passwords are masked.</param>
/// <param name="Source">Where the value came from.</param>
/// <param name="EnvironmentVariable">The environment variable that overrides the key.</param>
internal sealed record EffectiveSetting(string Key, string Value, SettingSource Source, string EnvironmentVariable);
