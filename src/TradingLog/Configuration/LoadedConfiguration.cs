namespace TradingLog.Configuration;

/// <summary>The result of loading: the settings, the files read, warnings, and every key's value and source.</summary>
public sealed class LoadedConfiguration
{
    internal LoadedConfiguration(TradingLogSettings settings, string? environmentName, IReadOnlyList<string> files,
        IReadOnlyList<string> warnings, IReadOnlyList<EffectiveSetting> effective)
    {
        Settings = settings;
        EnvironmentName = environmentName;
        Files = files;
        Warnings = warnings;
        Effective = effective;
    }

    /// <summary>The effective settings.</summary>
    public TradingLogSettings Settings { get; }

    /// <summary>The environment name in force, if any.</summary>
    public string? EnvironmentName { get; }

    /// <summary>The configuration files that were read, in precedence order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Problems that did not stop start-up, such as unknown top-level keys.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Every key with its effective value and source, sorted by key. Secrets are masked.</summary>
    internal IReadOnlyList<EffectiveSetting> Effective { get; }
}
