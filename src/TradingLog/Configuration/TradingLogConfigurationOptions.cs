namespace TradingLog.Configuration;

/// <summary>What <see cref="TradingLogConfiguration.Load"/> reads: the files, the environment and command-line overrides.</summary>
public sealed class TradingLogConfigurationOptions
{
    /// <summary>Environment variable naming the base configuration file.</summary>
    public const string ConfigPathVariable = "TRADINGLOG_CONFIG";

    /// <summary>Environment variable naming the environment (Development, Production, ...). Checked before <c>DOTNET_ENVIRONMENT</c>.</summary>
    public const string EnvironmentVariable = "TRADINGLOG_ENVIRONMENT";

    /// <summary>The default base file, relative to the working directory and then to the application folder.</summary>
    public const string DefaultConfigPath = "config/logging.yaml";

    /// <summary>The base file. Null: <c>TRADINGLOG_CONFIG</c>, else <see cref="DefaultConfigPath"/> when it exists, else built-in defaults.</summary>
    public string? ConfigPath { get; set; }

    /// <summary>The environment whose <c>logging.{Environment}.yaml</c> is layered on top. Null: read from the environment variables.</summary>
    public string? Environment { get; set; }

    /// <summary>The environment variables to read. Null reads the process environment.</summary>
    public IReadOnlyDictionary<string, string>? EnvironmentVariables { get; set; }

    /// <summary>Command-line overrides, highest precedence: key (with or without <c>logging.</c>) to value.</summary>
    public IDictionary<string, string> Overrides { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the application's own folder is searched for <see cref="DefaultConfigPath"/> after the working directory.</summary>
    internal bool SearchApplicationDirectory { get; set; } = true;

    /// <summary>The folder relative paths are read from. Null is the current directory.</summary>
    public string? WorkingDirectory { get; set; }
}
