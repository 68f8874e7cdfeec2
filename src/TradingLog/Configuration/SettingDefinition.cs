namespace TradingLog.Configuration;

/// <summary>One setting: its YAML keys (primary first, then aliases), its environment variables, how to parse, apply and show it.</summary>
internal sealed class SettingDefinition(
    string[] keys,
    string[] environmentVariables,
    Func<string?, object?> parse,
    Action<TradingLogSettings, object?> apply,
    Func<TradingLogSettings, string> show,
    bool secret = false)
{
    public string Key => Keys[0];

    public string[] Keys { get; } = keys;

    public string[] EnvironmentVariables { get; } = environmentVariables;

    public Func<string?, object?> Parse { get; } = parse;

    public Action<TradingLogSettings, object?> Apply { get; } = apply;

    public Func<TradingLogSettings, string> Show { get; } = show;

    public bool Secret { get; } = secret;

    /// <summary>The canonical environment variable of a key: <c>logging.database.batch_size</c> is <c>TRADINGLOG_DATABASE__BATCH_SIZE</c>.</summary>
    public static string VariableOf(string key) =>
        "TRADINGLOG_" + key["logging.".Length..].Replace(".", "__", StringComparison.Ordinal).ToUpperInvariant();
}
